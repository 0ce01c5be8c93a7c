import type { Db } from '../../db/client.ts';
import { type Actor, requireOperator } from '../../http/actor.ts';
import { listAudit } from './audit.repository.ts';

export function createAuditService(deps: { db: Db }) {
  return {
    async list(actor: Actor | null, filter: { entity?: string; entityId?: string; limit: number; offset: number }) {
      requireOperator(actor);
      const rows = await listAudit(deps.db, filter);
      return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
