// Registry search under load: the Klaster API on PostgreSQL and on PGlite, beside the same SQL sent straight
// through `pg` and a bare node:http server answering a fixed body of the same size. Prints req/s, p50, p99.
//   npx tsx scripts/bench/registry-search.ts [--orgs 100000] [--seconds 15] [--connections 20]
// PostgreSQL: BENCH_DATABASE_URL (a server URL; the script creates klaster_bench_<orgs> on it), default
// postgres://postgres@127.0.0.1:5432/postgres. The seeded databases are kept for the next run.
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openEmbedded, openPostgres } from '../../src/server/db/client.ts';
import { insertDemoOrganizations } from '../../src/server/demo/demo-insert.ts';
import { generateDemoOrganizations } from '../../src/server/demo/demo-organizations.ts';
import { createAuthService } from '../../src/server/modules/auth/auth.service.ts';
import { registryPageQuery } from '../../src/server/modules/membership/registry.repository.ts';
import { arg, benchServerUrl, loadAtRate, percentile, spawnBareServer, spawnServer } from './harness.ts';

const ORGS = arg('orgs', 100_000);
const SECONDS = arg('seconds', 15);
const CONNECTIONS = arg('connections', 20);
/** fixed rates of cache-missing pages, a second */
const RATES = [20, 50];
const serverUrl = benchServerUrl();

/** What people type into the registry: inflected words, typos in names, INN, filters, empty browsing. */
const QUERIES = [
  'q=беспилотные аппараты',
  'q=искусственный интеллект',
  'q=компьютерное зрение&district=ЦАО',
  'q=нейротек',
  'q=биотехнологии&smeCategory=small',
  'technology=robotics',
  'district=ЗАО&stage=seed',
  'okvedSection=J&smeCategory=micro',
  '',
  'q=7720000342',
  'q=медицинские изделия',
  'q=дрон&sort=name',
].map(
  (q) =>
    `/api/registry?${q
      .split('&')
      .map((p) => p.replace(/=(.*)$/, (_, v) => `=${encodeURIComponent(v)}`))
      .join('&')}`,
);

async function seed(database: Database, label: string) {
  await database.migrate();
  const existing = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from organizations`);
  const have = Number((existing as unknown as { rows: Array<{ n: number }> }).rows[0].n);
  if (have >= ORGS) return;
  console.log(`${label}: seeding ${ORGS} organizations…`);
  const started = Date.now();
  const auth = createAuthService({ db: database.db, clock: { now: () => new Date() } });
  const applicantId = await auth.ensureUser({
    email: 'bench@klaster.local',
    password: 'bench-password',
    fullName: 'Bench',
    role: 'operator',
  });
  await insertDemoOrganizations(database.db, generateDemoOrganizations(ORGS), {
    applicantId,
    onProgress: (done, total) => {
      if (done % 20_000 === 0 || done === total) console.log(`  ${done}/${total}`);
    },
  });
  await database.db.execute(sql`analyze`);
  console.log(`  seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/**
 * `popular`: the twelve queries over and over, as many people look at the same registry views;
 * `unique`: every request another page of one of them (limit 10–30, offset 0–999), so pages miss the cache.
 */
function uniquePath(n: number) {
  const base = QUERIES[n % QUERIES.length];
  const offset = Math.floor(n / QUERIES.length) % 1000;
  const limit = 10 + (Math.floor(n / (QUERIES.length * 1000)) % 21);
  return `${base}${base.endsWith('?') ? '' : '&'}limit=${limit}&offset=${offset}`;
}

async function load(name: string, port: number, mix: 'popular' | 'unique' = 'popular'): Promise<Result> {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests:
      mix === 'popular'
        ? QUERIES.map((p) => ({ method: 'GET' as const, path: p }))
        : [{ method: 'GET' as const, setupRequest: (request) => ({ ...request, path: uniquePath(n++) }) }],
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/**
 * The registry page query, built by the same repository code for pages of the "unique" mix, sent straight
 * through a bare pg pool: the database's share of a cache-missing request, without HTTP.
 */
async function rawSql(url: string): Promise<Result> {
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const statements = Array.from({ length: 1200 }, (_, i) => {
    const url = new URL(uniquePath(i * 997), 'http://x');
    const params = Object.fromEntries(url.searchParams);
    const filter = {
      ...params,
      sort: params.q ? 'relevance' : 'name',
      limit: Number(params.limit),
      offset: Number(params.offset),
    };
    // toSQL renders the statement and its parameters without running it
    return registryPageQuery(drizzle.mock() as never, filter as never).toSQL();
  });
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  const latencies: number[] = [];
  const deadline = Date.now() + SECONDS * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        const statement = statements[next++ % statements.length];
        const started = performance.now();
        await pool.query(statement.sql, statement.params);
        latencies.push(performance.now() - started);
      }
    }),
  );
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    name: 'page SQL of the unique mix, straight through pg',
    rps: latencies.length / SECONDS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: 0,
  };
}

async function main() {
  console.log(`Registry search: ${ORGS} organizations, ${CONNECTIONS} connections, ${SECONDS} s per target\n`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const benchDb = `klaster_bench_${ORGS}`;
  const exists = await admin.query('select 1 from pg_database where datname = $1', [benchDb]);
  if (!exists.rowCount) await admin.query(`create database ${benchDb}`);
  await admin.end();
  const pgUrl = Object.assign(new URL(serverUrl), { pathname: `/${benchDb}` }).toString();
  const postgres = await openPostgres(pgUrl, 2);
  await seed(postgres, 'PostgreSQL');
  await postgres.close();

  const pgliteDir = path.resolve(`node_modules/.cache/klaster/bench-pglite-${ORGS}`);
  fs.mkdirSync(pgliteDir, { recursive: true });
  const embedded = await openEmbedded({ dataDir: path.join(pgliteDir, 'pg') });
  await seed(embedded, 'PGlite');
  await embedded.close();

  const results: Result[] = [];
  const pgServer = await spawnServer(pgUrl, 3701);
  for (const q of QUERIES) await fetch(`http://127.0.0.1:3701${q}`); // warm up
  const sample = await (await fetch(`http://127.0.0.1:3701${QUERIES[0]}`)).text();
  results.push(await load('Klaster API on PostgreSQL, popular queries', 3701));
  results.push(await load('Klaster API on PostgreSQL, unique pages (cache misses)', 3701, 'unique'));
  // the same cache-missing pages at fixed rates, each sent at its due time (pages no earlier line asked for)
  for (const rate of RATES) {
    const figures = await loadAtRate('http://127.0.0.1:3701', (n) => uniquePath(100_000 + 1_000 * rate + n), {
      rate,
      seconds: SECONDS,
    });
    results.push({
      name: `Klaster API on PostgreSQL, unique pages, ${rate} a second`,
      ...figures,
      errors: figures.bad,
    });
  }
  pgServer.kill('SIGTERM');
  results.push(await rawSql(pgUrl));
  const embeddedServer = await spawnServer('', 3702, { DATA_DIR: pgliteDir });
  for (const q of QUERIES) await fetch(`http://127.0.0.1:3702${q}`);
  results.push(await load('Klaster API on PGlite, popular queries', 3702));
  results.push(await load('Klaster API on PGlite, unique pages (cache misses)', 3702, 'unique'));
  embeddedServer.kill('SIGTERM');
  const bare = await spawnBareServer(sample, 3703);
  results.push(await load(`bare node:http, fixed ${Buffer.byteLength(sample)} B body`, 3703));
  bare.kill();

  const bareRps = results.at(-1)!.rps;
  console.log('\n| target | req/s | p50 ms | p99 ms | errors | share of bare node:http req/s |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${((r.rps / bareRps) * 100).toFixed(1)}% |`,
    );
  }
}

await main();
process.exit(0);
