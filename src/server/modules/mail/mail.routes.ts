import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-instance.ts';
import { DateTime, Email, Strict } from '../../http/schema-helpers.ts';
import type { MailService } from './mail.service.ts';

const MailboxQuery = Type.Object(
  { to: Type.Optional(Email), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })) },
  Strict,
);
const Mail = Type.Object({
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  createdAt: DateTime,
  sentAt: Type.Union([DateTime, Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
});

export function mailRoutes(app: AppInstance, mail: MailService) {
  app.get(
    '/api/dev/mailbox',
    {
      schema: {
        tags: ['system'],
        summary: 'Dev mailbox: e-mails written by the platform, newest first (operator, admin)',
        querystring: MailboxQuery,
        response: { 200: Type.Object({ items: Type.Array(Mail) }) },
      },
    },
    (req) => mail.mailbox(req.actor, { to: req.query.to, limit: req.query.limit ?? 50 }),
  );
}
