// Investor matching at 10× Moscow's scale on PostgreSQL: 100 000 organizations, nearly half of them startups, most
// with their needs, and one investor profile. GET /api/investors/{id}/matches through the real server, signed in as
// the investor's own member, called one after the other (p50/p99 over --calls calls; target < 200 ms), and beside it
// the very SQL the investments service runs for that answer (organization, membership, profile, then the ranked page
// and the total side by side), captured from the service itself and replayed straight through `pg` the same way.
//   npx tsx scripts/bench/investor-matching.ts [--orgs 100000] [--calls 200]
// PostgreSQL: BENCH_DATABASE_URL (a server URL), default postgres://postgres@127.0.0.1:5432/postgres; the script
// drops and creates klaster_bench_matching on it every run. Not part of any test run.
import pg from 'pg';
import { openPostgres } from '../../src/server/db/client.ts';
import { createAuthService } from '../../src/server/modules/auth/auth.service.ts';
import { createInvestmentsService } from '../../src/server/modules/investments/investments.service.ts';
import { MOSCOW_DISTRICTS, STARTUP_STAGES, TECHNOLOGY_AREAS } from '../../src/shared/domain.ts';
import { DEAL_INSTRUMENTS, DEAL_ROUNDS, MARKETS } from '../../src/shared/ventures.ts';
import { arg, recordStatements, spawnServer } from './harness.ts';

const ORGS = arg('orgs', 100_000);
const CALLS = arg('calls', 200);
const PORT = 3733;
const DB_NAME = 'klaster_bench_matching';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EMAIL = 'investor@bench.local';
const PASSWORD = 'bench-password-42';

/** The investor: a private fund at the seed to growth stages, in four popular areas, with 10–150 mln RUB tickets. */
const PROFILE = {
  type: 'private_fund',
  stages: ['seed', 'early', 'growth'],
  technologies: ['ai', 'iot', 'big_data', 'fintech'],
  markets: ['b2b', 'russia'],
  ticketMinKopecks: 1_000_000_000n,
  ticketMaxKopecks: 15_000_000_000n,
};

// ——— data

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (label: string, run: () => Promise<unknown>) => {
    const started = Date.now();
    await run();
    console.log(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  // 45 % startups at every stage; 85 % cluster participants; 1–3 technologies, the popular areas more often (the
  // index into the list is squared, so its head wins)
  await step(`${ORGS} organizations`, () =>
    client.query(
      `insert into organizations (legal_type, inn, ogrn, full_name, short_name, legal_form, region_code, district,
         okved_main, okved_section, sme_category, technologies, is_startup, startup_stage, capabilities,
         membership_status, membership_kind, admitted_at, description)
       select 'legal_entity', (7700000000 + g)::text, (1027700000000 + g)::text,
              'Общество с ограниченной ответственностью «Стартап ' || g || '»', 'ООО «Стартап ' || g || '»', 'ООО', '77',
              ($2::text[])[1 + g % 12], '62.01', 'J', case when startup then 'micro' else 'small' end,
              (select array_agg(distinct ($3::text[])[1 + floor(power(((h::bigint * k * 40503) % 1000) / 1000.0, 2) * 24)::int])
                 from generate_series(1, 1 + h % 3) k),
              startup, case when startup then ($4::text[])[1 + (h / 7) % 5] end, array['company'],
              case when h % 100 < 85 then 'participant' else 'applied' end,
              case when h % 100 < 85 then 'participant' end,
              case when h % 100 < 85 then now() - (h % 2500) * interval '1 day' end,
              'Технологическая компания'
         from generate_series(1, $1::int) g
         cross join lateral (select (g::bigint * 2654435761 % 2147483647)::int as h) hash
         cross join lateral (select (h / 3) % 100 < 45 as startup) s`,
      [ORGS, MOSCOW_DISTRICTS, TECHNOLOGY_AREAS, STARTUP_STAGES],
    ),
  );
  // four startups in five state what they seek
  await step('startup needs', () =>
    client.query(
      `insert into startup_needs (organization_id, rounds, instruments, markets, amount_kopecks, pitch)
       select id, array[($1::text[])[1 + h % 4]], array[($2::text[])[1 + (h / 4) % 4]],
              array[($3::text[])[1 + (h / 16) % 4], 'russia'], (1000000 + (h % 300) * 500000)::bigint * 100,
              'Привлекаем инвестиции на масштабирование продаж и расширение команды разработки.'
         from organizations
        cross join lateral (select abs(hashtext(id::text)) as h) hash
        where is_startup and h % 5 > 0`,
      [DEAL_ROUNDS, DEAL_INSTRUMENTS, MARKETS],
    ),
  );
  const { rows } = await client.query(
    `insert into organizations (legal_type, inn, ogrn, full_name, short_name, legal_form, region_code, district,
       okved_main, okved_section, sme_category, capabilities, technologies, description)
     values ('legal_entity', '9908999999', '1027799299999', 'Акционерное общество «Венчурный фонд Бенч»',
       'АО «Венчурный фонд Бенч»', 'АО', '77', 'ЦАО', '64.30', 'K', 'medium', '{investor}', $1::text[],
       'Венчурный фонд') returning id`,
    [PROFILE.technologies],
  );
  const investorId = rows[0].id as string;
  await client.query(
    `insert into investor_profiles (organization_id, type, stages, technologies, markets, ticket_min_kopecks,
       ticket_max_kopecks, fund_size_kopecks, description)
     values ($1, $2, $3, $4, $5, $6, $7, 300000000000, 'Фонд ранних стадий')`,
    [
      investorId,
      PROFILE.type,
      PROFILE.stages,
      PROFILE.technologies,
      PROFILE.markets,
      String(PROFILE.ticketMinKopecks),
      String(PROFILE.ticketMaxKopecks),
    ],
  );
  await step('vacuum analyze', () => client.query('vacuum analyze'));
  const counts = await client.query(
    `select count(*) filter (where is_startup)::int s,
            count(*) filter (where is_startup and membership_status = 'participant')::int r,
            (select count(*) from startup_needs)::int n from organizations`,
  );
  await client.end();
  return { investorId, ...(counts.rows[0] as { s: number; r: number; n: number }) };
}

// ——— measuring

interface Timing {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** `CALLS` calls one after the other, after ten to warm up. */
async function timed(run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 10; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times[times.length - 1] };
}

const fmt = (t: Timing) =>
  `p50 ${t.p50.toFixed(1).padStart(6)} ms  p95 ${t.p95.toFixed(1).padStart(6)} ms  p99 ${t.p99.toFixed(1).padStart(6)} ms  max ${t.max.toFixed(1).padStart(6)} ms`;

/**
 * The statements the investments service runs for GET /api/investors/{id}/matches by the investor's member, as sent
 * to `pg`: the service itself is called over a drizzle instance that writes its queries down.
 */
async function captureStatements(
  url: string,
  actor: { userId: string; email: string; fullName: string; role: 'user' },
  investorId: string,
  page: { limit: number; offset: number },
) {
  const { statements, result: answer } = await recordStatements(url, (db) =>
    createInvestmentsService({ db, clock: { now: () => new Date() } }).investorMatches(actor, investorId, page),
  );
  return { statements, total: answer.total, first: answer.items[0] };
}

function labelOf(text: string) {
  if (/^\s*select "id", "short_name"/.test(text)) return 'organization';
  if (/organization_members/.test(text)) return 'membership';
  if (/from "investor_profiles"/.test(text) && !/"startup_needs"/.test(text)) return 'profile';
  if (/^\s*with "ranked"/.test(text)) return 'ranked page';
  if (/count\(\*\)/.test(text)) return 'total';
  return 'other';
}

/** One answer's statements as the service runs them: in turn, but the ranked page and the total side by side. */
async function runLikeService(pool: pg.Pool, statements: Array<{ text: string; params: unknown[] }>) {
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    const next = statements[i + 1];
    if (labelOf(s.text) === 'ranked page' && next && labelOf(next.text) === 'total') {
      await Promise.all([pool.query(s.text, s.params), pool.query(next.text, next.params)]);
      i++;
    } else await pool.query(s.text, s.params);
  }
}

async function main() {
  console.log(`Investor matching: ${ORGS} organizations, one investor profile; ${CALLS} calls one after the other\n`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  await admin.end();
  const url = Object.assign(new URL(serverUrl), { pathname: `/${DB_NAME}` }).toString();
  const database = await openPostgres(url, 2);
  await database.migrate();
  console.log('seeding with generate_series:');
  const started = Date.now();
  const seeded = await seed(url);
  // the investor's own member signs in: the matches are for its members and the operator
  const auth = createAuthService({ db: database.db, clock: { now: () => new Date() } });
  const userId = await auth.ensureUser({
    email: EMAIL,
    password: PASSWORD,
    fullName: 'Инна Инвесторова',
    role: 'user',
  });
  await database.pool.query(
    `insert into organization_members (organization_id, user_id, org_role) values ($1, $2, 'owner')`,
    [seeded.investorId, userId],
  );
  await database.close();
  console.log(
    `  ${seeded.s} startups (${seeded.r} of them in the public registry), ${seeded.n} with needs, in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );

  const actor = { userId, email: EMAIL, fullName: 'Инна Инвесторова', role: 'user' as const };
  const pages = [
    { name: 'first page (20)', limit: 20, offset: 0 },
    { name: 'page 51 (offset 1 000)', limit: 20, offset: 1000 },
  ];
  const captured: Array<Awaited<ReturnType<typeof captureStatements>>> = [];
  for (const page of pages) captured.push(await captureStatements(url, actor, seeded.investorId, page));
  console.log(
    `matches: ${captured[0].total} of ${seeded.r} registry startups; best ${captured[0].first?.name} (score ${captured[0].first?.score})\n`,
  );

  const server = await spawnServer(url, PORT);
  const rows: string[] = [];
  let met = true;
  try {
    const login = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    for (const [i, page] of pages.entries()) {
      const path = `/api/investors/${seeded.investorId}/matches?limit=${page.limit}&offset=${page.offset}`;
      const check = await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie } });
      if (check.status !== 200) throw new Error(`${path}: ${check.status} ${await check.text()}`);
      const api = await timed(async () => {
        const response = await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie } });
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        await response.arrayBuffer();
      });
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      const sqlAlone = await timed(() => runLikeService(pool, captured[i].statements));
      // each statement alone: where a call spends its time
      const costs: string[] = [];
      for (const s of captured[i].statements) {
        const one = [];
        for (let k = 0; k < 7; k++) {
          const t0 = performance.now();
          await pool.query(s.text, s.params);
          one.push(performance.now() - t0);
        }
        one.sort((a, b) => a - b);
        costs.push(`${labelOf(s.text)} ${one[3].toFixed(1)} ms`);
      }
      await pool.end();
      met &&= api.p99 < 200;
      console.log(`GET …/matches, ${page.name}`);
      console.log(`  API, signed in, one call at a time   ${fmt(api)}`);
      console.log(`  its SQL alone via pg, as it runs    ${fmt(sqlAlone)}`);
      console.log(`  each statement (median of 7): ${costs.join(', ')}`);
      rows.push(
        `| ${page.name} | ${captured[i].total} | ${[api.p50, api.p99, api.max, sqlAlone.p50, sqlAlone.p99].map((v) => v.toFixed(1)).join(' | ')} |`,
      );
    }
  } finally {
    server.kill('SIGTERM');
  }
  console.log('\n| page | matches | API p50 ms | API p99 ms | API max ms | SQL p50 ms | SQL p99 ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
  console.log(`\nTarget < 200 ms (p99 of ${CALLS} sequential calls): ${met ? 'met' : 'missed'}.`);
}

await main();
process.exit(0);
