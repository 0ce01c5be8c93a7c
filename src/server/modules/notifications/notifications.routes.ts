import type { AppInstance } from '../../http/app-instance.ts';
import {
  MarkReadAnswer,
  MarkReadBody,
  NotificationListAnswer,
  NotificationListQuery,
} from './notifications.schemas.ts';
import type { NotificationsService } from './notifications.service.ts';

export function notificationsRoutes(app: AppInstance, notifications: NotificationsService) {
  const tags = ['notifications'];

  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: NotificationListQuery,
        response: { 200: NotificationListAnswer },
      },
    },
    (req) =>
      notifications.list(req.actor, {
        unreadOnly: req.query.unread ?? false,
        limit: req.query.limit ?? 20,
        offset: req.query.offset ?? 0,
      }),
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark my notifications read: the given ids, or all without ids',
        body: MarkReadBody,
        response: { 200: MarkReadAnswer },
      },
    },
    (req) => notifications.markRead(req.actor, req.body?.ids),
  );
}
