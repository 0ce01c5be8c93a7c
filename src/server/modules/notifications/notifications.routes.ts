import type { AppInstance } from '../../http/app-instance.ts';
import {
  MarkReadAnswer,
  MarkReadBody,
  NotificationListAnswer,
  NotificationListQuery,
  NotificationSettingsAnswer,
  NotificationSettingsBody,
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

  const settingsRule =
    'The choice governs the e-mail copy only: immediate — an e-mail at once; digest — the notification waits for ' +
    'one daily e-mail digest (sent at or after 09:00 Moscow time, once a day, never empty); off — no e-mail. The ' +
    'in-app notification (the bell) is always recorded. Defaults: status immediate, matching_requests digest, ' +
    'deadlines immediate, reports immediate.';

  app.get(
    '/api/notifications/settings',
    {
      schema: {
        tags,
        summary: 'How I get each category of notifications by e-mail',
        description: settingsRule,
        response: { 200: NotificationSettingsAnswer },
      },
    },
    (req) => notifications.settings(req.actor),
  );

  app.put(
    '/api/notifications/settings',
    {
      schema: {
        tags,
        summary: 'Choose immediate, daily digest or off for some categories',
        description: `${settingsRule} Categories not in the body keep their channel; turning a category off drops what waited for the digest in it.`,
        body: NotificationSettingsBody,
        response: { 200: NotificationSettingsAnswer },
      },
    },
    (req) => notifications.updateSettings(req.actor, req.body.settings),
  );
}
