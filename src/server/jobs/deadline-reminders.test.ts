import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { insertApplication } from '../../../test/application-factory.ts';
import { type Client, createOrganization, signUp } from '../../../test/factories.ts';
import { insertRequest, insertSolution } from '../../../test/request-factory.ts';
import { createTestApp, type TestApp, TestClock } from '../../../test/test-app.ts';
import { outboxEmails } from '../db/schema/mail.ts';
import { notifications } from '../db/schema/notifications.ts';
import { deadlineReminderFor, sendDeadlineReminders, timeLeftPhrase } from './deadline-reminders.ts';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

test('which reminder a deadline calls for, by the time left', () => {
  const deadline = new Date('2026-12-10T12:00:00Z');
  const cases: Array<[number, ReturnType<typeof deadlineReminderFor>]> = [
    [8 * DAY, null],
    [7 * DAY + HOUR, null],
    [7 * DAY, '7d'],
    [2 * DAY, '7d'],
    [DAY + 1, '7d'],
    [DAY, '1d'],
    [HOUR, '1d'],
    [0, null], // the deadline has come
    [-HOUR, null],
  ];
  for (const [left, expected] of cases)
    assert.equal(deadlineReminderFor(deadline, new Date(deadline.getTime() - left)), expected, `${left / HOUR} h`);
  assert.equal(timeLeftPhrase(deadline, new Date(deadline.getTime() - 7 * DAY)), 'через 7 дней');
  assert.equal(timeLeftPhrase(deadline, new Date(deadline.getTime() - 2 * DAY - HOUR)), 'через 2 дня');
  assert.equal(timeLeftPhrase(deadline, new Date(deadline.getTime() - 5 * HOUR)), 'менее чем через сутки');
});

describe('deadline reminders', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('7 days and 1 day before a request’s deadline and a measure’s closing, once each, only to drafts', async () => {
    const clock = new TestClock(new Date('2026-12-01T09:00:00Z'));
    const deadline = new Date(clock.now().getTime() + 10 * DAY);

    const customer = await signUp(t);
    const drafting = await signUp(t); // a draft solution and a draft application
    const sending = await signUp(t); // a sent solution and a submitted application
    const unrelated = await signUp(t);
    const { request } = await insertRequest(t, customer, { values: { deadline } });
    const draftingOrg = (await createOrganization(drafting)).id;
    const sendingOrg = (await createOrganization(sending)).id;
    await createOrganization(unrelated);
    const draftSolution = await insertSolution(t, drafting, request.id, draftingOrg, { status: 'draft' });
    await insertSolution(t, sending, request.id, sendingOrg, { status: 'submitted' });
    const { application } = await insertApplication(t, drafting, {
      status: 'draft',
      organizationId: draftingOrg,
      measure: { closesAt: deadline, title: 'Грант на пилот' },
    });
    await insertApplication(t, sending, {
      status: 'submitted',
      organizationId: sendingOrg,
      measure: { closesAt: deadline },
    });

    const received = async (client: Client) =>
      (
        await t.database.db
          .select({ kind: notifications.kind, title: notifications.title, link: notifications.link })
          .from(notifications)
          .where(eq(notifications.userId, client.userId))
          .orderBy(notifications.createdAt, notifications.kind)
      ).filter((n) => n.kind.endsWith('.deadline'));
    const run = () => sendDeadlineReminders(t.database.db, clock.now());

    assert.equal(await run(), 0, 'ten days ahead: nothing yet');
    clock.advance(2 * DAY + 23 * HOUR); // 7 days and an hour left
    assert.equal(await run(), 0);
    clock.advance(HOUR); // 7 days left
    assert.equal(await run(), 2, 'the solution and the application');
    assert.equal(await run(), 0, 'the next hour sends nothing again');
    clock.advance(3 * DAY);
    assert.equal(await run(), 0, 'four days left: nothing');
    clock.advance(3 * DAY + HOUR); // 23 hours left
    assert.equal(await run(), 2);
    clock.advance(HOUR);
    assert.equal(await run(), 0);
    clock.advance(DAY); // past the deadline
    assert.equal(await run(), 0);

    assert.deepEqual(await received(drafting), [
      {
        kind: 'measure.deadline',
        title: 'Приём заявок на меру «Грант на пилот» закрывается через 7 дней',
        link: `/applications/${application.id}`,
      },
      {
        kind: 'request.deadline',
        title: `Приём решений по запросу ${request.number} закрывается через 7 дней`,
        link: `/solutions/${draftSolution.id}`,
      },
      {
        kind: 'measure.deadline',
        title: 'Приём заявок на меру «Грант на пилот» закрывается менее чем через сутки',
        link: `/applications/${application.id}`,
      },
      {
        kind: 'request.deadline',
        title: `Приём решений по запросу ${request.number} закрывается менее чем через сутки`,
        link: `/solutions/${draftSolution.id}`,
      },
    ]);
    for (const client of [customer, sending, unrelated]) assert.deepEqual(await received(client), [], client.email);
    // deadlines are immediate by default: e-mailed at once
    const mails = await t.database.db
      .select()
      .from(outboxEmails)
      .where(inArray(outboxEmails.to, [drafting.email]));
    assert.equal(mails.filter((m) => m.subject.includes('закрывается')).length, 4);
  });
});
