import { createHash } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, isOperator, mayActFor, requireUser } from '../../http/actor.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { orgRoleOf } from '../organizations/org-role.ts';
import { checkFile, HEAD_BYTES } from './file-types.ts';
import * as repo from './files.repository.ts';
import { MAX_FILE_BYTES } from './files.schemas.ts';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createFilesService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  return {
    /** Stores a file for an organization the uploader belongs to, once its name, declared type and bytes agree. */
    async upload(
      actor: Actor | null,
      input: { organizationId?: string; fileName?: string; declaredType?: string; content?: Buffer },
      requestId?: string,
    ) {
      const user = requireUser(actor);
      if (!input.organizationId || !UUID_PATTERN.test(input.organizationId)) {
        throw new AppError(
          'file.organization_required',
          'invalid',
          {},
          { organizationId: 'file.organization_required' },
        );
      }
      const orgRole = await orgRoleOf(db, user, input.organizationId);
      if (!orgRole && !isOperator(user)) throw notFound('organization.not_found');
      const { content } = input;
      if (!content || input.fileName === undefined)
        throw new AppError('file.missing', 'invalid', {}, { file: 'file.missing' });
      if (!content.length) throw new AppError('file.empty', 'invalid', {}, { file: 'file.empty' });
      if (content.length > MAX_FILE_BYTES) throw new AppError('file.too_large', 'too_large');
      const checked = checkFile({
        fileName: input.fileName,
        declaredType: input.declaredType ?? '',
        head: content.subarray(0, HEAD_BYTES),
      });
      if (!checked.ok) {
        throw new AppError(
          'file.type_not_allowed',
          'invalid',
          { reason: checked.reason },
          { file: 'file.type_not_allowed' },
        );
      }
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await repo.insertFile(tx, {
          organizationId: input.organizationId,
          uploadedBy: user.userId,
          fileName: input.fileName!.slice(0, 255),
          contentType: checked.contentType,
          sizeBytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          createdAt: now,
        });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'file.uploaded',
          entity: 'file',
          entityId: row.id,
          after: {
            fileName: row.fileName,
            contentType: row.contentType,
            sizeBytes: row.sizeBytes,
            organizationId: input.organizationId,
          },
          requestId,
          at: now,
        });
        return row;
      });
    },

    /**
     * The file for the uploader's organization members, the operator, and experts who declared no conflict on
     * an application it is attached to. Everyone else gets 404, as if it did not exist.
     */
    async download(actor: Actor | null, id: string) {
      const user = requireUser(actor);
      const file = await repo.findFile(db, id);
      if (!file) throw notFound('file.not_found');
      const allowed =
        isOperator(user) ||
        (file.uploadedBy === user.userId && (file.organizationId === null || mayActFor(user, file.organizationId))) ||
        (file.organizationId !== null && (await orgRoleOf(db, user, file.organizationId)) !== undefined) ||
        (await repo.isAttachedToDeclaredReview(db, id, user.userId));
      if (!allowed) throw notFound('file.not_found');
      return { fileName: file.fileName, contentType: file.contentType, content: file.content };
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
