// What people choose their e-mail by: every notification kind falls into one category, and each person picks a
// channel per category. Shared with the web app, which lists the categories on the settings page.

export const NOTIFICATION_CATEGORIES = ['status', 'matching_requests', 'deadlines', 'reports'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** immediate: an e-mail at once; digest: in the next daily digest; off: no e-mail. The bell shows everything. */
export const NOTIFICATION_CHANNELS = ['immediate', 'digest', 'off'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** A person without a choice of their own: new matching requests can be many a day, so they come as a digest. */
export const DEFAULT_CHANNELS: Readonly<Record<NotificationCategory, NotificationChannel>> = {
  status: 'immediate',
  matching_requests: 'digest',
  deadlines: 'immediate',
  reports: 'immediate',
};

/** The daily digest goes out at or after this hour, Moscow time. */
export const DIGEST_HOUR_MOSCOW = 9;

const CATEGORY_OF_KIND: Readonly<Record<string, NotificationCategory>> = {
  'request.matching': 'matching_requests',
  'request.deadline': 'deadlines',
  'measure.deadline': 'deadlines',
  'report.due': 'reports',
  'report.overdue': 'reports',
};

/**
 * The category of a notification kind. Everything not named above is a change of status of one's records
 * (`application.status`, `solution.shortlisted`, `deal.confirmed`, a report filed for the operator…), so a kind
 * added later is never left out of a person's settings.
 */
export function categoryOfKind(kind: string): NotificationCategory {
  return CATEGORY_OF_KIND[kind] ?? 'status';
}
