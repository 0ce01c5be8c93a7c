// The ecosystem's figures at 10× Moscow's scale on PostgreSQL: how long a full refresh of every figure, series and
// breakdown takes, and GET /api/stats under load beside a bare node:http server answering a fixed JSON body of the
// same size, in the same run.
//   npx tsx scripts/bench/stats.ts [--scale 10] [--seconds 10] [--connections 20] [--rounds 3] [--reuse]
// PostgreSQL: BENCH_DATABASE_URL (a server URL), default postgres://postgres@127.0.0.1:5432/postgres; the script
// drops and creates klaster_bench_stats on it every run (--reuse keeps the one a previous run seeded). Not part of
// any test run.
// Targets: refresh under 10 s; GET /api/stats at least half the bare server's req/s, p99 under 20 ms.
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { systemClock } from '../../src/server/clock.ts';
import { openPostgres } from '../../src/server/db/client.ts';
import { refreshKpis } from '../../src/server/modules/analytics/analytics.service.ts';
import { MOSCOW_DISTRICTS, TECHNOLOGY_AREAS } from '../../src/shared/domain.ts';
import { DEFAULT_REQUEST_CRITERIA } from '../../src/shared/innovation.ts';
import { arg, type Figures, fmt, load as loadOn, spawnBareServer, spawnServer } from './harness.ts';

const SCALE = arg('scale', 10);
const SECONDS = arg('seconds', 10);
const ROUNDS = arg('rounds', 3);
const CONNECTIONS = arg('connections', 20);
const PORT = 3741;
const BARE_PORT = 3742;
const DB_NAME = 'klaster_bench_stats';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// Moscow's published scale (×1): ≈10k organizations, ≈15k projects, ≈50k support applications; ×10 by default
const ORGS = 10_000 * SCALE;
const PROJECTS = 15_000 * SCALE;
const DEALS = 4_000 * SCALE;
const APPLICATIONS = 50_000 * SCALE;
const REQUESTS = 5_000 * SCALE;
const SOLUTIONS = 50_000 * SCALE;
const MEASURES = 5;
const AUDIT_ROWS = 10_000 * SCALE;

/** The OKVED main codes the organizations get, with their sections. */
const OKVED = [
  ['62.01', 'J'],
  ['72.19', 'M'],
  ['26.11', 'C'],
  ['86.10', 'Q'],
  ['85.41', 'P'],
  ['35.11', 'D'],
  ['71.12', 'M'],
  ['28.99', 'C'],
];

// a row's pseudo-random but repeatable number, from its index
const HASH = (g: string) => `((${g})::bigint * 2654435761 % 2147483647)::int`;

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (label: string, run: () => Promise<unknown>) => {
    const started = Date.now();
    await run();
    console.log(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const { rows } = await client.query(
    `insert into users (email, password_hash, full_name) values ('bench@stats.local', 'not-a-hash', 'Бенчмарк') returning id`,
  );
  const user = rows[0].id as string;
  const days = Math.floor((Date.now() - Date.UTC(2019, 0, 1)) / 86_400_000) - 5;

  // 60 % participants, 5 % partners (outside Moscow), some applying, suspended or never applied
  await step(`${ORGS} organizations`, () =>
    client.query(
      `insert into organizations (legal_type, inn, ogrn, full_name, short_name, legal_form, region_code, district,
         okved_main, okved_section, sme_category, technologies, membership_status, membership_kind, admitted_at)
       select 'legal_entity', (7700000000 + g)::text, (1027700000000 + g)::text,
              'Общество с ограниченной ответственностью «Компания ' || g || '»', 'ООО «Компания ' || g || '»', 'ООО',
              case when m = 'partner' then '50' else '77' end,
              case when m = 'partner' then null else ($1::text[])[1 + h % 12] end,
              ($3::text[])[1 + h % 8], ($4::text[])[1 + h % 8],
              (array['micro','small','medium','large'])[1 + (h / 8) % 4],
              case when h % 3 = 0 then array[($2::text[])[1 + h % 24]]
                   else array[($2::text[])[1 + h % 24], ($2::text[])[1 + (h / 24) % 24]] end,
              s, case when s = 'none' then null when m = 'partner' then 'partner' else 'participant' end,
              case when s in ('participant', 'suspended') then timestamptz '2019-01-01' + (h % $5::int) * interval '1 day' end
         from generate_series(1, $6::int) g
        cross join lateral (select ${HASH('g')} as h) hash
        cross join lateral (
          select case when h % 100 < 65 then 'participant' when h % 100 < 70 then 'applied'
                      when h % 100 < 73 then 'suspended' else 'none' end as s,
                 case when h % 100 between 60 and 64 then 'partner' else 'participant' end as m
        ) status`,
      [MOSCOW_DISTRICTS, TECHNOLOGY_AREAS, OKVED.map((o) => o[0]), OKVED.map((o) => o[1]), days, ORGS],
    ),
  );
  await client.query(`create temp table bench_orgs as
    select (row_number() over (order by inn) - 1)::int as idx, id, district, technologies from organizations`);
  await client.query('create unique index on bench_orgs (idx)');
  await client.query(`create temp table bench_participants as
    select (row_number() over (order by inn) - 1)::int as idx, id, district
      from organizations where membership_status = 'participant' and membership_kind = 'participant'`);
  await client.query('create unique index on bench_participants (idx)');
  const participants = Number((await client.query('select count(*)::int n from bench_participants')).rows[0].n);

  // 95 % implemented, a third of them joint
  await step(`${PROJECTS} projects`, () =>
    client.query(
      `insert into projects (number, lead_organization_id, author_id, title, technologies, trl, budget_kopecks,
         started_on, implemented_on, stage, status, lead_district, confirmed_participants, joint, created_at)
       select 'ПР-' || lpad(g::text, 7, '0'), p.id, $1::uuid, 'Инновационный проект ' || g,
              case when h % 2 = 0 then array[($2::text[])[1 + h % 24]]
                   else array[($2::text[])[1 + h % 24], ($2::text[])[1 + (h / 24) % 24]] end,
              1 + h % 9, (1000000 + h % 5000 * 10000)::bigint * 100,
              (date '2019-01-01' + (h % $3::int)) - 200,
              case when st = 'implemented' then date '2019-01-01' + (h % $3::int) end,
              'implementation', st, p.district,
              case when st = 'implemented' and h % 20 < 7 then 2 else 1 end,
              st = 'implemented' and h % 20 < 7, now()
         from generate_series(1, $4::int) g
        cross join lateral (select ${HASH('g')} as h) hash
        cross join lateral (
          select case when h % 1000 < 953 then 'implemented' when h % 1000 < 980 then 'active' else 'planned' end as st
        ) status
         join bench_participants p on p.idx = g % $5::int`,
      [user, TECHNOLOGY_AREAS, days, PROJECTS, participants],
    ),
  );

  // 70 % closed; of those most confirmed by both, some by one side, a few disputed
  await step(`${DEALS} deals`, () =>
    client.query(
      `insert into deals (number, investor_organization_id, organization_id, round, instrument, amount_kopecks,
         deal_date, status, created_by, closed_at, investor_confirmed_at, company_confirmed_at, disputed_at, created_at)
       select 'СД-' || lpad(g::text, 7, '0'), i.id, c.id, (array['pre_seed','seed','a','b','c','later'])[1 + h % 6],
              (array['equity','convertible_loan','loan','grant'])[1 + h % 4],
              (5000000 + h % 2000 * 50000)::bigint * 100, date '2019-01-01' + (h % $1::int), st, $2::uuid,
              case when st = 'closed' then at end,
              case when st = 'closed' and h % 20 < 19 then at + interval '2 days' end,
              case when st = 'closed' and h % 20 < 17 then at + interval '3 days' end,
              case when st = 'closed' and h % 20 = 19 then at + interval '4 days' end,
              at - interval '60 days'
         from generate_series(1, $3::int) g
        cross join lateral (select ${HASH('g')} as h) hash
        cross join lateral (
          select case when h % 10 < 7 then 'closed' when h % 10 = 7 then 'intro' when h % 10 = 8 then 'term_sheet'
                      else 'dropped' end as st,
                 timestamptz '2019-01-01' + (h % $1::int) * interval '1 day' as at
        ) s
         join bench_orgs i on i.idx = g % 1000
         join bench_orgs c on c.idx = 1000 + (g * 7) % ($4::int - 1000)`,
      [days, user, DEALS, ORGS],
    ),
  );

  await client.query(
    `insert into measures (code, title, kind, provider, max_amount_kopecks, budget_kopecks, opens_at, closes_at,
       eligibility, form_fields, criteria, status)
     select 'BENCH-' || g, 'Мера поддержки ' || g, 'grant', 'Департамент', 1000000000000, 900000000000000000,
            timestamptz '2019-01-01', now() + interval '1 year', '{}'::jsonb, '[]'::jsonb, $1::jsonb, 'published'
       from generate_series(1, $2::int) g`,
    [JSON.stringify(DEFAULT_REQUEST_CRITERIA), MEASURES],
  );
  await client.query(
    'create temp table bench_measures as select (row_number() over (order by code) - 1)::int as idx, id from measures',
  );

  // one application per organization and measure; a third paid in two tranches. The per-row status counter is
  // switched off for the bulk insert and filled in one statement after.
  await step(`${APPLICATIONS} applications and their tranches`, async () => {
    await client.query('alter table applications disable trigger applications_count_insert_delete');
    await client.query(
      `insert into applications (number, measure_id, organization_id, applicant_id, status, requested_amount_kopecks,
         approved_amount_kopecks, paid_kopecks, submitted_at, decided_at, created_at, updated_at)
       select 'ЗП-' || lpad(g::text, 7, '0'), m.id, o.id, $1::uuid, st, 300000000, approved, paid,
              case when st <> 'draft' then at end, case when approved is not null then at + interval '30 days' end,
              at, at
         from generate_series(0, $2::int - 1) g
        cross join lateral (select ${HASH('g + 1')} as h) hash
        cross join lateral (
          select (array['draft','submitted','registered','under_review','approved','rejected','rejected',
                        'agreement_signed','disbursing','disbursing','disbursing','reporting','reporting','completed',
                        'completed','withdrawn'])[1 + h % 16] as st,
                 timestamptz '2019-01-01' + (h % $3::int) * interval '1 day' as at
        ) s
        cross join lateral (
          select case when st in ('approved','agreement_signed','disbursing','reporting','completed') then 200000000 end
                   as approved,
                 case when st in ('disbursing','reporting','completed') then 200000000 else 0 end as paid
        ) money
         join bench_orgs o on o.idx = g % $4::int
         join bench_measures m on m.idx = (g / $4::int) % $5::int`,
      [user, APPLICATIONS, days, ORGS, MEASURES],
    );
    await client.query('alter table applications enable trigger applications_count_insert_delete');
    await client.query('delete from application_status_counts');
    await client.query(`insert into application_status_counts (measure_id, status, slot, n)
      select measure_id, status, 0, count(*) from applications group by measure_id, status`);
    await client.query('delete from application_status_totals');
    await client.query(`insert into application_status_totals (status, slot, n)
      select status, 0, count(*) from applications group by status`);
    await client.query(
      `insert into tranches (application_id, amount_kopecks, milestone, paid_at, recorded_by)
       select a.id, 100000000, 'Этап ' || k, a.decided_at + k * interval '30 days', $1::uuid
         from applications a, generate_series(1, 2) k
        where a.status in ('disbursing','reporting','completed')`,
      [user],
    );
  });

  await step(`${REQUESTS} requests, ${SOLUTIONS} solutions, pilots and contracts`, async () => {
    await client.query(
      `insert into requests (number, organization_id, author_id, kind, title, brief, technologies, deadline, criteria,
         status, published_at, created_at, updated_at)
       select 'ЗИ-' || lpad(g::text, 7, '0'), o.id, $1::uuid, case when h % 5 < 2 then 'city' else 'corporate' end,
              'Запрос ' || g, 'Краткое описание запроса', array[($2::text[])[1 + h % 24]],
              coalesce(pub, now()) + interval '60 days', $3::jsonb, st, pub, coalesce(pub, now()), coalesce(pub, now())
         from generate_series(1, $4::int) g
        cross join lateral (select ${HASH('g')} as h) hash
        cross join lateral (
          select case when h % 100 < 3 then 'draft' when h % 100 < 6 then 'moderation' when h % 100 < 40 then 'published'
                      when h % 100 < 53 then 'closed' when h % 100 < 92 then 'resolved' else 'cancelled' end as st
        ) s
        cross join lateral (
          select case when st not in ('draft','moderation') then timestamptz '2019-01-01' + (h % $5::int) * interval '1 day' end as pub
        ) p
         join bench_orgs o on o.idx = g % 500`,
      [user, TECHNOLOGY_AREAS, JSON.stringify(DEFAULT_REQUEST_CRITERIA), REQUESTS, days],
    );
    await client.query(`create temp table bench_requests as
      select (row_number() over (order by number) - 1)::int as idx, id, organization_id, published_at
        from requests where published_at is not null`);
    await client.query('create unique index on bench_requests (idx)');
    const open = Number((await client.query('select count(*)::int n from bench_requests')).rows[0].n);
    await client.query(
      `insert into solutions (number, request_id, organization_id, author_id, summary, trl, team, status, submitted_at,
         decided_at, created_at, updated_at)
       select 'РШ-' || lpad(g::text, 8, '0'), r.id, o.id, $1::uuid, 'Решение ' || g, 1 + h % 9,
              '[{"name":"Участник","role":"Руководитель"}]'::jsonb, st,
              case when st <> 'draft' then r.published_at + (1 + h % 20) * interval '1 day' end,
              case when st in ('shortlisted','declined','pilot','contract','not_adopted')
                   then r.published_at + (25 + h % 20) * interval '1 day' end,
              r.published_at, r.published_at
         from generate_series(0, $2::int - 1) g
        cross join lateral (select ${HASH('g + 1')} as h) hash
        cross join lateral (
          select (array['draft','submitted','submitted','declined','declined','declined','shortlisted','pilot',
                        'contract','not_adopted','withdrawn','declined'])[1 + h % 12] as st
        ) s
         join bench_requests r on r.idx = g % $3::int
         join bench_orgs o on o.idx = 1000 + (g % $3::int + (g / $3::int) * 7919) % ($4::int - 1000)`,
      [user, SOLUTIONS, open, ORGS],
    );
    await client.query(
      `insert into pilot_sites (name, kind, owner_organization_id, address, district, testable)
       select 'Площадка ' || g, 'park', o.id, 'Москва', ($1::text[])[1 + g % 12], 'Всё'
         from generate_series(0, 99) g join bench_orgs o on o.idx = g`,
      [MOSCOW_DISTRICTS],
    );
    await client.query(`create temp table bench_sites as
      select (row_number() over (order by id) - 1)::int as idx, id from pilot_sites`);
    await client.query(
      `insert into pilots (number, solution_id, request_id, site_id, organization_id, customer_organization_id,
         proposed_by, plan, trl, starts_on, ends_on, status, created_at)
       select 'ПИ-' || lpad(row_number() over (order by s.number)::text, 7, '0'), s.id, s.request_id, site.id,
              s.organization_id, r.organization_id, $1::uuid, 'План', 7, s.decided_at::date + 10,
              s.decided_at::date + 70,
              case when s.status = 'pilot' then (array['approved','running','proposed'])[1 + (s.trl % 3)]
                   when s.status = 'contract' then 'completed' else (array['completed','rejected','cancelled'])[1 + (s.trl % 3)] end,
              s.decided_at
         from solutions s
         join requests r on r.id = s.request_id
         join bench_sites site on site.idx = s.trl * 11 % 100
        where s.status in ('pilot','contract','not_adopted')`,
      [user],
    );
    await client.query(
      `insert into contracts (solution_id, pilot_id, request_id, organization_id, customer_organization_id,
         amount_kopecks, signed_on, recorded_by, created_at)
       select s.id, p.id, s.request_id, s.organization_id, p.customer_organization_id, 300000000,
              p.ends_on + 10, $1::uuid, s.decided_at + interval '90 days'
         from solutions s join pilots p on p.solution_id = s.id
        where s.status = 'contract'`,
      [user],
    );
  });

  await step(`${AUDIT_ROWS} audit rows`, () =>
    client.query(
      `insert into audit_log (at, action, entity, entity_id)
       select now() - g * interval '1 minute', 'bench.change', 'bench', g::text from generate_series(1, $1::int) g`,
      [AUDIT_ROWS],
    ),
  );
  await step('vacuum analyze', () => client.query('vacuum analyze'));
  const counts = (
    await client.query(`select
      (select count(*) from organizations)::int as orgs,
      (select count(*) from organizations where membership_status = 'participant' and membership_kind = 'participant')::int as participants,
      (select count(*) from projects)::int as projects,
      (select count(*) from projects where status = 'implemented')::int as implemented,
      (select count(*) from projects where status = 'implemented' and joint)::int as joint,
      (select count(*) from deals)::int as deals,
      (select count(*) from applications)::int as applications,
      (select count(*) from tranches)::int as tranches,
      (select count(*) from requests)::int as requests,
      (select count(*) from solutions)::int as solutions,
      (select count(*) from pilots)::int as pilots,
      (select count(*) from contracts)::int as contracts`)
  ).rows[0];
  await client.end();
  return counts as Record<string, number>;
}

/** GET /api/stats (or the bare server's /) by this script's connections. */
const load = (port: number, path: string, seconds = SECONDS) =>
  loadOn(port, () => path, { connections: CONNECTIONS, seconds });

async function main() {
  console.log(`Ecosystem figures at ${SCALE}× scale; ${CONNECTIONS} connections, ${SECONDS} s per run\n`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [DB_NAME])).rowCount;
  const reuse = process.argv.includes('--reuse') && exists;
  if (!reuse) {
    await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    await admin.query(`create database ${DB_NAME}`);
  }
  await admin.end();
  const url = Object.assign(new URL(serverUrl), { pathname: `/${DB_NAME}` }).toString();
  const database = await openPostgres(url, 2);
  await database.migrate();
  if (reuse) console.log(`reusing ${DB_NAME} as seeded before\n`);
  else {
    console.log('seeding with generate_series:');
    const started = Date.now();
    const counts = await seed(url);
    console.log(`  in ${((Date.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}\n`);
  }

  console.log('refresh of every figure, series and breakdown (refreshKpis, forced):');
  const timings: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const outcome = await refreshKpis(database.db, systemClock, { force: true });
    const seconds = (performance.now() - t0) / 1000;
    timings.push(seconds);
    if (outcome.refreshed && i === 0) {
      const f = outcome.snapshot.payload.figures;
      console.log(
        `  figures: ${f.participants} participants, ${f.partners} partners, ${f.projectsImplemented} implemented, ` +
          `${f.jointProjects} joint, investment ${BigInt(f.investmentKopecks) / 100n} RUB, support ` +
          `${BigInt(f.supportKopecks) / 100n} RUB, ${f.requestsCorporate}+${f.requestsCity} requests, ` +
          `${f.solutions} solutions, ${f.pilots} pilots, ${f.contracts} contracts`,
      );
    }
    console.log(`  run ${i + 1}: ${seconds.toFixed(2)} s${i === 0 ? ' (cold)' : ''}`);
  }
  const unchanged = performance.now();
  const skipped = await refreshKpis(database.db, systemClock);
  console.log(
    `  a round with nothing changed: ${skipped.refreshed ? 'recomputed?!' : 'skipped'} in ${(performance.now() - unchanged).toFixed(1)} ms`,
  );
  await database.close();

  // both servers up at once, measured in turns: a machine whose load changes during the run (other processes)
  // weighs on both alike, and each turn's ratio is taken from two runs seconds apart
  const server = await spawnServer(url, PORT);
  let bareServer: ChildProcess | undefined;
  const rounds: Array<{ api: Figures; bare: Figures }> = [];
  let body: string;
  try {
    const first = await fetch(`http://127.0.0.1:${PORT}/api/stats`);
    body = await first.text();
    if (first.status !== 200) throw new Error(`/api/stats: ${first.status} ${body}`);
    bareServer = await spawnBareServer(body, BARE_PORT);
    await load(PORT, '/api/stats', 2); // warm up both on this very request
    await load(BARE_PORT, '/', 2);
    for (let i = 0; i < ROUNDS; i++) {
      const api = await load(PORT, '/api/stats');
      const bare = await load(BARE_PORT, '/');
      rounds.push({ api, bare });
      console.log(`turn ${i + 1}: API ${fmt(api)}`);
      console.log(`        bare ${fmt(bare)}  ratio ${((api.rps / bare.rps) * 100).toFixed(1)} %`);
    }
  } finally {
    server.kill('SIGTERM');
    bareServer?.kill();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const api: Figures = {
    rps: median(rounds.map((r) => r.api.rps)),
    p50: median(rounds.map((r) => r.api.p50)),
    p99: median(rounds.map((r) => r.api.p99)),
    bad: rounds.reduce((n, r) => n + r.api.bad, 0),
  };
  const bare: Figures = {
    rps: median(rounds.map((r) => r.bare.rps)),
    p50: median(rounds.map((r) => r.bare.p50)),
    p99: median(rounds.map((r) => r.bare.p99)),
    bad: rounds.reduce((n, r) => n + r.bare.bad, 0),
  };

  const bytes = Buffer.byteLength(body);
  const ratio = median(rounds.map((r) => r.api.rps / r.bare.rps));
  const refresh = Math.max(...timings);
  console.log(`\nmedians of ${ROUNDS} turns, ${bytes} B body:`);
  console.log('\n| measure | value | target |');
  console.log('|---|---:|---|');
  console.log(
    `| refresh of all figures (slowest of 3) | ${refresh.toFixed(2)} s | < 10 s ${refresh < 10 ? '✓' : '✗'} |`,
  );
  console.log(`| GET /api/stats req/s | ${api.rps.toFixed(0)} | |`);
  console.log(`| bare node:http req/s | ${bare.rps.toFixed(0)} | |`);
  console.log(`| ratio (median of the turns) | ${(ratio * 100).toFixed(1)} % | ≥ 50 % ${ratio >= 0.5 ? '✓' : '✗'} |`);
  console.log(
    `| GET /api/stats p50 / p99 | ${api.p50.toFixed(1)} / ${api.p99.toFixed(1)} ms | p99 < 20 ms ${api.p99 < 20 ? '✓' : '✗'} |`,
  );
  console.log(`| bare p50 / p99 | ${bare.p50.toFixed(1)} / ${bare.p99.toFixed(1)} ms | |`);
}

await main();
process.exit(0);
