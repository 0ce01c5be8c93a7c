import { Type } from 'typebox';
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
