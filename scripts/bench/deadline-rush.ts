// The last day before a measure's deadline: N admitted companies each start an application and submit it at once,
// C at a time, with an Idempotency-Key and a deliberate double submit for 5% of them (sent to two app processes when
// there are two); then the database is checked (exactly N applications, all submitted, N submit events, no
// duplicates). Second part: the operator's queue over a big applications table (status filter and text search, deep
// offsets): as fast as 20 connections go (by wrk when installed, `apt-get install wrk`; else autocannon, the
// connections shared out over the app processes), then at fixed rates of 200 and 400 requests a second. Prints figures.
//   npx tsx scripts/bench/deadline-rush.ts [--orgs 10000] [--clients 50] [--processes 1] [--queue 500000]
//   [--seconds 10] [--connections 20]
// PostgreSQL: BENCH_DATABASE_URL (a server URL), default postgres://postgres@127.0.0.1:5432/postgres; the script
// drops and creates klaster_bench_rush on it every run.
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { openPostgres } from '../../src/server/db/client.ts';
import { sessions, users } from '../../src/server/db/schema/auth.ts';
import { organizationMembers } from '../../src/server/db/schema/organizations.ts';
import { insertDemoOrganizations } from '../../src/server/demo/demo-insert.ts';
import { generateDemoOrganizations } from '../../src/server/demo/demo-organizations.ts';
import { createApplicationsService } from '../../src/server/modules/applications/applications.service.ts';
import { createAuthService, sha256 } from '../../src/server/modules/auth/auth.service.ts';
import * as measuresRepo from '../../src/server/modules/measures/measures.repository.ts';
import { formatRegistryNumber } from '../../src/shared/requisites.ts';
import {
  arg,
  type Figures,
  fmt,
  hasWrk,
  load,
  loadAtRate,
  percentile,
  recordStatements,
  replay,
  spawnBareServer,
  spawnServer,
  stopServer,
  wrkLoad,
} from './harness.ts';

const ORGS = arg('orgs', 10_000);
const CLIENTS = arg('clients', 50);
const QUEUE = arg('queue', 500_000);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 20);
/** fixed request rates of the queue's second measurement, requests per second in all */
const RATES = [200, 400];
/** app processes behind the one PostgreSQL (stateless: any may answer any request) */
const PROCESSES = arg('processes', 1);
const RETRY_SHARE = 0.05;
const PORT = 3721;
const BARE_PORT = 3771;
const DB_NAME = 'klaster_bench_rush';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DAY = 86_400_000;

const ms = (n: number) => `${n.toFixed(1)} ms`;

interface Owner {
  organizationId: string;
  cookie: string;
  csrf: string;
}

/** Users with sessions made straight in the database: signing in 10 000 people through argon2 is not the point. */
async function ownersWithSessions(db: Awaited<ReturnType<typeof openPostgres>>['db'], orgIds: string[]) {
  const owners: Owner[] = [];
  for (let start = 0; start < orgIds.length; start += 2000) {
    const batch = orgIds.slice(start, start + 2000);
    const inserted = await db
      .insert(users)
      .values(
        batch.map((_, i) => ({
          email: `owner${start + i}@bench.local`,
          passwordHash: 'not-a-hash',
          fullName: `Владелец ${start + i}`,
        })),
      )
      .returning({ id: users.id, email: users.email });
    const idByEmail = new Map(inserted.map((u) => [u.email, u.id]));
    const userIds = batch.map((_, i) => idByEmail.get(`owner${start + i}@bench.local`)!);
    await db
      .insert(organizationMembers)
      .values(batch.map((organizationId, i) => ({ organizationId, userId: userIds[i], orgRole: 'owner' as const })));
    const grants = userIds.map((userId) => ({
      userId,
      token: randomBytes(24).toString('base64url'),
      csrf: randomBytes(24).toString('base64url'),
    }));
    await db.insert(sessions).values(
      grants.map((g) => ({
        tokenHash: sha256(g.token),
        userId: g.userId,
        csrfToken: g.csrf,
        expiresAt: new Date(Date.now() + DAY),
      })),
    );
    for (const [i, organizationId] of batch.entries()) {
      owners.push({ organizationId, cookie: `klaster_session=${grants[i].token}`, csrf: grants[i].csrf });
    }
  }
  return owners;
}

async function operatorSession(db: Awaited<ReturnType<typeof openPostgres>>['db']) {
  const [user] = await db
    .insert(users)
    .values({ email: 'operator@bench.local', passwordHash: 'not-a-hash', fullName: 'Оператор', role: 'operator' })
    .returning({ id: users.id });
  const token = randomBytes(24).toString('base64url');
  await db
    .insert(sessions)
    .values({ tokenHash: sha256(token), userId: user.id, csrfToken: 'x', expiresAt: new Date(Date.now() + DAY) });
  return { userId: user.id, token, cookie: `klaster_session=${token}` };
}

/**
 * The statements one operator's queue request runs on PostgreSQL — its session, then the list — as sent to `pg`: the
 * services themselves are called over a drizzle instance that writes its queries down.
 */
async function queueStatements(url: string, sessionToken: string, query: QueueQuery) {
  const clock = { now: () => new Date() };
  const { statements } = await recordStatements(url, async (db) => {
    const session = await createAuthService({ db, clock }).resolveSession(sessionToken);
    await createApplicationsService({ db, clock }).list(session!.actor, query);
  });
  return statements;
}

type QueueQuery = Parameters<ReturnType<typeof createApplicationsService>['list']>[1];

async function main() {
  console.log(
    `Deadline rush: ${ORGS} organizations, ${CLIENTS} clients, ${PROCESSES} app process(es); queue of ${QUEUE} applications\n`,
  );
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  await admin.end();
  const url = Object.assign(new URL(serverUrl), { pathname: `/${DB_NAME}` }).toString();
  const database = await openPostgres(url, 4);
  await database.migrate();
  const db = database.db;

  let started = Date.now();
  const operator = await operatorSession(db);
  // every organization admitted: the generator's mix, each made a participant with a registry number
  const orgs = generateDemoOrganizations(ORGS).map((org, i) => ({
    ...org,
    membershipStatus: 'participant' as const,
    membershipKind: org.membershipKind ?? ('participant' as const),
    registryNumber: formatRegistryNumber(2026, i + 1),
    admittedAt: org.admittedAt ?? new Date('2025-06-01T09:00:00Z'),
  }));
  const orgIds = await insertDemoOrganizations(db, orgs, { applicantId: operator.userId, deciderId: operator.userId });
  const owners = await ownersWithSessions(db, orgIds);
  const now = Date.now();
  const measure = await measuresRepo.insertMeasure(db, {
    code: 'RUSH-1',
    title: 'Грант на внедрение: последний день приёма',
    kind: 'grant',
    provider: 'Фонд',
    description: 'Мера для нагрузочного теста',
    maxAmountKopecks: 500_000_000n,
    budgetKopecks: 10n ** 15n,
    opensAt: new Date(now - 30 * DAY),
    closesAt: new Date(now + DAY),
    eligibility: {},
    formFields: [{ key: 'summary', label: 'Краткое описание проекта', type: 'text', required: true, maxLength: 2000 }],
    criteria: [{ key: 'novelty', name: 'Новизна', weight: 1, maxScore: 10 }],
    status: 'published',
  });
  console.log(
    `seeded ${ORGS} organizations with owners and sessions in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const servers = await Promise.all(Array.from({ length: PROCESSES }, (_, p) => spawnServer(url, PORT + p)));
  const bases = servers.map((_, p) => `http://127.0.0.1:${PORT + p}`);
  const createMs: number[] = [];
  const submitMs: number[] = [];
  const failures: Record<string, number> = {};
  let retries = 0;
  let retryAnswers: Record<string, number> = {};
  const fail = (what: string) => {
    failures[what] = (failures[what] ?? 0) + 1;
  };
  let next = 0;
  started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const base = bases[client % bases.length];
      // the second of a double submit goes to another process when there is one
      const other = bases[(client + 1) % bases.length];
      while (next < owners.length) {
        const i = next++;
        const owner = owners[i];
        const headers = { cookie: owner.cookie, 'x-csrf-token': owner.csrf, 'content-type': 'application/json' };
        let t0 = performance.now();
        const created = await fetch(`${base}/api/applications`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            measureId: measure!.id,
            organizationId: owner.organizationId,
            requestedAmountKopecks: String(100_000_000 + i),
            answers: { summary: `Проект ${i}: внедрение решения на площадках города` },
          }),
        });
        createMs.push(performance.now() - t0);
        if (created.status !== 201) {
          fail(`create ${created.status}`);
          await created.text();
          continue;
        }
        const { id } = (await created.json()) as { id: string };
        const key = randomUUID();
        const submit = (to = base) =>
          fetch(`${to}/api/applications/${id}/submit`, {
            method: 'POST',
            headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf, 'idempotency-key': key },
          });
        t0 = performance.now();
        // a double click for 5% of them: the same submit twice at once, with the same key
        const retry = i % Math.round(1 / RETRY_SHARE) === 0;
        const answers = retry ? await Promise.all([submit(), submit(other)]) : [await submit()];
        submitMs.push(performance.now() - t0);
        // of a double submit one answers 200 and the other 200 (replayed) or 409 (the first still running)
        if (!answers.some((a) => a.status === 200)) fail(`submit ${answers.map((a) => a.status).join('+')}`);
        if (retry) {
          retries++;
          const pair = answers
            .map((a) => a.status)
            .sort()
            .join('+');
          retryAnswers = { ...retryAnswers, [pair]: (retryAnswers[pair] ?? 0) + 1 };
        }
        for (const a of answers) await a.arrayBuffer();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const check = new pg.Client({ connectionString: url });
  await check.connect();
  const one = async (text: string) => Number((await check.query(text, [measure!.id])).rows[0].n);
  const total = await one('select count(*)::int n from applications where measure_id = $1');
  const submitted = await one(
    `select count(*)::int n from applications where measure_id = $1 and status = 'submitted'`,
  );
  const events = await one(
    `select count(*)::int n from application_events e join applications a on a.id = e.application_id where a.measure_id = $1 and e.status = 'submitted'`,
  );
  const duplicates = await one(
    'select count(*)::int n from (select organization_id from applications where measure_id = $1 group by organization_id having count(*) > 1) d',
  );
  createMs.sort((a, b) => a - b);
  submitMs.sort((a, b) => a - b);
  const ok = total === ORGS && submitted === ORGS && events === ORGS && duplicates === 0;
  console.log('\nPart 1: deadline rush');
  console.log(`  ${ORGS} drafts created and submitted by ${CLIENTS} clients in ${seconds.toFixed(1)} s`);
  console.log(
    `  throughput: ${(ORGS / seconds).toFixed(0)} submits/s (${((2 * ORGS + retries) / seconds).toFixed(0)} requests/s)`,
  );
  console.log(`  create: p50 ${ms(percentile(createMs, 50))}, p99 ${ms(percentile(createMs, 99))}`);
  console.log(
    `  submit: p50 ${ms(percentile(submitMs, 50))}, p99 ${ms(percentile(submitMs, 99))} (double submits: ${retries}, answer pairs ${JSON.stringify(retryAnswers)})`,
  );
  console.log(`  failures: ${JSON.stringify(failures)}`);
  console.log(
    `  verification: applications ${total}, submitted ${submitted}, submit events ${events}, duplicates ${duplicates} → ${ok ? 'OK' : 'FAILED'}`,
  );

  // Part 2: the operator's queue over a big table. One measure per ORGS applications keeps (measure, organization) unique.
  started = Date.now();
  const measureCount = Math.ceil(QUEUE / ORGS);
  await check.query(
    `insert into measures (code, title, kind, provider, max_amount_kopecks, budget_kopecks, opens_at, closes_at, eligibility, form_fields, criteria, status)
     select 'QUEUE-' || m, 'Мера для очереди №' || m, 'grant', 'Фонд', 500000000, 1000000000000000, now() - interval '400 days', now() + interval '30 days', '{}', '[]', '[]', 'published'
     from generate_series(1, $1::int) m`,
    [measureCount],
  );
  await check.query(`create temp table bench_orgs as select row_number() over (order by o.id) - 1 as idx, o.id, m.user_id
     from organizations o join organization_members m on m.organization_id = o.id`);
  await check.query(
    `create temp table bench_measures as select row_number() over (order by code) - 1 as idx, id from measures where code like 'QUEUE-%'`,
  );
  const statuses = `(array['submitted','submitted','registered','under_review','rejected','submitted','withdrawn','approved'])`;
  for (let from = 0; from < QUEUE; from += 100_000) {
    const to = Math.min(QUEUE, from + 100_000) - 1;
    await check.query(
      `insert into applications (number, measure_id, organization_id, applicant_id, status, requested_amount_kopecks, answers, submitted_at, created_at, updated_at)
       select 'ЗП-2025-' || lpad(g::text, 7, '0'), bm.id, bo.id, bo.user_id, ${statuses}[g % 8 + 1], 100000000 + g, '{}',
              now() - (g % 700) * interval '1 day', now() - (g % 700) * interval '1 day' - interval '1 hour', now() - (g % 700) * interval '1 day'
       from generate_series($1::int, $2::int) g
       join bench_orgs bo on bo.idx = g % $3
       join bench_measures bm on bm.idx = g / $3`,
      [from, to, ORGS],
    );
  }
  // after a bulk load, as after any import: autovacuum would get there within minutes
  await check.query('vacuum analyze applications');
  // one statement inserting 500 000 rows rewrites each counter row 500 000 times inside a single transaction, and
  // no page can be pruned until it ends: compact the table once, as after any bulk import
  await check.query('vacuum full analyze application_status_counts, application_status_totals');
  // and the bulk load's dirty pages written out now, not by the checkpointer during the first measurement
  await check.query('checkpoint');
  const queueTotal = Number((await check.query('select count(*)::int n from applications')).rows[0].n);
  console.log(
    `\nPart 2: operator queue — ${queueTotal} applications in the table (bulk insert ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  await check.end();

  const names = orgs.slice(0, 200).map(
    (o) =>
      o.shortName
        .replace(/^[А-ЯЁA-Z]+ /, '')
        .replace(/[«»"]/g, '')
        .split(' ')[0],
  );
  // the connections (or the rate) are shared out over the app processes; the figures are the sum of their rates and
  // the worst of their percentiles
  const spread = async (measure: (base: string, share: number) => Promise<Figures>): Promise<Figures> => {
    const results = await Promise.all(bases.map((base, p) => measure(base, p)));
    return {
      rps: results.reduce((sum, r) => sum + r.rps, 0),
      p50: Math.max(...results.map((r) => r.p50)),
      p99: Math.max(...results.map((r) => r.p99)),
      bad: results.reduce((sum, r) => sum + r.bad, 0),
    };
  };
  const headers = { cookie: operator.cookie };
  // as fast as the connections go (by wrk when installed: autocannon's own CPU comes out of the two cores measured),
  // then at fixed rates, where the latency is the page's own and not the time spent queueing behind the others
  const run = async (label: string, path: (n: number) => string, sample: { path: string; query: QueueQuery }) => {
    console.log(`  ${label}`);
    const byWrk = bases.length === 1 && hasWrk();
    const saturate = (seconds: number) =>
      byWrk
        ? wrkLoad(
            bases[0],
            Array.from({ length: 2000 }, (_, n) => path(n)),
            { connections: CONNECTIONS, seconds, headers },
          )
        : spread(async (url, p) => {
            let n = 0;
            const r = await autocannon({
              url,
              connections: Math.ceil((CONNECTIONS - p) / bases.length),
              duration: seconds,
              headers,
              requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path(n++) }) }],
            });
            return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors };
          });
    // three seconds unmeasured first: the pool's connections closed while the table was loaded, and new ones start
    // with cold caches
    await saturate(3);
    const saturated = await saturate(SECONDS);
    console.log(`    ${CONNECTIONS} connections, no pause (${byWrk ? 'wrk' : 'autocannon'}): ${fmt(saturated)}`);
    for (const rate of RATES) {
      const figures = await spread((url, p) =>
        loadAtRate(url, (n) => path(n * bases.length + p), { rate: rate / bases.length, seconds: SECONDS, headers }),
      );
      console.log(`    ${`${rate} requests a second`.padEnd(33)}: ${fmt(figures)}`);
    }
    // beside the bare stack, in the same run: one such request's SQL through pg by as many clients, and a bare
    // node:http server answering its very body
    const sql = await replay(url, await queueStatements(url, operator.token, sample.query), {
      connections: CONNECTIONS,
      seconds: SECONDS,
    });
    console.log(`    ${`its SQL through pg, ${CONNECTIONS} clients`.padEnd(33)}: ${fmt(sql)}`);
    const body = await (await fetch(`${bases[0]}${sample.path}`, { headers })).text();
    const bare = await spawnBareServer(body, BARE_PORT);
    const bareFigures = byWrk
      ? await wrkLoad(`http://127.0.0.1:${BARE_PORT}`, ['/'], { connections: CONNECTIONS, seconds: SECONDS })
      : await load(BARE_PORT, () => '/', { connections: CONNECTIONS, seconds: SECONDS });
    bare.kill();
    console.log(
      `    ${`bare node:http, same ${(body.length / 1024).toFixed(0)} KB body`.padEnd(33)}: ${fmt(bareFigures)} — the API at ${((saturated.rps / bareFigures.rps) * 100).toFixed(1)} % of it`,
    );
  };
  const queue = { statuses: ['submitted' as const], sort: 'newest' as const, limit: 20 };
  await run(
    'status=submitted&limit=20&offset=0..9980',
    (n) => `/api/applications?status=submitted&limit=20&offset=${(n * 20) % 10_000}`,
    { path: '/api/applications?status=submitted&limit=20&offset=5000', query: { ...queue, offset: 5000 } },
  );
  await run(
    'status=submitted&q=<name>&limit=20',
    (n) => `/api/applications?status=submitted&limit=20&q=${encodeURIComponent(names[n % names.length])}`,
    {
      path: `/api/applications?status=submitted&limit=20&q=${encodeURIComponent(names[0])}`,
      query: { ...queue, q: names[0], offset: 0 },
    },
  );
  await Promise.all(servers.map(stopServer));
  await database.close();
  console.log(`\nFull size: npx tsx scripts/bench/deadline-rush.ts --orgs 10000 --clients 50 --queue 500000`);
  if (!ok) process.exitCode = 1;
}

await main();
process.exit(process.exitCode ?? 0);
