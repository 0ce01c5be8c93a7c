// The one search box: every kind of record a person may read, searched in Russian (full text with morphology, the
// last word as a prefix while typing), names with typos through trigram similarity, INN/OGRN and record numbers
// exactly. Each kind takes at most 201 matches, ranks them and answers the best page and how many there are ("more
// than 200" is all a search box needs to say; the registry, catalogue and showcase count exactly). A precise question
// (a name, a rare word) has fewer matches than that and is ranked whole; a broad one ("системы") is ranked within the
// first 201 the index gives — ranking every one of 100 000 matches costs seconds and orders what nobody reads. Visibility is part of each query's WHERE.
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { applications } from '../../db/schema/applications.ts';
import { investorProfiles } from '../../db/schema/investments.ts';
import { measures } from '../../db/schema/measures.ts';
import { organizations } from '../../db/schema/organizations.ts';
import { projectPartners, projects } from '../../db/schema/projects.ts';
import { requests } from '../../db/schema/requests.ts';
import { solutions } from '../../db/schema/solutions.ts';

export const SEARCH_TYPES = [
  'organizations',
  'requests',
  'measures',
  'projects',
  'investors',
  'applications',
  'solutions',
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Counting stops here: the answer says "more than" beyond it. */
export const COUNT_CAP = 200;

/** What the parsed question looks for. */
export interface SearchQuestion {
  /** the text as typed, trimmed */
  text: string;
  /** the tsquery text for to_tsquery('russian', …): every word, the last one as a prefix; null when no word */
  prefixQuery: string | null;
  /** 10/12/13/15 digits: an INN or OGRN */
  identifier: string | null;
  /** ЗП-2026-000123 and the like: a record number */
  recordNumber: string | null;
  /** one word of 3+ letters: may be a name typed with a typo */
  nameWord: string | null;
}

/** Who asks: the organizations they act for and whether they are the operator. */
export interface SearchViewer {
  organizationIds: string[];
  operator: boolean;
}

export interface SearchHit {
  id: string;
  title: string;
  /** the title with ⟦matches⟧ marked */
  titleMarked: string;
  /** a fragment of the text with ⟦matches⟧ marked; '' when the text has none */
  snippetMarked: string;
  subtitle: string | null;
  status: string | null;
}

export interface SearchGroupAnswer {
  total: number;
  items: SearchHit[];
}

const IDENTIFIER = /^(\d{10}|\d{12}|\d{13}|\d{15})$/;
const RECORD_NUMBER = /^[А-ЯЁA-Z]{2}-\d{4}-\d{1,6}$/i;

/** Splits what was typed into what each kind of matching needs; pure. */
export function parseQuestion(input: string): SearchQuestion {
  const text = input.trim().replace(/\s+/g, ' ');
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const prefixQuery = words.length
    ? words.map((w, i) => (i === words.length - 1 && w.length >= 3 ? `${w}:*` : w)).join(' & ')
    : null;
  return {
    text,
    prefixQuery,
    identifier: IDENTIFIER.test(text) ? text : null,
    recordNumber: RECORD_NUMBER.test(text) ? text.toUpperCase() : null,
    nameWord: words.length === 1 && words[0].length >= 3 && !/^\d+$/.test(words[0]) ? words[0].toLowerCase() : null,
  };
}

const MARK_OPTIONS = 'StartSel=⟦, StopSel=⟧, HighlightAll=true';
const SNIPPET_OPTIONS = 'StartSel=⟦, StopSel=⟧, MaxWords=24, MinWords=10, MaxFragments=1, FragmentDelimiter=" … "';

/**
 * The question as a tsquery: the words as typed (websearch syntax: quotes, OR, minus) or every word with the last as a
 * prefix, so "беспилот" finds "беспилотник" before the word is finished.
 */
function tsquery(q: SearchQuestion): SQL {
  const typed = sql`websearch_to_tsquery('russian', ${q.text})`;
  return q.prefixQuery ? sql`(${typed} || to_tsquery('russian', ${q.prefixQuery}))` : typed;
}

interface Kind {
  /** FROM with joins */
  from: SQL;
  visible: SQL;
  /** the text search vector, or an expression making one */
  vector: SQL;
  /** the name searched for typos (lower-cased in SQL): organizations' names — titles of records are found by words */
  name?: SQL;
  /** the column matched exactly by a record number */
  number?: SQL;
  /** INN/OGRN columns matched exactly */
  identifiers?: SQL[];
  id: SQL;
  title: SQL;
  /** the text the snippet is cut from (public text only) */
  body: SQL;
  subtitle: SQL;
  status: SQL;
  /** records for which this holds come first, before relevance (open measures before archived ones) */
  preference?: SQL;
}

const anyOf = (ids: string[]) => sql`any(${`{${ids.join(',')}}`}::uuid[])`;

function kinds(viewer: SearchViewer): Record<SearchType, Kind> {
  const mine = viewer.organizationIds.length ? anyOf(viewer.organizationIds) : null;
  const own = (column: SQL) => (mine ? sql`${column} = ${mine}` : sql`false`);
  const all = sql`true`;
  return {
    organizations: {
      from: sql`${organizations}`,
      // the public registry (participants and partners in good standing), and one's own organizations
      visible: viewer.operator
        ? all
        : sql`(${organizations.membershipStatus} = 'participant' or ${own(sql`${organizations.id}`)})`,
      vector: sql`${organizations.searchVector}`,
      name: sql`lower(${organizations.shortName})`,
      identifiers: [sql`${organizations.inn}`, sql`${organizations.ogrn}`],
      id: sql`${organizations.id}`,
      title: sql`${organizations.shortName}`,
      body: sql`left(${organizations.description}, 2000)`,
      // the INN, then the registry number; the page names them in the reader's language
      subtitle: sql`${organizations.inn} || coalesce(' · ' || ${organizations.registryNumber}, '')`,
      status: sql`${organizations.membershipStatus}`,
    },
    requests: {
      from: sql`${requests}`,
      // published ones are everyone's (a cancelled one only if it was ever published); the rest the customer's and
      // the operator's. The search vector never holds text behind an NDA.
      visible: viewer.operator
        ? all
        : sql`(${requests.status} in ('published', 'closed', 'resolved') or (${requests.status} = 'cancelled' and ${requests.publishedAt} is not null) or ${own(sql`${requests.organizationId}`)})`,
      vector: sql`${requests.searchVector}`,
      number: sql`${requests.number}`,
      id: sql`${requests.id}`,
      title: sql`${requests.title}`,
      body: sql`${requests.brief}`,
      subtitle: sql`${requests.number}`,
      status: sql`${requests.status}`,
      preference: sql`${requests.status} = 'published'`,
    },
    measures: {
      from: sql`${measures}`,
      visible: viewer.operator ? all : sql`${measures.status} in ('published', 'closed', 'archived')`,
      vector: sql`${measures.searchVector}`,
      id: sql`${measures.id}`,
      title: sql`${measures.title}`,
      body: sql`left(${measures.description}, 2000)`,
      subtitle: sql`${measures.code}`,
      status: sql`${measures.status}`,
      preference: sql`${measures.status} = 'published'`,
    },
    projects: {
      from: sql`${projects}`,
      // the showcase (implemented) for everyone; the rest for the lead, its partners and the operator
      visible: viewer.operator
        ? all
        : mine
          ? sql`(${projects.status} = 'implemented' or ${projects.leadOrganizationId} = ${mine} or exists (select 1 from ${projectPartners} where ${projectPartners.projectId} = ${projects.id} and ${projectPartners.organizationId} = ${mine}))`
          : sql`${projects.status} = 'implemented'`,
      vector: sql`${projects.searchVector}`,
      number: sql`${projects.number}`,
      id: sql`${projects.id}`,
      title: sql`${projects.title}`,
      body: sql`left(${projects.description}, 2000)`,
      subtitle: sql`${projects.number}`,
      status: sql`${projects.status}`,
    },
    investors: {
      from: sql`${investorProfiles} join ${organizations} on ${organizations.id} = ${investorProfiles.organizationId}`,
      visible: viewer.operator
        ? all
        : sql`(${investorProfiles.public} or ${own(sql`${investorProfiles.organizationId}`)})`,
      vector: sql`(${organizations.searchVector} || to_tsvector('russian', ${investorProfiles.description}))`,
      name: sql`lower(${organizations.shortName})`,
      id: sql`${organizations.id}`,
      title: sql`${organizations.shortName}`,
      body: sql`left(${investorProfiles.description}, 2000)`,
      subtitle: sql`${investorProfiles.type}`,
      status: sql`null::text`,
    },
    // one's own files only: drafts and decisions of other organizations are nobody else's business
    applications: {
      from: sql`${applications} join ${measures} on ${measures.id} = ${applications.measureId}`,
      visible: own(sql`${applications.organizationId}`),
      vector: sql`to_tsvector('russian', coalesce(${applications.answers} ->> 'project_title', '') || ' ' || ${measures.title})`,
      number: sql`${applications.number}`,
      id: sql`${applications.id}`,
      title: sql`coalesce(nullif(${applications.answers} ->> 'project_title', ''), ${measures.title})`,
      body: sql`${measures.title}`,
      subtitle: sql`${applications.number}`,
      status: sql`${applications.status}`,
    },
    solutions: {
      from: sql`${solutions} join ${requests} on ${requests.id} = ${solutions.requestId}`,
      visible: own(sql`${solutions.organizationId}`),
      vector: sql`to_tsvector('russian', ${solutions.summary} || ' ' || ${requests.title})`,
      number: sql`${solutions.number}`,
      id: sql`${solutions.id}`,
      title: sql`${requests.title}`,
      body: sql`left(${solutions.summary}, 2000)`,
      subtitle: sql`${solutions.number}`,
      status: sql`${solutions.status}`,
    },
  };
}

/**
 * The ways a kind matches a question (each served by its own index: full text by the GIN over the search vector, a
 * name with a typo by the trigram index) and the relevance; null when the question cannot match this kind. The ways
 * are queried apart and united: one OR over both makes the planner scan the whole table, computing trigram
 * similarity on every row.
 */
function matching(kind: Kind, q: SearchQuestion): { ways: SQL[]; rank: SQL } | null {
  if (q.identifier) {
    if (!kind.identifiers) return null;
    return { ways: kind.identifiers.map((c) => sql`${c} = ${q.identifier}`), rank: sql`1` };
  }
  if (q.recordNumber) {
    if (!kind.number) return null;
    return { ways: [sql`${kind.number} = ${q.recordNumber}`], rank: sql`1` };
  }
  const query = tsquery(q);
  const fullText = sql`${kind.vector} @@ ${query}`;
  const rank = sql`ts_rank(${kind.vector}, ${query})`;
  if (!kind.name || !q.nameWord) return { ways: [fullText], rank };
  return {
    ways: [fullText, sql`${q.nameWord} <% ${kind.name}`],
    rank: sql`(${rank} + word_similarity(${q.nameWord}, ${kind.name}))`,
  };
}

/** One kind's best page and its (capped) count, in one round trip. */
export async function searchKind(
  db: DbOrTx,
  type: SearchType,
  q: SearchQuestion,
  viewer: SearchViewer,
  page: { limit: number; offset: number },
): Promise<SearchGroupAnswer> {
  const kind = kinds(viewer)[type];
  const match = matching(kind, q);
  if (!match) return { total: 0, items: [] };
  // exact lookups mark the digits they matched, if the title shows them
  const query = q.identifier || q.recordNumber ? sql`plainto_tsquery('russian', ${q.text})` : tsquery(q);
  // A word that is merely common (a few hundred matches among 100 000 rows) makes the planner expect the 201
  // matches early in a plain scan of the table and read it whole, testing every row (80 ms where the text index
  // finds them in 10): the indexes are made the only way in.
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return tx.execute(sql`
    with candidates as materialized (
      select id, preferred, rank from (${sql.join(
        match.ways.map(
          (way) => sql`(select ${kind.id} as id, ${kind.preference ?? sql`true`} as preferred, ${match.rank} as rank
                           from ${kind.from} where ${kind.visible} and ${way} limit ${COUNT_CAP + 1})`,
        ),
        sql` union `,
      )}) united
       limit ${COUNT_CAP + 1}
    ),
    page as (
      select id, preferred, rank from candidates order by preferred desc, rank desc, id
       limit ${page.limit} offset ${page.offset}
    ),
    found as (
      select page.id, page.preferred, page.rank, ${kind.title} as title, ${kind.body} as body,
             ${kind.subtitle} as subtitle, ${kind.status} as status
        from ${kind.from} join page on page.id = ${kind.id}
    )
    select found.id, found.title, found.subtitle, found.status,
           ts_headline('russian', found.title, ${query}, ${MARK_OPTIONS}) as title_marked,
           case when found.body is null or found.body = '' then ''
                else ts_headline('russian', found.body, ${query}, ${SNIPPET_OPTIONS}) end as snippet_marked,
           (select count(*)::int from candidates) as total
      from (select 1) one left join found on true
     order by found.preferred desc, found.rank desc, found.id`);
  });
  const rows = (
    result as unknown as {
      rows: Array<{
        id: string | null;
        title: string;
        subtitle: string | null;
        status: string | null;
        title_marked: string;
        snippet_marked: string;
        total: number;
      }>;
    }
  ).rows;
  const total = Number(rows[0]?.total ?? 0);
  return {
    total,
    items: rows
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: r.id!,
        title: r.title,
        titleMarked: r.title_marked,
        snippetMarked: r.snippet_marked?.includes('⟦') ? r.snippet_marked : '',
        subtitle: r.subtitle,
        status: r.status,
      })),
  };
}
