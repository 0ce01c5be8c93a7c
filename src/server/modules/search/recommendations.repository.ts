// What to suggest to whom, worked out in SQL over the whole table with the reasons alongside: the technology areas
// two records share, the words of an organization's description found in a request (lexemes the Russian text
// search keeps, so word forms agree), what an organization answered before. Hidden suggestions never come back.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { applications } from '../../db/schema/applications.ts';
import { organizations } from '../../db/schema/organizations.ts';
import { hiddenRecommendations } from '../../db/schema/recommendations.ts';
import { requests } from '../../db/schema/requests.ts';
import { solutions } from '../../db/schema/solutions.ts';

export const RECOMMENDATION_KINDS = ['requests', 'organizations', 'measures', 'startups', 'investors'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** Words of a description shown as a reason: a few are enough to say why. */
const WORDS_SHOWN = 5;

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The lexemes of an organization's description (and name when it has none), as a `simple` OR-query of them. */
const organizationWords = (organizationId: string) => sql`
  (select coalesce(array_agg(word), '{}') from unnest(tsvector_to_array(to_tsvector('russian',
     coalesce(nullif(o.description, ''), o.short_name)))) word) as words
    from ${organizations} o where o.id = ${organizationId}`;

const orQuery = (words: ReturnType<typeof sql>) =>
  sql`to_tsquery('simple', coalesce(nullif(array_to_string(array(select quote_literal(w) from unnest(${words}) w), ' | '), ''), 'ничего'))`;

export interface RequestSuggestion {
  id: string;
  number: string;
  title: string;
  deadline: Date;
  sharedTechnologies: string[];
  pastTechnologies: string[];
  words: string[];
  score: number;
}

/**
 * Published requests still taking answers that an organization might answer: sharing its technology areas, those of
 * requests it answered before, or words of its description; not its own, not those it answered, not hidden.
 */
export async function suggestRequests(
  db: DbOrTx,
  input: { organizationId: string; userId: string; now: Date; limit: number },
): Promise<RequestSuggestion[]> {
  const result = await db.execute(sql`
    with org as (select technologies from ${organizations} where id = ${input.organizationId}),
    lex as (select ${organizationWords(input.organizationId)}),
    past as (
      select coalesce(array_agg(distinct t), '{}') as technologies
        from ${solutions} s join ${requests} r on r.id = s.request_id, unnest(r.technologies) t
       where s.organization_id = ${input.organizationId} and s.status <> 'draft'
    ),
    candidates as (
      select r.id, r.number, r.title, r.deadline,
             array(select unnest(r.technologies) intersect select unnest(org.technologies)) as shared,
             array(select unnest(r.technologies) intersect select unnest(past.technologies)) as past_shared,
             array(select unnest(tsvector_to_array(r.search_vector)) intersect select unnest(lex.words)) as words
        from ${requests} r, org, past, lex
       where r.status = 'published' and r.deadline > ${input.now}
         and r.organization_id <> ${input.organizationId}
         and (r.technologies && org.technologies or r.technologies && past.technologies
              or r.search_vector @@ ${orQuery(sql`lex.words`)})
         and not exists (select 1 from ${solutions} s
                          where s.request_id = r.id and s.organization_id = ${input.organizationId}
                            and s.status <> 'withdrawn')
         and not exists (select 1 from ${hiddenRecommendations} h
                          where h.user_id = ${input.userId} and h.kind = 'requests'
                            and h.subject_id = ${input.organizationId} and h.target_id = r.id)
    )
    select id, number, title, deadline, shared, past_shared, words,
           (cardinality(shared) * 3 + cardinality(past_shared) + least(cardinality(words), ${WORDS_SHOWN}) * 0.5)::float8 as score
      from candidates
     order by score desc, deadline, id
     limit ${input.limit}`);
  return rows<{
    id: string;
    number: string;
    title: string;
    deadline: string | Date;
    shared: string[];
    past_shared: string[];
    words: string[];
    score: number;
  }>(result).map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    deadline: new Date(r.deadline),
    sharedTechnologies: r.shared,
    pastTechnologies: r.past_shared,
    words: r.words.slice(0, WORDS_SHOWN),
    score: Number(r.score),
  }));
}

export interface OrganizationSuggestion {
  id: string;
  shortName: string;
  district: string | null;
  sharedTechnologies: string[];
  solutionsInArea: number;
  words: string[];
  score: number;
}

/** How many organizations pass the first cut (shared technology areas) before their texts are compared. */
const ORGANIZATION_SHORTLIST = 200;

/**
 * Cluster participants that could answer a request: sharing its technology areas (the GIN index finds them; the
 * 200 sharing most go on), then ranked with the words of their descriptions found in the request and how many
 * solutions they submitted to requests in those areas. Not the customer, not those that answered, not hidden.
 */
export async function suggestOrganizations(
  db: DbOrTx,
  input: { requestId: string; userId: string; limit: number },
): Promise<OrganizationSuggestion[]> {
  const result = await db.execute(sql`
    with req as (select id, organization_id, technologies, search_vector from ${requests} where id = ${input.requestId}),
    shortlist as (
      select o.id, o.short_name, o.district, o.description,
             array(select unnest(o.technologies) intersect select unnest(req.technologies)) as shared
        from ${organizations} o, req
       where o.membership_status = 'participant' and o.technologies && req.technologies
         and o.id <> req.organization_id
         and not exists (select 1 from ${solutions} s where s.request_id = req.id and s.organization_id = o.id
                           and s.status <> 'withdrawn')
         and not exists (select 1 from ${hiddenRecommendations} h
                          where h.user_id = ${input.userId} and h.kind = 'organizations'
                            and h.subject_id = req.id and h.target_id = o.id)
       order by cardinality(array(select unnest(o.technologies) intersect select unnest(req.technologies))) desc, o.id
       limit ${ORGANIZATION_SHORTLIST}
    ),
    ranked as (
      select sl.id, sl.short_name, sl.district, sl.shared,
             array(select unnest(tsvector_to_array(to_tsvector('russian', coalesce(sl.description, ''))))
                   intersect select unnest(tsvector_to_array(req.search_vector))) as words,
             (select count(*)::int from ${solutions} s join ${requests} r on r.id = s.request_id
               where s.organization_id = sl.id and s.status <> 'draft' and r.technologies && req.technologies) as experience
        from shortlist sl, req
    )
    select id, short_name, district, shared, words, experience,
           (cardinality(shared) * 3 + least(experience, 5) + least(cardinality(words), ${WORDS_SHOWN}) * 0.5)::float8 as score
      from ranked
     order by score desc, short_name, id
     limit ${input.limit}`);
  return rows<{
    id: string;
    short_name: string;
    district: string | null;
    shared: string[];
    words: string[];
    experience: number;
    score: number;
  }>(result).map((r) => ({
    id: r.id,
    shortName: r.short_name,
    district: r.district,
    sharedTechnologies: r.shared,
    solutionsInArea: Number(r.experience),
    words: r.words.slice(0, WORDS_SHOWN),
    score: Number(r.score),
  }));
}

/** The measures an organization has an application to (other than a withdrawn one). */
export async function listAppliedMeasureIds(db: DbOrTx, organizationId: string): Promise<Set<string>> {
  const found = await db
    .selectDistinct({ id: applications.measureId })
    .from(applications)
    .where(and(eq(applications.organizationId, organizationId), sql`${applications.status} <> 'withdrawn'`));
  return new Set(found.map((r) => r.id));
}

/** What the person hid of one kind for one subject. */
export async function listHiddenTargets(
  db: DbOrTx,
  userId: string,
  kind: RecommendationKind,
  subjectId: string,
): Promise<Set<string>> {
  const found = await db
    .select({ id: hiddenRecommendations.targetId })
    .from(hiddenRecommendations)
    .where(
      and(
        eq(hiddenRecommendations.userId, userId),
        eq(hiddenRecommendations.kind, kind),
        eq(hiddenRecommendations.subjectId, subjectId),
      ),
    );
  return new Set(found.map((r) => r.id));
}

export async function hide(
  db: DbOrTx,
  row: { userId: string; kind: RecommendationKind; subjectId: string; targetId: string; at: Date },
) {
  await db
    .insert(hiddenRecommendations)
    .values({ userId: row.userId, kind: row.kind, subjectId: row.subjectId, targetId: row.targetId, hiddenAt: row.at })
    .onConflictDoNothing();
}

/** Brings back everything the person hid of one kind for one subject; answers how many. */
export async function unhideAll(db: DbOrTx, userId: string, kind: RecommendationKind, subjectId: string) {
  const removed = await db
    .delete(hiddenRecommendations)
    .where(
      and(
        eq(hiddenRecommendations.userId, userId),
        eq(hiddenRecommendations.kind, kind),
        eq(hiddenRecommendations.subjectId, subjectId),
      ),
    )
    .returning({ id: hiddenRecommendations.targetId });
  return removed.length;
}

/** The user's role in the organization; undefined when not a member. */

/** The customer of a request and whether anyone may see it (a published one) — for the access check. */
export async function findRequestOwner(db: DbOrTx, requestId: string) {
  const [row] = await db
    .select({ organizationId: requests.organizationId, status: requests.status })
    .from(requests)
    .where(eq(requests.id, requestId));
  return row;
}
