// The public registry of cluster participants and partners: Russian full-text search with morphology,
// trigram similarity on names for typos, exact INN/OGRN, filters and facet counts.
import { and, arrayContains, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { organizations } from '../../db/schema/organizations.ts';

export interface RegistryFilter {
  q?: string;
  technology?: string;
  okvedSection?: string;
  smeCategory?: string;
  district?: string;
  stage?: string;
  kind?: string;
  sort: 'relevance' | 'name' | 'admitted';
  limit: number;
  offset: number;
}

const IDENTIFIER = /^(\d{10}|\d{12}|\d{13}|\d{15})$/;

function textMatch(q: string | undefined): { where?: SQL; rank?: SQL } {
  const query = q?.trim();
  if (!query) return {};
  if (IDENTIFIER.test(query)) {
    return { where: sql`(${organizations.inn} = ${query} or ${organizations.ogrn} = ${query})` };
  }
  const tsquery = sql`websearch_to_tsquery('russian', ${query})`;
  const fullText = sql`${organizations.searchVector} @@ ${tsquery}`;
  const rank = sql`ts_rank(${organizations.searchVector}, ${tsquery})`;
  // A single word may be a company name typed with a typo ("НейроТек"): trigram word similarity finds it in the
  // short name through the trigram index. Longer queries are phrases, served by full-text search alone, which
  // keeps the trigram scan (costly for long strings over many rows) off them.
  if (/\s/.test(query) || query.length < 3) return { where: fullText, rank };
  const lowered = query.toLowerCase();
  return {
    where: sql`(${fullText} or ${lowered} <% lower(${organizations.shortName}))`,
    rank: sql`${rank} + word_similarity(${lowered}, lower(${organizations.shortName}))`,
  };
}

type FacetName = 'technology' | 'okvedSection' | 'smeCategory' | 'district' | 'stage' | 'kind';

/** One condition per facet filter that is set. */
function facetFilters(filter: Partial<RegistryFilter>): Record<FacetName, SQL | undefined> {
  return {
    technology: filter.technology ? arrayContains(organizations.technologies, [filter.technology]) : undefined,
    okvedSection: filter.okvedSection ? eq(organizations.okvedSection, filter.okvedSection) : undefined,
    smeCategory: filter.smeCategory ? eq(organizations.smeCategory, filter.smeCategory as 'micro') : undefined,
    district: filter.district ? eq(organizations.district, filter.district) : undefined,
    stage: filter.stage ? eq(organizations.startupStage, filter.stage as 'idea') : undefined,
    kind: filter.kind ? eq(organizations.membershipKind, filter.kind as 'participant') : undefined,
  };
}

const listed = eq(organizations.membershipStatus, 'participant');

function conditions(filter: RegistryFilter, text: SQL | undefined) {
  return and(listed, text, ...Object.values(facetFilters(filter)));
}

/** The page query, not yet run (benchmarks render it with toSQL). */
export function registryPageQuery(db: DbOrTx, filter: RegistryFilter) {
  const text = textMatch(filter.q);
  const where = conditions(filter, text.where);
  const order =
    filter.sort === 'admitted'
      ? sql`${organizations.admittedAt} desc nulls last, ${organizations.id}`
      : filter.sort === 'relevance' && text.rank
        ? sql`${text.rank} desc, ${organizations.shortName}, ${organizations.id}`
        : sql`${organizations.shortName}, ${organizations.id}`;
  return db
    .select({
      id: organizations.id,
      shortName: organizations.shortName,
      fullName: organizations.fullName,
      inn: organizations.inn,
      ogrn: organizations.ogrn,
      regionCode: organizations.regionCode,
      district: organizations.district,
      okvedMain: organizations.okvedMain,
      okvedSection: organizations.okvedSection,
      smeCategory: organizations.smeCategory,
      technologies: organizations.technologies,
      isStartup: organizations.isStartup,
      startupStage: organizations.startupStage,
      membershipKind: organizations.membershipKind,
      registryNumber: organizations.registryNumber,
      description: sql<string>`left(${organizations.description}, 300)`,
    })
    .from(organizations)
    .where(where)
    .orderBy(order)
    .limit(filter.limit)
    .offset(filter.offset);
}

export async function findRegistryPage(db: DbOrTx, filter: RegistryFilter) {
  return registryPageQuery(db, filter);
}

export interface FacetRow {
  facet: string;
  value: string | null;
  n: number;
}

/**
 * Counts of every value of every facet, and the total (facet 'total'), in one scan. Each facet's counts apply
 * every filter but its own, so a person can switch from one district to another without clearing the filter.
 */
export async function countRegistryFacets(db: DbOrTx, filter: Omit<RegistryFilter, 'sort' | 'limit' | 'offset'>) {
  const filters = facetFilters(filter);
  const allBut = (facet?: FacetName) =>
    and(
      sql`true`,
      ...Object.entries(filters)
        .filter(([name]) => name !== facet)
        .map(([, condition]) => condition),
    )!;
  const result = await db.execute(sql`
    with matched as materialized (
      select okved_section, sme_category, district, startup_stage, membership_kind, technologies,
             ${allBut()} as in_all,
             ${allBut('okvedSection')} as in_okved_section,
             ${allBut('smeCategory')} as in_sme_category,
             ${allBut('district')} as in_district,
             ${allBut('stage')} as in_stage,
             ${allBut('kind')} as in_kind,
             ${allBut('technology')} as in_technology
        from ${organizations}
       where ${and(listed, textMatch(filter.q).where)}
    )
    select facet, value, n from (
      select case
               when grouping(okved_section) = 0 then 'okvedSection'
               when grouping(sme_category) = 0 then 'smeCategory'
               when grouping(district) = 0 then 'district'
               when grouping(startup_stage) = 0 then 'stage'
               when grouping(membership_kind) = 0 then 'kind'
               else 'total' end as facet,
             coalesce(okved_section, sme_category, district, startup_stage, membership_kind) as value,
             case
               when grouping(okved_section) = 0 then count(*) filter (where in_okved_section)
               when grouping(sme_category) = 0 then count(*) filter (where in_sme_category)
               when grouping(district) = 0 then count(*) filter (where in_district)
               when grouping(startup_stage) = 0 then count(*) filter (where in_stage)
               when grouping(membership_kind) = 0 then count(*) filter (where in_kind)
               else count(*) filter (where in_all) end::int as n
        from matched
       group by grouping sets ((okved_section), (sme_category), (district), (startup_stage), (membership_kind), ())
      union all
      select 'technology', t, (count(*) filter (where in_technology))::int
        from matched, unnest(matched.technologies) as t
       group by t
    ) counted
    where n > 0 or facet = 'total'`);
  return (result as unknown as { rows: FacetRow[] }).rows;
}
