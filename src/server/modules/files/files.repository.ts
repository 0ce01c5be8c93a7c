import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { applicationDocuments, experts, reviews } from '../../db/schema/applications.ts';
import { files } from '../../db/schema/files.ts';

export type FileRow = typeof files.$inferSelect;

export async function insertFile(db: DbOrTx, values: typeof files.$inferInsert) {
  const [row] = await db
    .insert(files)
    .values(values)
    .returning({ id: files.id, fileName: files.fileName, contentType: files.contentType, sizeBytes: files.sizeBytes });
  return row;
}

export async function findFile(db: DbOrTx, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

/** The user is an expert who declared no conflict on an application this file is attached to. */
export async function isAttachedToDeclaredReview(db: DbOrTx, fileId: string, userId: string) {
  const [row] = await db
    .select({ fileId: applicationDocuments.fileId })
    .from(applicationDocuments)
    .innerJoin(reviews, eq(reviews.applicationId, applicationDocuments.applicationId))
    .innerJoin(experts, eq(experts.id, reviews.expertId))
    .where(
      and(
        eq(applicationDocuments.fileId, fileId),
        eq(experts.userId, userId),
        inArray(reviews.status, ['declared', 'submitted']),
      ),
    )
    .limit(1);
  return row !== undefined;
}
