// The requests catalogue under load on PostgreSQL: GET /api/requests with no filter, Russian full text (inflected
// words), text plus a technology, the archive of one sphere and a deep page — through the Klaster API, and beside
// each the very SQL the requests service runs for an uncached list (facet counts, page ids, page rows), captured
// from the service itself and replayed straight through `pg` by the same number of concurrent clients.
//   npx tsx scripts/bench/request-search.ts [--requests 50000] [--solutions 1000000] [--seconds 10] [--connections 20]
// PostgreSQL: BENCH_DATABASE_URL (a server URL), default postgres://postgres@127.0.0.1:5432/postgres; the script
// drops and creates klaster_bench_requests on it every run. Not part of any test run.
import pg from 'pg';
import { openPostgres } from '../../src/server/db/client.ts';
import { createRequestsService, type RequestListQuery } from '../../src/server/modules/requests/requests.service.ts';
import { MOSCOW_DISTRICTS, TECHNOLOGY_AREAS } from '../../src/shared/domain.ts';
import { DEFAULT_REQUEST_CRITERIA, PROBLEM_TYPES, REQUEST_SCOPES } from '../../src/shared/innovation.ts';
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

const REQUESTS = arg('requests', 50_000);
const SOLUTIONS = arg('solutions', 1_000_000);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 20);
const PORT = 3731;
const DB_NAME = 'klaster_bench_requests';

// ——— words: titles are «subject purpose object [context]», so full text has inflected forms to find

const SUBJECTS = ['Система', 'Платформа', 'Сервис', 'Комплекс', 'Решение', 'Модуль', 'Технология', 'Программа'];
const PURPOSES = [
  'мониторинга',
  'прогнозирования',
  'распознавания',
  'диагностики',
  'учёта',
  'анализа',
  'контроля',
  'оптимизации',
  'автоматизации',
  'обследования',
  'очистки',
  'охраны',
];
const OBJECTS = [
  'качества воздуха',
  'пассажиропотока',
  'лифтового оборудования',
  'медицинских изображений',
  'дорожного движения',
  'энергопотребления зданий',
  'строительных объектов',
  'городского освещения',
  'твёрдых коммунальных отходов',
  'зелёных насаждений',
  'протечек в подвалах',
  'беспилотных летательных аппаратов',
  'обращений граждан',
  'складских операций',
  'сварных швов',
  'тепловых сетей',
  'контактной сети трамвая',
  'спортивных площадок',
  'музейных фондов',
  'школьного питания',
  'кабельных линий',
  'городских парковок',
  'водопроводных сетей',
  'пациентов с гипертензией',
];
const CONTEXTS = [
  'в поликлиниках',
  'на станциях метро',
  'в школах',
  'в жилых домах',
  'на промышленных предприятиях',
  'в парках',
  'на дорогах Москвы',
  'в наземном транспорте',
  'на строительных площадках',
  'в библиотеках',
  'на объектах ЖКХ',
  'в аптечной сети',
];
const PROBLEMS = [
  'Сейчас это делается вручную и занимает недели.',
  'Данных много, но решения принимаются по опыту сотрудников.',
  'Отказы обнаруживаются только после жалоб жителей.',
  'Существующие зарубежные решения больше не поставляются.',
  'Затраты на обслуживание растут быстрее бюджета.',
  'Нарушения выявляются с опозданием, ущерб уже нанесён.',
];
const REQUIREMENTS = [
  'Интеграция с информационными системами заказчика, хранение данных в России.',
  'Решение из реестра российского ПО, работа в контуре заказчика.',
  'Пилот на площадках заказчика до трёх месяцев, измеримые показатели.',
  'Работа с существующим оборудованием без его замены.',
];
const RESULTS = [
  'Сокращение затрат на 20 % в течение года.',
  'Точность не ниже 90 % на данных заказчика.',
  'Вдвое меньше ручного труда.',
  'Выявление нарушений в течение часа вместо недели.',
];
const NAMES = ['Альфа', 'Вектор', 'Гранит', 'Дельта', 'Сигма', 'Орбита', 'Квант', 'Импульс', 'Меридиан', 'Спектр'];
const SUFFIXES = ['Технологии', 'Системы', 'Инжиниринг', 'Лаб', 'Софт', 'Групп', 'Девелопмент', 'Диджитал'];
const ROLES = ['Руководитель проекта', 'Ведущий разработчик', 'Аналитик данных', 'Инженер', 'Специалист по внедрению'];

/** What people type: inflected forms of the titles' words (stemming must bring them together), and pairs of them. */
const QUERY_WORDS = [
  'мониторинг',
  'прогноз',
  'распознавание',
  'диагностика',
  'контроль',
  'воздух',
  'пассажиропоток',
  'лифты',
  'медицинские изображения',
  'дорожное движение',
  'энергопотребление',
  'освещение',
  'отходы',
  'насаждения',
  'протечки',
  'беспилотники',
  'обращения граждан',
  'сварные швы',
  'тепловые сети',
  'парковки',
  'поликлиника',
  'метро',
  'школы',
  'жилой дом',
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
  const customers = Math.max(50, Math.round(REQUESTS / 100));
  const companies = Math.max(100, Math.round(SOLUTIONS / 200));
  const { rows: authorRows } = await client.query(
    `insert into users (email, password_hash, full_name) values ('author@bench.local', 'not-a-hash', 'Автор запросов') returning id`,
  );
  const author = authorRows[0].id as string;

  await step(`${customers} customers and ${companies} companies`, () =>
    client.query(
      `insert into organizations (legal_type, inn, ogrn, full_name, short_name, legal_form, region_code, district,
         okved_main, okved_section, sme_category, capabilities, membership_status, membership_kind, description)
       select 'legal_entity', (7700000000 + g)::text, (1027700000000 + g)::text,
              'Акционерное общество «' || n || '»', 'АО «' || n || '»', 'АО', '77', ($3::text[])[1 + g % 12],
              '62.01', 'J', case when g <= $1::int then 'large' else 'small' end,
              case when g <= $1::int then array['company','customer'] else array['company'] end, 'participant', 'participant',
              'Технологическая компания'
         from generate_series(1, $1::int + $2::int) g,
              lateral (select ($4::text[])[1 + g % 10] || ' ' || ($5::text[])[1 + (g / 10) % 8] || ' ' || g as n) name`,
      [customers, companies, MOSCOW_DISTRICTS, NAMES, SUFFIXES],
    ),
  );
  await client.query(`create temp table bench_customers as
    select row_number() over (order by inn) - 1 as idx, id from organizations where sme_category = 'large'`);
  await client.query(`create temp table bench_companies as
    select row_number() over (order by inn) - 1 as idx, id from organizations where sme_category = 'small'`);

  // statuses by a hash of the row: 3 % drafts, 3 % in moderation, 34 % published, 60 % archived
  await step(`${REQUESTS} requests`, () =>
    client.query(
      `insert into requests (number, organization_id, author_id, kind, title, brief, description, scopes, technologies,
         problem_types, expected_result, min_trl, reward_kind, budget_kopecks, pilot_offered, deadline, nda_terms,
         criteria, status, published_at, closed_at, version, created_at, updated_at)
       select 'ЗИ-' || extract(year from coalesce(published_at, now()))::int || '-' || lpad(g::text, 6, '0'),
              c.id, $2::uuid, case when h % 5 < 2 then 'city' else 'corporate' end, title,
              ($11::text[])[1 + h % 6] || ' Требуется ' || lower(left(title, 1)) || substr(title, 2) || '.',
              ($11::text[])[1 + h % 6] || ' ' || ($12::text[])[1 + (h / 7) % 4],
              case when s1 = s2 then array[s1] else array[s1, s2] end,
              case when t1 = t2 then array[t1] else array[t1, t2] end,
              array[($5::text[])[1 + (h / 11) % 10]],
              ($13::text[])[1 + (h / 13) % 4], 3 + h % 6, case when h % 7 = 0 then 'prize' else 'budget' end,
              (1000000 + (h % 500) * 100000)::bigint * 100, h % 3 > 0, deadline,
              case when h % 10 < 3 then 'Сведения о данных заказчика конфиденциальны три года.' end,
              $14::jsonb, status, published_at,
              case when status in ('closed','resolved','cancelled') then deadline end, 3,
              coalesce(published_at, now()) - (2 + h % 20) * interval '1 day',
              coalesce(published_at, now()) - (2 + h % 20) * interval '1 day'
         from generate_series(1, $1::int) g
         cross join lateral (select (g::bigint * 2654435761 % 2147483647)::int as h) hash
         cross join lateral (
           select case when h % 100 < 3 then 'draft' when h % 100 < 6 then 'moderation' when h % 100 < 40 then 'published'
                       when h % 100 < 53 then 'closed' when h % 100 < 92 then 'resolved' else 'cancelled' end as status,
                  ($3::text[])[1 + h % 16] as s1, ($3::text[])[1 + (h / 16) % 16] as s2,
                  ($4::text[])[1 + (h / 3) % 24] as t1, ($4::text[])[1 + (h / 5) % 24] as t2,
                  ($6::text[])[1 + g % 8] || ' ' || ($7::text[])[1 + (g / 8) % 12] || ' ' || ($8::text[])[1 + (g / 96) % 24]
                    || case when h % 3 = 0 then ' ' || ($9::text[])[1 + (h / 17) % 12] else '' end as title
         ) shape
         cross join lateral (
           select case when status in ('draft','moderation') then now() + (30 + h % 200) * interval '1 day'
                       when status = 'published' then now() + (1 + h % 330) * interval '1 day'
                       else timestamptz '2019-05-01' + (h % $10::int) * interval '1 day' end as deadline
         ) d
         cross join lateral (
           select case when status in ('draft','moderation') then null
                       else least(deadline - (30 + h % 90) * interval '1 day', now() - (1 + h % 40) * interval '1 day') end
                  as published_at
         ) p
         join bench_customers c on c.idx = g % ${customers}`,
      [
        REQUESTS,
        author,
        REQUEST_SCOPES,
        TECHNOLOGY_AREAS,
        PROBLEM_TYPES,
        SUBJECTS,
        PURPOSES,
        OBJECTS,
        CONTEXTS,
        Math.floor((Date.now() - Date.UTC(2019, 4, 1)) / 86_400_000) - 10,
        PROBLEMS,
        REQUIREMENTS,
        RESULTS,
        JSON.stringify(DEFAULT_REQUEST_CRITERIA),
      ],
    ),
  );
  await client.query(`create temp table bench_requests as
    select row_number() over (order by id) - 1 as idx, id, status from requests where status not in ('draft','moderation')`);
  const open = Number((await client.query('select count(*)::int n from bench_requests')).rows[0].n);

  // solutions spread over the public requests; the k-th solution of a request comes from the request's index + k-th
  // company, so no company answers one request twice
  const teams = Array.from({ length: 10 }, (_, i) =>
    JSON.stringify(Array.from({ length: i + 1 }, (_, j) => ({ name: `Участник ${j + 1}`, role: ROLES[j % 5] }))),
  );
  const chunk = 200_000;
  await step(`${SOLUTIONS} solutions`, async () => {
    for (let from = 0; from < SOLUTIONS; from += chunk) {
      const to = Math.min(SOLUTIONS, from + chunk) - 1;
      await client.query(
        `insert into solutions (number, request_id, organization_id, author_id, summary, description, novelty, trl, team,
           price_kopecks, pilot_plan, status, score_average, score_count, submitted_at, decided_at, created_at, updated_at)
         select 'РШ-' || (2019 + g % 8) || '-' || lpad(g::text, 7, '0'), r.id, c.id, $3::uuid,
                'Предлагаем ' || lower(($5::text[])[1 + g % 8]) || ' ' || ($6::text[])[1 + (g / 8) % 12] || ' '
                  || ($7::text[])[1 + (g / 96) % 24] || '. Внедрено у нескольких заказчиков, TRL ' || (1 + g % 9) || '.',
                'Описание решения и архитектуры.', 'Собственные алгоритмы, заявка на патент.', 1 + g % 9,
                ($4::jsonb[])[1 + g % 10], (500000 + g % 1000 * 10000)::bigint * 100, 'Пилот 8 недель.',
                st, case when st in ('shortlisted','declined','pilot','contract','not_adopted') then 40 + g % 60 end,
                case when st in ('shortlisted','declined','pilot','contract','not_adopted') then 1 else 0 end,
                case when st <> 'draft' then now() - (g % 900) * interval '1 day' end,
                case when st in ('shortlisted','declined','pilot','contract','not_adopted') then now() - (g % 800) * interval '1 day' end,
                now() - (g % 900 + 2) * interval '1 day', now() - (g % 800) * interval '1 day'
           from generate_series($1::int, $2::int) g
           join bench_requests r on r.idx = g % ${open}
           join bench_companies c on c.idx = (g % ${open} + g / ${open}) % ${companies}
           cross join lateral (
             select case when r.status = 'published' then (array['draft','submitted','submitted','shortlisted','declined','withdrawn'])[1 + g % 6]
                         when r.status = 'cancelled' then (array['declined','withdrawn'])[1 + g % 2]
                         else (array['declined','declined','declined','pilot','contract','not_adopted','withdrawn','shortlisted'])[1 + g % 8] end as st
           ) s`,
        [from, to, author, teams, SUBJECTS, PURPOSES, OBJECTS],
      );
    }
  });
  await step('vacuum analyze', () => client.query('vacuum analyze'));
  const counts = await client.query(
    `select (select count(*) from requests)::int r, (select count(*) from requests where status = 'published')::int p,
            (select count(*) from requests where status in ('closed','resolved','cancelled'))::int a,
            (select count(*) from solutions)::int s`,
  );
  await client.end();
  return counts.rows[0] as { r: number; p: number; a: number; s: number };
}

// ——— the scenarios

interface Scenario {
  name: string;
  query: Record<string, string | number>;
  /** the same question, another cache key each time: a miss on the page cache (and on the counts where q varies) */
  cold: (n: number) => Record<string, string | number>;
  coldNote: string;
}

const pairs = QUERY_WORDS.flatMap((a) => QUERY_WORDS.filter((b) => b !== a).map((b) => `${a} ${b}`));
const KINDS = [undefined, 'city', 'corporate'] as const;
/** Another page each time: size 10–100 × 31 offsets, more keys than the server's list cache holds (2 000). */
const anotherPage = (n: number, base = 0) => ({ limit: 10 + (n % 91), offset: base + (Math.floor(n / 91) % 31) });
const withKind = (query: Record<string, string | number>, n: number) => {
  const kind = KINDS[n % 3];
  return kind ? { ...query, kind } : query;
};

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
    name: 'q = «мониторинг качества воздуха»',
    query: { q: 'мониторинг качества воздуха', limit: 20 },
    cold: (n) => withKind({ q: pairs[Math.floor(n / 3) % pairs.length], limit: 20 }, n),
    coldNote: `${pairs.length * 3} inflected word pairs × kind: everything computed`,
  },
  {
    name: 'q = «прогноз пассажиропотока» + technology=ai',
    query: { q: 'прогноз пассажиропотока', technology: 'ai', limit: 20 },
    cold: (n) =>
      withKind(
        {
          q: QUERY_WORDS[Math.floor(n / 3) % QUERY_WORDS.length],
          technology: TECHNOLOGY_AREAS[Math.floor(n / (3 * QUERY_WORDS.length)) % TECHNOLOGY_AREAS.length],
          limit: 20,
        },
        n,
      ),
    coldNote: `${QUERY_WORDS.length * TECHNOLOGY_AREAS.length * 3} word × technology × kind: everything computed`,
  },
  {
    name: 'archived=true + scope=healthcare',
    query: { archived: 'true', scope: 'healthcare', limit: 20 },
    cold: (n) => ({ archived: 'true', scope: 'healthcare', ...anotherPage(n) }),
    coldNote: '2 821 page sizes × offsets: rows read, ranked ids and counts cached',
  },
  {
    name: 'no filter, offset 10 000',
    query: { limit: 20, offset: 10_000 },
    cold: (n) => ({ limit: 20, offset: 10_000 + (n % 3000) }),
    coldNote: '3 000 offsets from 10 000: ids and rows read, counts cached',
  },
];

const pathOf = (query: Record<string, string | number>) =>
  `/api/requests?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`;

/**
 * The statements the requests service runs for an uncached GET /api/requests with this query, as sent to `pg`:
 * the service itself is called over a drizzle instance that writes its queries down.
 */
async function captureStatements(url: string, query: Record<string, string | number>) {
  const listQuery = {
    ...query,
    archived: query.archived === undefined ? undefined : query.archived === 'true',
    limit: Number(query.limit ?? 20),
    offset: Number(query.offset ?? 0),
  } as RequestListQuery;
  const { statements, result: answer } = await recordStatements(url, (db) =>
    createRequestsService({ db, clock: { now: () => new Date() }, cache: noCache }).list(null, listQuery),
  );
  return { statements, total: answer.total, items: answer.items.length };
}

/** Load on this script's server with its connections. */
const load = (paths: (n: number) => string, seconds = SECONDS) =>
  loadOn(PORT, paths, { connections: CONNECTIONS, seconds });

async function main() {
  console.log(
    `Requests catalogue: ${REQUESTS} requests, ${SOLUTIONS} solutions; ${CONNECTIONS} connections, ${SECONDS} s per run\n`,
  );
  const url = await freshDatabase(DB_NAME);
  const database = await openPostgres(url, 2);
  await database.migrate();
  await database.close();
  console.log('seeding with generate_series:');
  const started = Date.now();
  const counts = await seed(url);
  console.log(
    `  ${counts.r} requests (${counts.p} published, ${counts.a} archived), ${counts.s} solutions in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
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
          /count\(\*\) filter/.test(text)
            ? 'facet counts'
            : /"organizations"\."short_name"/.test(text)
              ? 'page rows'
              : 'page ids',
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
  console.log('\nSQL via pg: the statements the service runs for one uncached list (counts, page ids, rows), in turn;');
  console.log('one req/s there = one whole list computed. The API figures include HTTP, JSON and the list cache.');
  console.log(
    `\nFull size: npx tsx scripts/bench/request-search.ts --requests 50000 --solutions 1000000 --seconds 10 --connections 20`,
  );
}

await main();
process.exit(0);
