// The one search box and the recommendations at 10× Moscow's scale on PostgreSQL. The full demo (realistic Russian
// names and texts) is seeded, then organizations, projects and requests are copied until the tables hold ≈100 000
// organizations, ≈150 000 projects and ≈4 000 requests. Load: realistic questions (inflected words, two-word
// phrases, names with a typo, prefixes, INNs, record numbers), half of them from a guest and half from a signed-in
// company member (whose own applications and solutions are searched too, never from the cache), by 20 clients; a
// guest asking 50 popular questions again and again (answered from the cache); the member's questions at fixed rates
// of 20 and 50 a second; then the recommendations for 50 companies one after another.
//   npx tsx scripts/bench/global-search.ts [--copies 10] [--seconds 10] [--connections 20]
// PostgreSQL: BENCH_DATABASE_URL (a server URL), default postgres://postgres@127.0.0.1:5432/postgres; the script
// drops and creates klaster_bench_search on it every run. Not part of any test run.
// Targets: search p99 under 100 ms at 20 clients; recommendations for one company under 200 ms.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../../src/server/db/client.ts';
import { seedIfEmpty } from '../../src/server/demo/seed.ts';
import { sha256 } from '../../src/server/modules/auth/auth.service.ts';
import { arg, fmt, freshDatabase, load, loadAtRate, percentile, spawnServer, stopServer } from './harness.ts';

const COPIES = arg('copies', 10);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 20);
const PORT = 3751;
/** fixed rates for the member's questions, a second */
const RATES = [20, 50];

/** Copies every row of `table` `times - 1` more times, with `overrides` (SQL over the row, `k` and `seq`). */
async function multiply(client: pg.Client, table: string, times: number, overrides: Record<string, string>) {
  const { rows } = await client.query(
    `select column_name from information_schema.columns
      where table_schema = 'public' and table_name = $1 and column_name <> 'id' and is_generated = 'NEVER'
      order by ordinal_position`,
    [table],
  );
  const columns = rows.map((r) => r.column_name as string);
  const values = columns.map((c) => overrides[c] ?? `o.${c}`);
  await client.query(`create temp table original_${table} as select * from ${table}`);
  await client.query(
    `insert into ${table} (${columns.join(', ')})
     select ${values.join(', ')}
       from (select o.*, k, row_number() over () as seq
               from original_${table} o cross join generate_series(1, ${times - 1}) k) o`,
  );
  const { rows: count } = await client.query(`select count(*)::int as n from ${table}`);
  return count[0].n as number;
}

async function session(client: pg.Client, userId: string) {
  const token = randomBytes(24).toString('base64url');
  await client.query(
    `insert into sessions (token_hash, user_id, csrf_token, expires_at) values ($1, $2, 'x', now() + interval '1 day')`,
    [sha256(token), userId],
  );
  return `klaster_session=${token}`;
}

/** A typo a person makes: two neighbouring letters swapped in the middle of the word. */
function withTypo(word: string) {
  if (word.length < 5) return word;
  const i = Math.floor(word.length / 2);
  return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
}

const words = (text: string) => text.match(/[А-Яа-яЁё]{4,}/g) ?? [];

async function main() {
  const url = await freshDatabase('klaster_bench_search');
  const database = await openPostgres(url, 4);
  await database.migrate();
  let started = Date.now();
  await seedIfEmpty(database.db, 'full', { now: () => new Date() });
  await database.close();
  console.log(`full demo seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  started = Date.now();
  // copies keep their texts; INN, OGRN, registry and record numbers are made unique
  const organizations = await multiply(client, 'organizations', COPIES, {
    inn: `case when o.legal_type = 'legal_entity' then '9' || lpad(o.seq::text, 9, '0') else '9' || lpad(o.seq::text, 11, '0') end`,
    ogrn: `case when o.legal_type = 'legal_entity' then '9' || lpad(o.seq::text, 12, '0') else '9' || lpad(o.seq::text, 14, '0') end`,
    registry_number: `case when o.registry_number is null then null else o.registry_number || '/' || o.k end`,
  });
  const projects = await multiply(client, 'projects', Math.max(1, Math.round((COPIES * 150_000) / 10 / 17_300)), {
    number: `o.number || '/' || o.k`,
  });
  const requests = await multiply(client, 'requests', COPIES, { number: `o.number || '/' || o.k` });
  await client.query('analyze');
  console.log(
    `copied to ${organizations} organizations, ${projects} projects, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );

  // the questions: taken from the data as people would remember it
  const sample = async (sql: string) => (await client.query(sql)).rows;
  const requestTitles = (await sample('select title from requests order by random() limit 300')).map((r) => r.title);
  const projectTitles = (await sample('select title from projects order by random() limit 300')).map((r) => r.title);
  const names = (await sample(`select short_name from organizations order by random() limit 300`)).map(
    (r) => r.short_name,
  );
  const inns = (await sample('select inn from organizations order by random() limit 100')).map((r) => r.inn);
  const numbers = (await sample('select number from projects order by random() limit 100')).map((r) => r.number);
  const questions: string[] = [];
  for (let i = 0; i < 300; i++) {
    const r = words(requestTitles[i % requestTitles.length]);
    const p = words(projectTitles[i % projectTitles.length]);
    const n = words(names[i % names.length]).sort((a, b) => b.length - a.length);
    if (r.length) questions.push(r[i % r.length]);
    if (p.length >= 2) questions.push(`${p[0]} ${p[1]}`);
    if (n.length) questions.push(withTypo(n[0]!));
    if (p.length) questions.push(p[p.length - 1].slice(0, 5));
    if (i < 100) questions.push(inns[i], numbers[i]);
  }
  const company = (await sample(`select id from users where email = 'company@klaster.demo'`))[0].id as string;
  const memberCookie = await session(client, company);

  // members of 50 participants with technology areas, for their recommendations
  const targets = await sample(
    `select id from organizations where membership_status = 'participant' and cardinality(technologies) > 0
      order by random() limit 50`,
  );
  const members: Array<{ organizationId: string; cookie: string }> = [];
  for (const [i, target] of targets.entries()) {
    const { rows } = await client.query(
      `insert into users (email, password_hash, full_name) values ($1, 'not-a-hash', 'Участник') returning id`,
      [`member${i}@bench.local`],
    );
    await client.query(
      `insert into organization_members (organization_id, user_id, org_role) values ($1, $2, 'owner')`,
      [target.id, rows[0].id],
    );
    members.push({ organizationId: target.id, cookie: await session(client, rows[0].id) });
  }
  await client.end();

  const server = await spawnServer(url, PORT);
  try {
    const path = (n: number) => `/api/search?q=${encodeURIComponent(questions[n % questions.length])}`;
    // warm up as a member (whose answers are never cached): the first query of each kind plans and reads pages in
    const asMember = () => ({ cookie: memberCookie });
    await load(PORT, (n) => path(questions.length - 1 - (n % 200)), { connections: 4, seconds: 3, headers: asMember });
    console.log(`${questions.length} questions, ${CONNECTIONS} connections, ${SECONDS} s a run`);
    // each question once: asked again within a minute, a guest's question is answered from the cache
    const guestNew = await load(PORT, path, { connections: CONNECTIONS, seconds: SECONDS, amount: questions.length });
    console.log(`  guest, each question new ${fmt(guestNew)}`);
    // what a search box mostly gets: the same popular questions again (a guest's answer is cached for a minute)
    const popular = (n: number) => path(n % 50);
    console.log(
      `  guest, 50 popular questions ${fmt(await load(PORT, popular, { connections: CONNECTIONS, seconds: SECONDS }))}`,
    );
    console.log(
      `  company member    ${fmt(await load(PORT, path, { connections: CONNECTIONS, seconds: SECONDS, headers: asMember }))}`,
    );
    const typed = (n: number) => `${path(n)}&type=organizations`;
    console.log(
      `  member, organizations only ${fmt(await load(PORT, typed, { connections: CONNECTIONS, seconds: SECONDS, headers: asMember }))}`,
    );
    // at fixed rates, each question sent at its due time whatever the answers before it: the latency is the
    // question's own, not the time spent queueing behind 19 others (a member's answers are never cached)
    for (const rate of RATES) {
      const figures = await loadAtRate(`http://127.0.0.1:${PORT}`, (n) => path(n * 7 + rate), {
        rate,
        seconds: SECONDS,
        headers: asMember(),
      });
      console.log(`  company member, ${rate} questions a second ${fmt(figures)}`);
    }

    // recommendations: one company after another, as a person opening the cabinet
    for (const kind of ['requests', 'measures'] as const) {
      const times: number[] = [];
      let bad = 0;
      for (const member of [...members, ...members]) {
        const t0 = performance.now();
        const response = await fetch(
          `http://127.0.0.1:${PORT}/api/recommendations/${kind}?organizationId=${member.organizationId}`,
          { headers: { cookie: member.cookie } },
        );
        await response.arrayBuffer();
        if (!response.ok) bad++;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(
        `recommendations/${kind} for ${members.length} companies (twice): p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms, errors ${bad}`,
      );
    }
  } finally {
    await stopServer(server);
  }
}

await main();
