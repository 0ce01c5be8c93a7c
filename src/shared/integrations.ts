// What API tokens may reach and which events webhooks may subscribe to: data in one place, read by the server's
// checks, the API schemas and the web form alike.

/**
 * Modules a token may be scoped to, each with the OpenAPI tags of its routes. A token acts with no platform role
 * (never as an operator or an expert), so the operator's and experts' modules — reviews, exports, audit — are not here.
 */
export const TOKEN_SCOPE_MODULES = {
  organizations: ['organizations'],
  membership: ['membership', 'registry'],
  measures: ['measures'],
  applications: ['applications'],
  requests: ['requests'],
  solutions: ['solutions'],
  pilots: ['pilots'],
  projects: ['projects'],
  investments: ['investments'],
  analytics: ['analytics'],
  notifications: ['notifications'],
  files: ['files'],
  search: ['search'],
} as const satisfies Record<string, readonly string[]>;

export type TokenScopeModule = keyof typeof TOKEN_SCOPE_MODULES;
export const TOKEN_SCOPE_MODULE_NAMES = Object.keys(TOKEN_SCOPE_MODULES) as TokenScopeModule[];
export type TokenAccess = 'read' | 'write';
export type TokenScope = `${TokenScopeModule}:${TokenAccess}`;
export const TOKEN_SCOPES: TokenScope[] = TOKEN_SCOPE_MODULE_NAMES.flatMap((module) => [
  `${module}:read` as const,
  `${module}:write` as const,
]);

const READ_METHODS = new Set(['GET', 'HEAD']);

/** The module whose scope covers a route, by the route's tags; undefined when no token may call it. */
export function scopeModuleOf(tags: readonly string[] | undefined): TokenScopeModule | undefined {
  if (!tags) return undefined;
  return TOKEN_SCOPE_MODULE_NAMES.find((module) =>
    (TOKEN_SCOPE_MODULES[module] as readonly string[]).some((tag) => tags.includes(tag)),
  );
}

export type ScopeCheck =
  | { allowed: true; scope: TokenScope }
  | { allowed: false; reason: 'scope'; scope: TokenScope }
  | { allowed: false; reason: 'session_only' };

/**
 * Whether a token with `scopes` may call a route with `tags` by `method`: GET and HEAD need `<module>:read`, every
 * other method `<module>:write` (write does not imply read: a token that only posts cannot read back). Routes of no
 * module (sign-in, tokens and webhooks themselves, the operator's tools) are for signed-in people only.
 */
export function checkTokenScope(
  scopes: readonly string[],
  tags: readonly string[] | undefined,
  method: string,
): ScopeCheck {
  const module = scopeModuleOf(tags);
  if (!module) return { allowed: false, reason: 'session_only' };
  const scope: TokenScope = `${module}:${READ_METHODS.has(method.toUpperCase()) ? 'read' : 'write'}`;
  return scopes.includes(scope) ? { allowed: true, scope } : { allowed: false, reason: 'scope', scope };
}

/**
 * Families of events an organization's records produce (the `kind` of its notifications, e.g. `application.status`,
 * `solution.shortlist`, `deal.created`). A webhook subscribes to families (`application.*`) or exact kinds; none means
 * every event.
 */
export const WEBHOOK_EVENT_FAMILIES = ['application', 'request', 'solution', 'pilot', 'project', 'deal'] as const;
export type WebhookEventFamily = (typeof WEBHOOK_EVENT_FAMILIES)[number];

/** `application.*` or an exact kind like `application.status`, of a known family. */
export function isWebhookEventPattern(pattern: string): boolean {
  const match = /^([a-z_]+)\.(\*|[a-z_]+)$/.exec(pattern);
  return match !== null && (WEBHOOK_EVENT_FAMILIES as readonly string[]).includes(match[1]);
}

export function webhookWantsEvent(events: readonly string[], kind: string): boolean {
  if (events.length === 0) return true;
  const family = kind.split('.')[0];
  return events.some((pattern) => pattern === kind || pattern === `${family}.*`);
}
