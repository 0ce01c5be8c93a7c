// The project showcase under load on PostgreSQL at 10× Moscow's scale: GET /api/projects over 150 000 projects with
// their partners — no filter, Russian full text (inflected words), a technology, joint projects of a year, a
// district and a deep page — through the Klaster API with its list cache answering (one URL) and missing (another
// cache key each request), and beside each the very SQL the projects service runs for an uncached list (facet
// counts, page ids, page rows), captured from the service itself and replayed straight through `pg` by the same
// number of concurrent clients. Target: p99 < 100 ms at 20 concurrent clients.
//   npx tsx scripts/bench/project-showcase.ts [--projects 150000] [--orgs 20000] [--seconds 10] [--connections 20]
// PostgreSQL: BENCH_DATABASE_URL (a server URL), default postgres://postgres@127.0.0.1:5432/postgres; the script
// drops and creates klaster_bench_projects on it every run. Not part of any test run.
import pg from 'pg';
import { openPostgres } from '../../src/server/db/client.ts';
import { createProjectsService, type ProjectListQuery } from '../../src/server/modules/projects/projects.service.ts';
import { MOSCOW_DISTRICTS, TECHNOLOGY_AREAS } from '../../src/shared/domain.ts';
import {
  arg,
  type Figures,
  fmt,
  freshDatabase,
  load as loadOn,
  noCache,
  recordStatements,
  replay,
  spawnServer,
  statementCosts,
} from './harness.ts';

const PROJECTS = arg('projects', 150_000);
const ORGS = arg('orgs', 20_000);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 20);
const PORT = 3732;
const DB_NAME = 'klaster_bench_projects';

// ——— words: titles are «product function object [method]», as the demo writes them, so full text has inflected
// forms to find and the stemmer real Russian to work on

const PRODUCTS = [
  'Система',
  'Платформа',
  'Сервис',
  'Программно-аппаратный комплекс',
  'Интеллектуальная система',
  'Цифровая платформа',
  'Решение',
  'Модуль',
  'Технология',
  'Комплекс',
];
const FUNCTIONS = [
  'предиктивной диагностики',
  'мониторинга технического состояния',
  'дистанционного контроля',
  'прогнозирования отказов',
  'автоматического выявления дефектов',
  'оптимизации работы',
  'учёта и паспортизации',
  'планирования ремонтов',
  'оценки износа',
  'энергетического аудита',
  'автоматизации обслуживания',
  'раннего обнаружения неисправностей',
];
const OBJECTS = [
  'эскалаторов метрополитена',
  'подвижного состава',
  'трамвайных путей',
  'светофорных объектов',
  'городских мостов и путепроводов',
  'лифтового оборудования жилых домов',
  'тепловых сетей',
  'водопроводных сетей',
  'трансформаторных подстанций',
  'кабельных линий электропередачи',
  'зарядной инфраструктуры электротранспорта',
  'систем наружного освещения',
  'медицинского оборудования больниц',
  'станков с числовым программным управлением',
  'производственных линий',
  'дорожного покрытия',
  'инженерных систем школ',
  'контейнерных площадок',
  'насосных станций',
  'башенных кранов',
];
const METHODS = [
  'на основе машинного обучения',
  'с применением компьютерного зрения',
  'на базе датчиков интернета вещей',
  'с применением беспилотных летательных аппаратов',
  'на основе анализа больших данных',
  'с использованием мобильных роботов',
  'на отечественной электронной компонентной базе',
  'с цифровым двойником',
];
const PLACES = [
  'на станциях Московского метрополитена',
  'в городских поликлиниках',
  'в многоквартирных домах',
  'на объектах городской энергосистемы',
  'в московских школах',
  'на производственных площадках технопарков',
  'на улично-дорожной сети Москвы',
  'на строительных площадках города',
];
const RESULTS = [
  'Внеплановые простои оборудования сократились на четверть.',
  'Затраты на обслуживание снизились на 30 %.',
  'Неисправности выявляются за две недели до отказа.',
  'Время обследования объекта сократилось втрое.',
];
const NAMES = ['Альфа', 'Вектор', 'Гранит', 'Дельта', 'Сигма', 'Орбита', 'Квант', 'Импульс', 'Меридиан', 'Спектр'];
const SUFFIXES = ['Технологии', 'Системы', 'Инжиниринг', 'Лаб', 'Софт', 'Групп', 'Девелопмент', 'Диджитал'];

/** What people type: inflected forms of the titles' words (stemming and prefixes must bring them together). */
const QUERY_WORDS = [
  'диагностика',
  'мониторинг',
  'прогноз отказов',
  'дефекты',
  'эскалаторы',
  'метрополитен',
  'трамвайные пути',
  'светофоры',
  'мосты',
  'лифты',
  'тепловые сети',
  'водопровод',
  'подстанции',
  'освещение',
  'медицинское оборудование',
  'станки',
  'дорожное покрытие',
  'школы',
  'машинное обучение',
  'компьютерное зрение',
  'беспилотники',
  'роботы',
  'большие данные',
  'износ',
];

// ——— data

async function seed(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (label: string, run: () => Promise<unknown>) => {
    const started = Date.now();
    await run();
    console.log(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const { rows: authorRows } = await client.query(
    `insert into users (email, password_hash, full_name) values ('author@bench.local', 'not-a-hash', 'Автор проектов') returning id`,
  );
  const author = authorRows[0].id as string;

  // 90 % cluster participants (Moscow), the rest outside the cluster: confirmed partners that do not count
  await step(`${ORGS} organizations`, () =>
    client.query(
      `insert into organizations (legal_type, inn, ogrn, full_name, short_name, legal_form, region_code, district,
         okved_main, okved_section, sme_category, technologies, capabilities, membership_status, membership_kind,
         admitted_at, description)
       select 'legal_entity', (7700000000 + g)::text, (1027700000000 + g)::text,
              'Общество с ограниченной ответственностью «' || n || '»', 'ООО «' || n || '»', 'ООО', '77',
              ($2::text[])[1 + g % 12], '62.01', 'J', 'small', array[($3::text[])[1 + g % 24]], array['company'],
              case when g % 10 = 0 then 'none' else 'participant' end,
              case when g % 10 = 0 then null else 'participant' end,
              case when g % 10 = 0 then null else timestamptz '2017-06-01' + (g % 3000) * interval '1 day' end,
              'Технологическая компания'
         from generate_series(1, $1::int) g,
              lateral (select ($4::text[])[1 + g % 10] || ' ' || ($5::text[])[1 + (g / 10) % 8] || ' ' || g as n) name`,
      [ORGS, MOSCOW_DISTRICTS, TECHNOLOGY_AREAS, NAMES, SUFFIXES],
    ),
  );
  await client.query(`create temp table bench_participants as
    select row_number() over (order by inn) - 1 as idx, id, district from organizations where membership_status = 'participant'`);
  await client.query(`create temp table bench_outside as
    select row_number() over (order by inn) - 1 as idx, id from organizations where membership_status <> 'participant'`);
  await client.query('create index on bench_participants (idx)');
  await client.query('create index on bench_outside (idx)');
  const participants = Number((await client.query('select count(*)::int n from bench_participants')).rows[0].n);
  const outside = Number((await client.query('select count(*)::int n from bench_outside')).rows[0].n);

  // 87 % implemented over 2018 → now, more each year (the year is 2018 + log_1.17 of a uniform draw); 35 % of them
  // joint: the lead and 1–3 confirmed participant partners. Project g is led by participant (7g mod P).
  await step(`${PROJECTS} projects`, () =>
    client.query(
      `insert into projects (number, lead_organization_id, author_id, title, description, technologies, trl,
         budget_kopecks, started_on, planned_end_on, implemented_on, stage, status, lead_district,
         confirmed_participants, joint, version, created_at, updated_at)
       select 'ПР-' || extract(year from created)::int || '-' || lpad(g::text, 6, '0'),
              o.id, $2::uuid, title,
              'Проект «' || title || '» реализован участником кластера. Испытания проведены ' || ($7::text[])[1 + h3 % 8]
                || '. ' || ($8::text[])[1 + h2 % 4],
              case when t1 = t2 then array[t1] else array[t1, t2] end,
              case when status = 'implemented' then 7 + h % 3 else 3 + h % 5 end,
              (3000000 + (h % 1500) * 100000)::bigint * 100, (created - interval '20 days')::date,
              (created + interval '400 days')::date, case when status = 'implemented' then implemented end,
              case when status = 'implemented' then 'implementation' else 'development' end, status, o.district,
              case when joint then 2 + h2 % 3 else 1 end, joint, 3, created, created + interval '1 day'
         from generate_series(1, $1::int) g
         cross join lateral (select (g::bigint * 2654435761 % 2147483647)::int as h) hash
         cross join lateral (
           select (h::bigint * 48271 % 2147483647)::int as h2, (h::bigint * 69621 % 2147483647)::int as h3
         ) more
         cross join lateral (
           select case when h % 100 < 87 then 'implemented' when h % 100 < 94 then 'active'
                       when h % 100 < 97 then 'planned' else 'cancelled' end as status,
                  ($5::text[])[1 + h % 24] as t1, ($5::text[])[1 + h2 % 24] as t2,
                  ($3::text[])[1 + g % 10] || ' ' || ($4::text[])[1 + (g / 10) % 12] || ' '
                    || ($6::text[])[1 + (g / 120) % 20]
                    || case when h3 % 4 > 0 then ' ' || ($9::text[])[1 + h3 % 8] else '' end as title
         ) shape
         cross join lateral (
           select status = 'implemented' and h3 % 100 < 35 as joint,
                  least(date '2018-02-01' + floor(ln(1 + (h2 % 100000) / 100000.0 * (1.17 ^ 9 - 1)) / ln(1.17) * 365)::int,
                        current_date - 1) as implemented
         ) w
         cross join lateral (
           select case when status = 'implemented'
                       then greatest(timestamptz '2018-01-15', implemented - (120 + h % 500) * interval '1 day')
                       else now() - (1 + h % 700) * interval '1 day' end as created
         ) c
         join bench_participants o on o.idx = (g::bigint * 7) % ${participants}`,
      [PROJECTS, author, PRODUCTS, FUNCTIONS, TECHNOLOGY_AREAS, OBJECTS, PLACES, RESULTS, METHODS],
    ),
  );
  await client.query(`create temp table bench_projects as
    select substr(number, 9)::int as g, id, joint, confirmed_participants as cp, created_at from projects`);

  // partners: a joint project's cp - 1 confirmed participants (the lead's index plus j·997, never the lead); half
  // of all projects also a partner that does not count — a confirmed organization outside the cluster, or a
  // participant that declined or was invited and never answered
  await step('partners', () =>
    client.query(
      `insert into project_partners (project_id, organization_id, status, role, invited_by, invited_at, decided_at)
       select p.id, coalesce(inside.id, outer_org.id), k.status, 'Разработка программного обеспечения', $1::uuid,
              p.created_at + interval '1 day', case when k.status <> 'invited' then p.created_at + interval '5 days' end
         from bench_projects p
         cross join lateral (
           select 'confirmed' as status, ((p.g::bigint * 7) % ${participants} + j * 997) % ${participants} as inside_idx,
                  null::bigint as outside_idx
             from generate_series(1, p.cp - 1) j where p.joint
           union all
           select (array['confirmed', 'declined', 'invited'])[1 + (p.g / 2) % 3],
                  case when (p.g / 2) % 3 > 0 then ((p.g::bigint * 7) % ${participants} + 5003) % ${participants} end,
                  case when (p.g / 2) % 3 = 0 then (p.g::bigint * 31) % ${outside} end
            where p.g % 2 = 0
         ) k
         left join bench_participants inside on inside.idx = k.inside_idx
         left join bench_outside outer_org on outer_org.idx = k.outside_idx`,
      [author],
    ),
  );
  await step('vacuum analyze', () => client.query('vacuum analyze'));
  const counts = await client.query(
    `select (select count(*) from projects)::int p, (select count(*) from projects where status = 'implemented')::int i,
            (select count(*) from projects where status = 'implemented' and joint)::int j,
            (select count(*) from project_partners)::int r`,
  );
  await client.end();
  return counts.rows[0] as { p: number; i: number; j: number; r: number };
}

// ——— the scenarios

interface Scenario {
  name: string;
  query: Record<string, string | number>;
  /** the same question, another cache key each time: a miss on the page cache (and on the counts where the filter varies) */
  cold: (n: number) => Record<string, string | number>;
  coldNote: string;
}

const pairs = QUERY_WORDS.flatMap((a) => QUERY_WORDS.filter((b) => b !== a).map((b) => `${a} ${b}`));
/** Beside a pair of words, so that there are more questions than the list cache holds. */
const ALONGSIDE: Array<Record<string, string>> = [{}, { joint: 'true' }, { joint: 'false' }, { district: 'ЦАО' }];
const YEARS = Array.from({ length: new Date().getUTCFullYear() - 2017 }, (_, i) => 2018 + i);
/** Another page each time: size 10–100 × 31 offsets, more keys than the server's list cache holds (2 000). */
const anotherPage = (n: number, base = 0) => ({ limit: 10 + (n % 91), offset: base + (Math.floor(n / 91) % 31) });

/*
 * The cache-missing runs cycle through more distinct cache keys than the server's in-memory list cache keeps, so
 * with its least-recently-used eviction every request computes what its key names.
 */
const SCENARIOS: Scenario[] = [
  {
    name: 'no filter, page 1',
    query: { limit: 20 },
    cold: (n) => anotherPage(n),
    coldNote: '2 821 page sizes × offsets: rows read, ranked ids and counts cached',
  },
  {
    name: 'q = «диагностика эскалаторов»',
    query: { q: 'диагностика эскалаторов', limit: 20 },
    cold: (n) => ({
      q: pairs[n % pairs.length],
      ...ALONGSIDE[Math.floor(n / pairs.length) % ALONGSIDE.length],
      limit: 20,
    }),
    coldNote: `${pairs.length * 4} inflected word pairs × (nothing, joint, not joint, ЦАО): everything computed`,
  },
  {
    name: 'technology=iot',
    query: { technology: 'iot', limit: 20 },
    cold: (n) => ({
      technology: TECHNOLOGY_AREAS[n % 24],
      district: MOSCOW_DISTRICTS[Math.floor(n / 24) % 12],
      year: YEARS[Math.floor(n / 288) % YEARS.length],
      limit: 20,
    }),
    coldNote: `${24 * 12 * YEARS.length} technology × district × year: everything computed`,
  },
  {
    name: 'joint=true + year=2024',
    query: { joint: 'true', year: 2024, limit: 20 },
    cold: (n) => ({
      joint: 'true',
      year: YEARS[n % YEARS.length],
      technology: TECHNOLOGY_AREAS[Math.floor(n / YEARS.length) % 24],
      district: MOSCOW_DISTRICTS[Math.floor(n / (YEARS.length * 24)) % 12],
      limit: 20,
    }),
    coldNote: `${24 * 12 * YEARS.length} year × technology × district, joint: everything computed`,
  },
  {
    name: 'district=ЮАО',
    query: { district: 'ЮАО', limit: 20 },
    cold: (n) => ({
      district: MOSCOW_DISTRICTS[n % 12],
      year: YEARS[Math.floor(n / 12) % YEARS.length],
      technology: TECHNOLOGY_AREAS[Math.floor(n / (12 * YEARS.length)) % 24],
      // not joint: keys the two scenarios before did not touch
      joint: 'false',
      limit: 20,
    }),
    coldNote: `${12 * YEARS.length * 24} district × year × technology, not joint: everything computed`,
  },
  {
    name: 'no filter, offset 10 000',
    query: { limit: 20, offset: 10_000 },
    cold: (n) => ({ limit: 20, offset: 10_000 + (n % 3000) }),
    coldNote: '3 000 offsets from 10 000: ids and rows read, counts cached',
  },
];

const pathOf = (query: Record<string, string | number>) =>
  `/api/projects?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`;

/**
 * The statements the projects service runs for an uncached GET /api/projects with this query (as a guest), as sent
 * to `pg`: the service itself is called over a drizzle instance that writes its queries down.
 */
async function captureStatements(url: string, query: Record<string, string | number>) {
  const listQuery = {
    ...query,
    joint: query.joint === undefined ? undefined : query.joint === 'true',
    year: query.year === undefined ? undefined : Number(query.year),
    limit: Number(query.limit ?? 20),
    offset: Number(query.offset ?? 0),
  } as ProjectListQuery;
  const { statements, result: answer } = await recordStatements(url, (db) =>
    createProjectsService({ db, clock: { now: () => new Date() }, cache: noCache }).list(null, listQuery),
  );
  return { statements, total: answer.total, items: answer.items.length };
}

/** Load on this script's server with its connections. */
const load = (paths: (n: number) => string, seconds = SECONDS) =>
  loadOn(PORT, paths, { connections: CONNECTIONS, seconds });

async function main() {
  console.log(
    `Project showcase: ${PROJECTS} projects, ${ORGS} organizations; ${CONNECTIONS} connections, ${SECONDS} s per run\n`,
  );
  const url = await freshDatabase(DB_NAME);
  const database = await openPostgres(url, 2);
  await database.migrate();
  await database.close();
  console.log('seeding with generate_series:');
  const started = Date.now();
  const counts = await seed(url);
  console.log(
    `  ${counts.p} projects (${counts.i} implemented, ${counts.j} of them joint), ${counts.r} partner rows in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );

  const captured = [];
  for (const scenario of SCENARIOS) captured.push(await captureStatements(url, scenario.query));

  const server = await spawnServer(url, PORT);
  const results: Array<{ warm: Figures; cold: Figures; sql: Figures }> = [];
  try {
    for (const [i, scenario] of SCENARIOS.entries()) {
      const path = pathOf(scenario.query);
      const check = await fetch(`http://127.0.0.1:${PORT}${path}`);
      if (check.status !== 200) throw new Error(`${path}: ${check.status} ${await check.text()}`);
      // the server's code warmed up on this very question before anything is measured
      await load(() => path, 2);
      const warm = await load(() => path);
      const cold = await load((n) => pathOf(scenario.cold(n)));
      const sql = await replay(url, captured[i].statements, { connections: CONNECTIONS, seconds: SECONDS });
      results.push({ warm, cold, sql });
      console.log(`${scenario.name} — ${captured[i].total} found`);
      console.log(
        `  alone, one connection: ${await statementCosts(url, captured[i].statements, (text) =>
          /cross join lateral/.test(text)
            ? 'facet counts'
            : /"organizations"\."short_name"/.test(text)
              ? 'page rows'
              : /^\s*select "id" from "projects"/.test(text)
                ? 'page ids'
                : 'other',
        )}`,
      );
      console.log(`  API, one URL (the list cache answers)  ${fmt(warm)}`);
      console.log(`  API, another cache key each request   ${fmt(cold)}  (${scenario.coldNote})`);
      console.log(`  its SQL, uncached, straight via pg     ${fmt(sql)}`);
    }
  } finally {
    server.kill('SIGTERM');
  }

  console.log(
    '\n| scenario | found | API one URL req/s | p50 | p99 | API cache-missing req/s | p50 | p99 | SQL via pg req/s | p50 | p99 | non-2xx |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [i, scenario] of SCENARIOS.entries()) {
    const { warm, cold, sql } = results[i];
    const cells = [warm, cold, sql].flatMap((f) => [f.rps.toFixed(0), f.p50.toFixed(1), f.p99.toFixed(1)]);
    console.log(
      `| ${scenario.name} | ${captured[i].total} | ${cells.join(' | ')} | ${warm.bad + cold.bad + sql.bad} |`,
    );
  }
  const misses = results.filter((r) => r.warm.p99 >= 100 || r.cold.p99 >= 100).length;
  console.log(
    `\nTarget p99 < 100 ms at ${CONNECTIONS} clients: ${misses === 0 ? 'met' : `missed in ${misses} scenario(s)`}.`,
  );
  console.log('SQL via pg: the statements the service runs for one uncached list (counts, page ids, rows), in turn;');
  console.log('one req/s there = one whole list computed. The API figures include HTTP, JSON and the list cache.');
}

await main();
process.exit(0);
