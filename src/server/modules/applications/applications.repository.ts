import { and, eq, sql } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../shared/measures.ts';
import type { DbOrTx } from '../../db/client.ts';
import { applicationEvents, applications } from '../../db/schema/applications.ts';

export type ApplicationRow = typeof applications.$inferSelect;

export async function findApplication(db: DbOrTx, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

/**
 * Moves an application from one status to the next only if it is still in `from` (and at `version` when
 * given): of two people acting at once, exactly one gets the row back. Writes the timeline entry too.
 */
export async function transitionApplication(
  db: DbOrTx,
  change: {
    id: string;
    from: ApplicationStatus;
    to: ApplicationStatus;
    version?: number;
    actorId: string | null;
    comment?: string | null;
    at: Date;
    set?: Partial<typeof applications.$inferInsert>;
  },
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(applications)
    .set({
      ...change.set,
      status: change.to,
      ...(change.comment !== undefined ? { lastComment: change.comment } : {}),
      version: sql`${applications.version} + 1`,
      updatedAt: change.at,
    })
    .where(
      and(
        eq(applications.id, change.id),
        eq(applications.status, change.from),
        change.version !== undefined ? eq(applications.version, change.version) : undefined,
      ),
    )
    .returning();
  if (row) {
    await db.insert(applicationEvents).values({
      applicationId: row.id,
      status: change.to,
      comment: change.comment ?? null,
      actorId: change.actorId,
      at: change.at,
    });
  }
  return row;
}
