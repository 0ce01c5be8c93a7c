// Reminders about reports a company owes under a support agreement: 7 days and 1 day before the due date, and
// once when it is overdue. Runs hourly (and after a restart); each reminder is claimed by key, so it goes out once.

import { moscowToday } from '../../shared/calendar-dates.ts';
import type { Db } from '../db/client.ts';
import { REPORTING_STATUSES } from '../modules/applications/application-status.ts';
import { listOwedReportsDueBetween } from '../modules/applications/applications.repository.ts';
import { claimReminder } from '../modules/notifications/notifications.repository.ts';
import { notifyOrganization } from '../modules/notifications/notify.ts';

const DAY_MS = 24 * 3600 * 1000;
/** An overdue notice is not worth sending for a report forgotten longer than this (the job was down). */
const OVERDUE_LOOKBACK_DAYS = 30;

export type ReportReminder = '7d' | '1d' | 'overdue';

function shiftDate(day: string, days: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysUntil(dueOn: string, today: string) {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** Which reminder a report due on `dueOn` calls for today; a late start sends the nearest one, not every one. */
export function reportReminderFor(dueOn: string, today: string): ReportReminder | null {
  const days = daysUntil(dueOn, today);
  if (days < 0) return 'overdue';
  if (days <= 1) return '1d';
  if (days <= 7) return '7d';
  return null;
}

function daysPhrase(days: number) {
  if (days === 0) return 'сегодня';
  if (days === 1) return 'завтра';
  const last = days % 10;
  const word =
    days % 100 >= 11 && days % 100 <= 14 ? 'дней' : last === 1 ? 'день' : last >= 2 && last <= 4 ? 'дня' : 'дней';
  return `через ${days} ${word}`;
}

/** Sends the reminders due at `now`; answers how many went out. */
export async function sendReportReminders(db: Db, now: Date) {
  // the report is due on a Moscow calendar day
  const today = moscowToday(now);
  const owed = await listOwedReportsDueBetween(
    db,
    shiftDate(today, -OVERDUE_LOOKBACK_DAYS),
    shiftDate(today, 7),
    REPORTING_STATUSES,
  );
  let sent = 0;
  for (const report of owed) {
    const reminder = reportReminderFor(report.dueOn, today);
    if (!reminder) continue;
    const dueOn = report.dueOn.split('-').reverse().join('.');
    const title =
      reminder === 'overdue'
        ? `Отчёт №${report.sequence} по заявке ${report.number} просрочен`
        : `Отчёт №${report.sequence} по заявке ${report.number} — срок ${daysPhrase(daysUntil(report.dueOn, today))}`;
    await db.transaction(async (tx) => {
      if (!(await claimReminder(tx, `report:${report.reportId}:${reminder}`, now))) return;
      await notifyOrganization(
        tx,
        report.organizationId,
        {
          kind: reminder === 'overdue' ? 'report.overdue' : 'report.due',
          title,
          body: `Мера «${report.measureTitle}», заявка ${report.number}: отчёт №${report.sequence} о достигнутых показателях нужно сдать до ${dueOn}.`,
          link: `/applications/${report.applicationId}`,
        },
        now,
      );
      sent++;
    });
  }
  return sent;
}
