// What every bench script needs: a fresh PostgreSQL database, the app started on it, and load with figures.
import { type ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import type { Cache } from '../../src/server/cache.ts';

export const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** BENCH_DATABASE_URL (a server URL), default the local server's postgres database. */
export const benchServerUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Drops and creates the database `name` on the bench server; answers its URL. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: benchServerUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return Object.assign(new URL(benchServerUrl()), { pathname: `/${name}` }).toString();
}

/** The app on `databaseUrl`, without demo data or rate limits, resolved once it listens. */
export function spawnServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DEMO_DATA: 'none',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Кластер работает')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  bad: number;
}

/** GETs of `paths(n)` (a new path each request) by `connections` clients for `seconds`. */
export async function load(
  port: number,
  paths: (n: number) => string,
  options: { connections: number; seconds: number; headers?: (n: number) => Record<string, string> },
): Promise<Figures> {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const i = n++;
          return { ...request, path: paths(i), headers: { ...request.headers, ...options.headers?.(i) } };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

/** The p-th percentile of sorted numbers. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

export const fmt = (f: Figures) =>
  `${f.rps.toFixed(0).padStart(6)} req/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(7)} ms  non-2xx/errors ${f.bad}`;

/** Stops a server started by spawnServer and waits for it to be gone (forcefully after 10 s). */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

export interface Statement {
  text: string;
  params: unknown[];
}

/** A cache that never remembers: a service over it runs every query of an uncached answer. */
export const noCache: Cache = {
  remember: (_namespace, _key, _ttl, compute) => compute(),
  invalidate: async () => {},
  close: async () => {},
};

/** The statements one after the other, by `connections` clients at once for `seconds`, straight through `pg`. */
export async function replay(
  url: string,
  statements: Statement[],
  options: { connections: number; seconds: number },
): Promise<Figures> {
  const pool = new pg.Pool({ connectionString: url, max: options.connections });
  await Promise.all(Array.from({ length: options.connections }, () => pool.query('select 1'))); // connect first
  const latencies: number[] = [];
  let bad = 0;
  const deadline = performance.now() + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        try {
          for (const s of statements) await pool.query(s.text, s.params);
        } catch {
          bad++;
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / options.seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    bad,
  };
}

/** Each statement alone on one connection, the median of five runs, named by `nameOf`: where an answer's time goes. */
export async function statementCosts(url: string, statements: Statement[], nameOf: (text: string) => string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const costs: string[] = [];
  for (const s of statements) {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await client.query(s.text, s.params);
      runs.push(performance.now() - started);
    }
    runs.sort((a, b) => a - b);
    costs.push(`${nameOf(s.text)} ${runs[2].toFixed(1)} ms`);
  }
  await client.end();
  return costs.join(', ');
}
