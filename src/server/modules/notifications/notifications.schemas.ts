import { Type } from 'typebox';
import { NOTIFICATION_CATEGORIES, NOTIFICATION_CHANNELS } from '../../../shared/notification-categories.ts';
import { DateTime, PageQuery, Strict, Uuid } from '../../http/schema-helpers.ts';

export const NotificationListQuery = Type.Object(
  { unread: Type.Optional(Type.Boolean({ description: 'only the unread ones' })), ...PageQuery },
  Strict,
);

export const NotificationItem = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  readAt: Type.Union([DateTime, Type.Null()]),
});

export const NotificationListAnswer = Type.Object({
  items: Type.Array(NotificationItem),
  unread: Type.Integer({ description: 'how many of all my notifications are unread' }),
});

export const MarkReadBody = Type.Object(
  { ids: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 200, uniqueItems: true })) },
  { ...Strict, description: 'without ids: all my notifications' },
);

export const MarkReadAnswer = Type.Object({ unread: Type.Integer() });

/** The type of each category's channel schema below (each has its own description). */
const Channel = Type.Enum(NOTIFICATION_CHANNELS);

const CATEGORY_DESCRIPTIONS: Record<(typeof NOTIFICATION_CATEGORIES)[number], string> = {
  status:
    'changes of status of my records: applications, requests, solutions, pilots, projects, deals, reviews, cluster membership',
  matching_requests: "new published requests whose technology areas match my organization's",
  deadlines:
    "a request's deadline for solutions or a support measure's window closing in 7 days and in 1 day, while my draft is unsent",
  reports: 'reports due under a support agreement (7 days, 1 day before) and overdue',
};

const channels = (optional: boolean) =>
  Object.fromEntries(
    NOTIFICATION_CATEGORIES.map((category) => {
      const schema = Type.Enum(NOTIFICATION_CHANNELS, { description: CATEGORY_DESCRIPTIONS[category] });
      return [category, optional ? Type.Optional(schema) : schema];
    }),
  ) as Record<(typeof NOTIFICATION_CATEGORIES)[number], typeof Channel>;

export const NotificationSettingsAnswer = Type.Object({
  settings: Type.Object(channels(false), {
    description: 'every category with its e-mail channel; a category never chosen has its default',
  }),
  digestHourMoscow: Type.Integer({ description: 'the daily digest goes out at or after this hour, Moscow time' }),
});

export const NotificationSettingsBody = Type.Object(
  {
    settings: Type.Object(channels(true), {
      ...Strict,
      minProperties: 1,
      description: 'the categories to change; the others keep their channel',
    }),
  },
  Strict,
);
