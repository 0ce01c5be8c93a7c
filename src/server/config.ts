// The only reader of process.env: every setting is typed and checked once, at boot.
import path from 'node:path';

export type DemoData = 'full' | 'small' | 'none';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  demoData: DemoData;
  adminEmail?: string;
  adminPassword?: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Secure cookies only when served over HTTPS (behind a proxy that says so). */
  secureCookies: boolean;
  logLevel: string;
  /** Requests per minute per client address on /api; 0 turns the limit off (benchmarks). */
  rateLimitPerMinute: number;
  /** Where the built web app lives; absent in API-only test runs. */
  webDir?: string;
  /** Webhooks may post to loopback and private addresses (tests, closed networks); off by default against SSRF. */
  webhooksAllowPrivate: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be a port number, got "${env.PORT}"`);
  const demoData = (env.DEMO_DATA ?? 'full') as DemoData;
  if (!['full', 'small', 'none'].includes(demoData))
    problems.push(`DEMO_DATA must be full, small or none, got "${env.DEMO_DATA}"`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    problems.push('DATABASE_URL must start with postgres://');
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) problems.push('REDIS_URL must start with redis://');
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD))
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD go together');
  if (env.ADMIN_PASSWORD && env.ADMIN_PASSWORD.length < 8)
    problems.push('ADMIN_PASSWORD must have at least 8 characters');
  if (env.WEBHOOKS_ALLOW_PRIVATE && !['true', 'false'].includes(env.WEBHOOKS_ALLOW_PRIVATE)) {
    problems.push(`WEBHOOKS_ALLOW_PRIVATE must be true or false, got "${env.WEBHOOKS_ALLOW_PRIVATE}"`);
  }
  if (problems.length) throw new ConfigError(`Configuration error:\n  - ${problems.join('\n  - ')}`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl,
    redisUrl,
    demoData,
    adminEmail: env.ADMIN_EMAIL?.toLowerCase() || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Кластер <noreply@klaster.local>',
    secureCookies: env.SECURE_COOKIES === 'true',
    rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 1200),
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    webDir: env.WEB_DIR ? path.resolve(env.WEB_DIR) : undefined,
    webhooksAllowPrivate: env.WEBHOOKS_ALLOW_PRIVATE === 'true',
  };
}
