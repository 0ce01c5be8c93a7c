import { and, asc, count, eq, gt, lte, not, or, type SQL, sql } from 'drizzle-orm';
import type { MeasureKind, MeasureStatus } from '../../../shared/measures.ts';
import type { DbOrTx } from '../../db/client.ts';
import { measures } from '../../db/schema/measures.ts';

export type MeasureRow = typeof measures.$inferSelect;
export type NewMeasure = typeof measures.$inferInsert;

export interface MeasureFilter {
  statuses: MeasureStatus[];
  kind?: MeasureKind;
  q?: string;
  open?: boolean;
  now: Date;
}

/** Inserts, or answers undefined when the code is taken. */
export async function insertMeasure(db: DbOrTx, values: NewMeasure): Promise<MeasureRow | undefined> {
  const [row] = await db.insert(measures).values(values).onConflictDoNothing({ target: measures.code }).returning();
  return row;
}

export async function findMeasure(db: DbOrTx, id: string): Promise<MeasureRow | undefined> {
  const [row] = await db.select().from(measures).where(eq(measures.id, id));
  return row;
}

export async function findMeasureForUpdate(db: DbOrTx, id: string): Promise<MeasureRow | undefined> {
  const [row] = await db.select().from(measures).where(eq(measures.id, id)).for('update');
  return row;
}

export async function findMeasureIdByCode(db: DbOrTx, code: string): Promise<string | undefined> {
  const [row] = await db.select({ id: measures.id }).from(measures).where(eq(measures.code, code));
  return row?.id;
}

/** Applies a patch only if nobody changed the row since `version`; answers the new row or undefined. */
export async function updateMeasure(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<NewMeasure>,
  now: Date,
): Promise<MeasureRow | undefined> {
  const [row] = await db
    .update(measures)
    .set({ ...patch, version: sql`${measures.version} + 1`, updatedAt: now })
    .where(and(eq(measures.id, id), eq(measures.version, version)))
    .returning();
  return row;
}

export async function setMeasureStatus(
  db: DbOrTx,
  input: { id: string; from: MeasureStatus; to: MeasureStatus; version?: number; at: Date },
): Promise<MeasureRow | undefined> {
  const [row] = await db
    .update(measures)
    .set({ status: input.to, version: sql`${measures.version} + 1`, updatedAt: input.at })
    .where(
      and(
        eq(measures.id, input.id),
        eq(measures.status, input.from),
        input.version === undefined ? undefined : eq(measures.version, input.version),
      ),
    )
    .returning();
  return row;
}

/**
 * websearch_to_tsquery with every lexeme made a prefix, so a word finds its derivatives the Russian stemmer keeps
 * apart: «патент» finds «патентование» (stem «патентован»).
 */
const searchQuery = (q: string) =>
  sql`regexp_replace(websearch_to_tsquery('russian', ${q})::text, '''((?:[^'']|'''')+)''', '''\\1'':*', 'g')::tsquery`;

const openAt = (now: Date) => and(lte(measures.opensAt, now), gt(measures.closesAt, now));

function conditions(filter: MeasureFilter): SQL | undefined {
  return and(
    or(...filter.statuses.map((s) => eq(measures.status, s))),
    filter.kind ? eq(measures.kind, filter.kind) : undefined,
    filter.q?.trim() ? sql`${measures.searchVector} @@ ${searchQuery(filter.q.trim())}` : undefined,
    filter.open === undefined ? undefined : filter.open ? openAt(filter.now) : not(openAt(filter.now)!),
  );
}

/** Measures in catalogue order: best text match first when searching, open ones, then the nearest deadline. */
export async function listMeasures(db: DbOrTx, filter: MeasureFilter, page?: { limit: number; offset: number }) {
  const where = conditions(filter);
  const now = filter.now.toISOString();
  const q = filter.q?.trim();
  const rank = q ? sql`ts_rank(${measures.searchVector}, ${searchQuery(q)}) desc,` : sql``;
  const query = db
    .select()
    .from(measures)
    .where(where)
    .orderBy(
      sql`${rank} (${measures.opensAt} <= ${now}::timestamptz and ${measures.closesAt} > ${now}::timestamptz) desc, ${measures.closesAt} asc, ${measures.title}, ${measures.id}`,
    );
  const items = page ? await query.limit(page.limit).offset(page.offset) : await query;
  const [{ total }] = await db.select({ total: count() }).from(measures).where(where);
  return { items, total };
}

/** One page of measures in code order after `afterCode` (keyset paging, for exports). */
export async function listMeasuresPage(
  db: DbOrTx,
  filter: { statuses?: MeasureStatus[]; kind?: MeasureKind },
  afterCode: string | null,
  limit: number,
) {
  return db
    .select()
    .from(measures)
    .where(
      and(
        filter.statuses?.length ? or(...filter.statuses.map((s) => eq(measures.status, s))) : undefined,
        filter.kind ? eq(measures.kind, filter.kind) : undefined,
        afterCode === null ? undefined : gt(measures.code, afterCode),
      ),
    )
    .orderBy(asc(measures.code))
    .limit(limit);
}
