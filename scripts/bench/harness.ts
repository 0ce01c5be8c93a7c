// What every bench script needs: a fresh PostgreSQL database, the app started on it, and load with figures.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Cache } from '../../src/server/cache.ts';
import type { Db } from '../../src/server/db/client.ts';

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

/**
 * The app on `databaseUrl` (empty: the embedded database, under `env.DATA_DIR`), without demo data or rate limits,
 * resolved once it listens.
 */
export function spawnServer(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DEMO_DATA: 'none',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      PORT: String(port),
      ...env,
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

/** GETs of `paths(n)` (a new path each request) by `connections` clients for `seconds` (or `amount` requests). */
export async function load(
  port: number,
  paths: (n: number) => string,
  options: {
    connections: number;
    seconds: number;
    headers?: (n: number) => Record<string, string>;
    /** stop after this many requests instead (then `seconds` is ignored) */
    amount?: number;
  },
): Promise<Figures> {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    duration: options.seconds,
    amount: options.amount,
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

/** Whether wrk (Debian's package `wrk`) is installed: a load generator in C that leaves the shared cores to the server. */
export function hasWrk(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}

/**
 * GETs of `paths` in turn by `connections` clients for `seconds`, by wrk: the same closed loop as `load`, at a
 * fraction of autocannon's CPU, which on a two-core machine is taken from the server and PostgreSQL it measures.
 */
export async function wrkLoad(
  baseUrl: string,
  paths: string[],
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<Figures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'klaster-wrk-'));
  const script = path.join(dir, 'paths.lua');
  const lua = (text: string) => JSON.stringify(text); // a JSON string is a valid Lua string for these characters
  writeFileSync(
    script,
    `local paths = { ${paths.map(lua).join(', ')} }
local headers = { ${Object.entries(options.headers ?? {})
      .map(([k, v]) => `[${lua(k)}] = ${lua(v)}`)
      .join(', ')} }
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration, latency:percentile(50),
    latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
end
`,
  );
  const child = spawn('wrk', [
    '-t',
    '1',
    '-c',
    String(options.connections),
    '-d',
    `${options.seconds}s`,
    '-s',
    script,
    baseUrl,
  ]);
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
  const match = out.match(/RESULT (\d+) (\d+) (\d+) (\d+) (\d+)/);
  if (!match) throw new Error(`wrk printed no result:\n${out}`);
  const [requests, micros, p50, p99, bad] = match.slice(1).map(Number);
  return { rps: requests / (micros / 1e6), p50: p50 / 1000, p99: p99 / 1000, bad };
}

/**
 * GETs of `paths(n)` sent at a fixed `rate` a second for `seconds`, each at its due time whatever the answers before
 * it (an open model, as people arrive): the latency counts from the due time, so a server that falls behind shows it.
 */
export async function loadAtRate(
  baseUrl: string,
  paths: (n: number) => string,
  options: { rate: number; seconds: number; headers?: Record<string, string> },
): Promise<Figures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  let bad = 0;
  const get = (url: string) =>
    new Promise<number>((resolve) => {
      const request = http.get(url, { agent, headers: options.headers }, (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
      });
      request.once('error', () => resolve(0));
    });
  const total = Math.round(options.rate * options.seconds);
  const started = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      get(`${baseUrl}${paths(i)}`).then((status) => {
        latencies.push(performance.now() - due);
        if (status < 200 || status >= 300) bad++;
      }),
    );
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rps: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), bad };
}

/** The p-th percentile of sorted numbers. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

export const fmt = (f: Figures) =>
  `${f.rps.toFixed(0).padStart(6)} req/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(7)} ms  non-2xx/errors ${f.bad}`;

/** The same headers a JSON API sends, the same body bytes, on `port`: what the stack adds is all the difference. */
export function spawnBareServer(body: string, port: number): Promise<ChildProcess> {
  const code = `const http=require('node:http');const body=${JSON.stringify(body)};http.createServer((q,s)=>{s.writeHead(200,{'content-type':'application/json; charset=utf-8','content-length':Buffer.byteLength(body)});s.end(body)}).listen(${port},'127.0.0.1',()=>console.log('ready'))`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout!.once('data', () => resolve(child)));
}

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

/**
 * Runs `use` over a drizzle instance on `url` that writes every statement down as sent to `pg`: a service's very SQL,
 * for `replay` and `statementCosts`.
 */
export async function recordStatements<T>(
  url: string,
  use: (db: Db) => Promise<T>,
): Promise<{ statements: Statement[]; result: T }> {
  const statements: Statement[] = [];
  // two connections: a service may send two queries at once
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const db = drizzle(pool, { logger: { logQuery: (text, params) => statements.push({ text, params }) } });
  try {
    return { statements, result: await use(db as unknown as Db) };
  } finally {
    await pool.end();
  }
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
