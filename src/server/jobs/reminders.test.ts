import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { insertApplication } from '../../../test/application-factory.ts';
import { signUp, signUpAs } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { applicationReports } from '../db/schema/applications.ts';
import { notifications } from '../db/schema/notifications.ts';
import { insertReports } from '../modules/applications/applications.repository.ts';
import { reportReminderFor, sendReportReminders } from './reminders.ts';

test('which reminder a report calls for, by days left', () => {
  const cases: Array<[string, string, ReturnType<typeof reportReminderFor>]> = [
    ['2026-12-10', '2026-12-01', null], // 9 days
    ['2026-12-10', '2026-12-02', null], // 8 days
    ['2026-12-10', '2026-12-03', '7d'],
    ['2026-12-10', '2026-12-08', '7d'], // 2 days
    ['2026-12-10', '2026-12-09', '1d'],
    ['2026-12-10', '2026-12-10', '1d'], // due today
    ['2026-12-10', '2026-12-11', 'overdue'],
    ['2027-01-02', '2026-12-31', '7d'], // across the year
  ];
  for (const [due, today, expected] of cases)
    assert.equal(reportReminderFor(due, today), expected, `${due} at ${today}`);
});

describe('report reminders', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('7 days and 1 day before the due date, and once overdue; never twice, never for a filed report', async () => {
    const owner = await signUp(t);
    const operator = await signUpAs(t, 'operator');
    const { application } = await insertApplication(t, owner, { status: 'reporting' });
    await insertReports(t.database.db, application.id, ['2026-12-10', '2026-12-20']);
    const received = async () =>
      (
        await t.database.db
          .select({ kind: notifications.kind, title: notifications.title })
          .from(notifications)
          .where(eq(notifications.userId, owner.userId))
          .orderBy(notifications.createdAt)
      ).filter((n) => n.kind.startsWith('report.'));
    const at = (day: string) => new Date(`${day}T07:00:00Z`);

    assert.equal(await sendReportReminders(t.database.db, at('2026-12-02')), 0, 'eight days ahead: nothing yet');
    assert.equal(await sendReportReminders(t.database.db, at('2026-12-03')), 1);
    assert.equal(await sendReportReminders(t.database.db, at('2026-12-03')), 0, 'the next hour sends nothing again');
    assert.equal(await sendReportReminders(t.database.db, at('2026-12-05')), 0);
    assert.equal(await sendReportReminders(t.database.db, at('2026-12-09')), 1);
    assert.equal(await sendReportReminders(t.database.db, at('2026-12-11')), 1, 'overdue notice');
    assert.equal(await sendReportReminders(t.database.db, at('2026-12-12')), 0);

    // the second report is filed before its reminders fall due
    await t.database.db
      .update(applicationReports)
      .set({ status: 'submitted', submittedAt: at('2026-12-12') })
      .where(and(eq(applicationReports.applicationId, application.id), eq(applicationReports.sequence, 2)));
    assert.equal(await sendReportReminders(t.database.db, at('2026-12-13')), 0);

    assert.deepEqual(await received(), [
      { kind: 'report.due', title: `Отчёт №1 по заявке ${application.number} — срок через 7 дней` },
      { kind: 'report.due', title: `Отчёт №1 по заявке ${application.number} — срок завтра` },
      { kind: 'report.overdue', title: `Отчёт №1 по заявке ${application.number} просрочен` },
    ]);
    const operatorGot = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, operator.userId));
    assert.equal(operatorGot.length, 0, 'reminders go to the company');
  });
});
