// The typed HTTP client of the web app: same-origin session cookie, CSRF header on changes, one error type.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api-schema.d.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Kept in memory only: a token in storage would outlive the session it belongs to.
let csrfToken: string | null = null;

export function rememberCsrfToken(token: string | null) {
  csrfToken = token;
}

const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrfMiddleware);

/** The JSON answer of a successful call of `method` on `path`. */
export type ApiAnswer<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch' | 'delete',
  S extends number = 200,
> = paths[P][M] extends { responses: infer R }
  ? R extends Record<S, { content: { 'application/json': infer J } }>
    ? J
    : never
  : never;

/** The JSON body of `method` on `path`. */
export type ApiBody<P extends keyof paths, M extends 'post' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
  details?: Record<string, unknown>;
  requestId?: string;
}

/** A failed API call; `message` is already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly details: Record<string, unknown>;
  readonly requestId?: string;

  constructor(status: number, body: Partial<ApiErrorBody> | undefined, fallbackMessage: string) {
    super(body?.message ?? fallbackMessage);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? 'unknown';
    this.fields = body?.fields ?? {};
    this.details = body?.details ?? {};
    this.requestId = body?.requestId;
  }
}

/** Text shown when the server could not be reached or answered without a readable error. */
let networkErrorMessage = 'Network error';
export function setNetworkErrorMessage(message: string) {
  networkErrorMessage = message;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns the answer's data or throws an ApiError carrying the server's message and field errors. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, undefined, networkErrorMessage);
  }
  if (result.response.ok) return result.data as T;
  const body = (result.error as { error?: Partial<ApiErrorBody> } | undefined)?.error;
  throw new ApiError(result.response.status, body, networkErrorMessage);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
