// Deadline reminders, 7 days and 1 day ahead: a request's deadline for solutions, to each organization with a DRAFT
// solution to it (it has not sent it yet), and a support measure's window closing, to each organization with a DRAFT
// application to it. Runs hourly with the report reminders (and soon after a restart); each reminder is claimed by
// key in sent_reminders, per draft and moment, so it goes out once whatever the number of runs or processes.
import type { Db } from '../db/client.ts';
import { listDraftApplicationsClosingBetween } from '../modules/applications/applications.repository.ts';
import { claimReminder } from '../modules/notifications/notifications.repository.ts';
import { notifyOrganization } from '../modules/notifications/notify.ts';
import { listDraftSolutionsClosingBetween } from '../modules/requests/requests.repository.ts';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

export type DeadlineReminder = '7d' | '1d';

/**
 * Which reminder a deadline calls for at `now`, by the time left: a day or less → '1d', a week or less → '7d'. A draft
 * started (or a job started) late gets the nearest one only; a passed deadline none.
 */
export function deadlineReminderFor(deadline: Date, now: Date): DeadlineReminder | null {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return null;
  if (left <= DAY_MS) return '1d';
  if (left <= 7 * DAY_MS) return '7d';
  return null;
}

const moscowDateTime = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** «через 7 дней», «через 1 день», «менее чем через сутки» for the time left. */
export function timeLeftPhrase(deadline: Date, now: Date) {
  const left = deadline.getTime() - now.getTime();
  if (left <= DAY_MS) return 'менее чем через сутки';
  const days = Math.floor(left / DAY_MS);
  const last = days % 10;
  const word =
    days % 100 >= 11 && days % 100 <= 14 ? 'дней' : last === 1 ? 'день' : last >= 2 && last <= 4 ? 'дня' : 'дней';
  return `через ${days} ${word}`;
}

/** Sends the deadline reminders due at `now`; answers how many went out. */
export async function sendDeadlineReminders(db: Db, now: Date): Promise<number> {
  // a whole week and an hour's slack, so the '7d' reminder is seen by the first run after it falls due
  const until = new Date(now.getTime() + 7 * DAY_MS + HOUR_MS);
  let sent = 0;

  for (const draft of await listDraftSolutionsClosingBetween(db, now, until)) {
    const reminder = deadlineReminderFor(draft.deadline, now);
    if (!reminder) continue;
    await db.transaction(async (tx) => {
      if (!(await claimReminder(tx, `deadline:solution:${draft.solutionId}:${reminder}`, now))) return;
      await notifyOrganization(
        tx,
        draft.organizationId,
        {
          kind: 'request.deadline',
          title: `Приём решений по запросу ${draft.requestNumber} закрывается ${timeLeftPhrase(draft.deadline, now)}`,
          body: `Запрос «${draft.requestTitle}»: решения принимаются до ${moscowDateTime.format(draft.deadline)} (МСК). Черновик вашего решения ещё не отправлен.`,
          link: `/solutions/${draft.solutionId}`,
        },
        now,
      );
      sent++;
    });
  }

  for (const draft of await listDraftApplicationsClosingBetween(db, now, until)) {
    const reminder = deadlineReminderFor(draft.closesAt, now);
    if (!reminder) continue;
    await db.transaction(async (tx) => {
      if (!(await claimReminder(tx, `deadline:application:${draft.applicationId}:${reminder}`, now))) return;
      await notifyOrganization(
        tx,
        draft.organizationId,
        {
          kind: 'measure.deadline',
          title: `Приём заявок на меру «${draft.measureTitle}» закрывается ${timeLeftPhrase(draft.closesAt, now)}`,
          body: `Заявки на меру поддержки «${draft.measureTitle}» принимаются до ${moscowDateTime.format(draft.closesAt)} (МСК). Черновик вашей заявки ещё не подан.`,
          link: `/applications/${draft.applicationId}`,
        },
        now,
      );
      sent++;
    });
  }
  return sent;
}
