import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-instance.ts';
import { DateTime, PageQuery, SingleLine, Strict } from '../../http/schema-helpers.ts';
import type { AuditService } from './audit.service.ts';

const AuditQuery = Type.Object(
  { entity: Type.Optional(SingleLine(50)), id: Type.Optional(SingleLine(100)), ...PageQuery },
  Strict,
);
const AuditItem = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorEmail: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  reason: Type.Union([Type.String(), Type.Null()]),
});

export function auditRoutes(app: AppInstance, audit: AuditService) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log: who, when, what, why (operator, admin)',
        querystring: AuditQuery,
        response: { 200: Type.Object({ items: Type.Array(AuditItem) }) },
      },
    },
    (req) => {
      const { entity, id, limit = 20, offset = 0 } = req.query;
      return audit.list(req.actor, { entity, entityId: id, limit, offset });
    },
  );
}
