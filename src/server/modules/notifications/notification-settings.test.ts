import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { type Client, signUp } from '../../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { outboxEmails } from '../../db/schema/mail.ts';
import { notificationDigests, notifications } from '../../db/schema/notifications.ts';
import { digestMoment, notificationsPhrase, sendDailyDigests } from '../../jobs/digests.ts';
import { type Message, notifyUsers } from './notify.ts';

const DEFAULTS = { status: 'immediate', matching_requests: 'digest', deadlines: 'immediate', reports: 'immediate' };

test('the digest moment is 09:00 Moscow time of the Moscow day', () => {
  const cases: Array<[string, string, string, boolean]> = [
    ['2026-11-26T05:59:59Z', '2026-11-26', '2026-11-26T06:00:00.000Z', false],
    ['2026-11-26T06:00:00Z', '2026-11-26', '2026-11-26T06:00:00.000Z', true],
    ['2026-11-26T20:59:00Z', '2026-11-26', '2026-11-26T06:00:00.000Z', true],
    ['2026-11-26T21:00:00Z', '2026-11-27', '2026-11-27T06:00:00.000Z', false], // midnight in Moscow
  ];
  for (const [now, day, cutoff, due] of cases) {
    const moment = digestMoment(new Date(now));
    assert.deepEqual([moment.day, moment.cutoff.toISOString(), moment.due], [day, cutoff, due], now);
  }
  assert.equal(notificationsPhrase(1), '1 уведомление');
  assert.equal(notificationsPhrase(3), '3 уведомления');
  assert.equal(notificationsPhrase(11), '11 уведомлений');
  assert.equal(notificationsPhrase(22), '22 уведомления');
});

describe('notification settings', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const put = (client: Client, body: unknown) => client.request('PUT', '/api/notifications/settings', body);
  const emailsTo = (client: Client) =>
    t.database.db
      .select({ subject: outboxEmails.subject, body: outboxEmails.body })
      .from(outboxEmails)
      .where(eq(outboxEmails.to, client.email))
      .orderBy(outboxEmails.createdAt);
  const bellOf = (client: Client) =>
    t.database.db
      .select({
        title: notifications.title,
        category: notifications.category,
        digestPending: notifications.digestPending,
      })
      .from(notifications)
      .where(eq(notifications.userId, client.userId))
      .orderBy(notifications.createdAt);
  const tell = (client: Client, message: Message, at: string) =>
    notifyUsers(t.database.db, [client.userId], message, new Date(at));
  const status = (title: string): Message => ({
    kind: 'application.status',
    title,
    body: `Текст: ${title}`,
    link: '/x',
  });
  const due = (title: string): Message => ({ kind: 'report.due', title, body: `Срок: ${title}` });

  test('defaults for every category; a partial change keeps the rest; read back after it', async () => {
    const me = await signUp(t);
    const read = await me.get('/api/notifications/settings');
    assert.equal(read.statusCode, 200, read.body);
    assert.deepEqual(read.json(), { settings: DEFAULTS, digestHourMoscow: 9 });

    const changed = await put(me, { settings: { status: 'digest', reports: 'off' } });
    assert.equal(changed.statusCode, 200, changed.body);
    const expected = { ...DEFAULTS, status: 'digest', reports: 'off' };
    assert.deepEqual(changed.json().settings, expected);
    assert.deepEqual((await me.get('/api/notifications/settings')).json().settings, expected);

    assert.deepEqual(
      (await put(me, { settings: { status: 'immediate' } })).json().settings,
      { ...expected, status: 'immediate' },
      'a second change of the same category replaces the first',
    );
    // someone else's settings are their own
    const other = await signUp(t);
    assert.deepEqual((await other.get('/api/notifications/settings')).json().settings, DEFAULTS);
  });

  test('guests are refused; unknown categories and channels are 400 with the field path', async () => {
    for (const method of ['GET', 'PUT'] as const) {
      const guest = await t.app.inject({
        method,
        url: '/api/notifications/settings',
        ...(method === 'PUT' ? { payload: { settings: { status: 'off' } } } : {}),
      });
      assert.equal(guest.statusCode, 401, `${method} ${guest.body}`);
    }
    const me = await signUp(t);
    const bad: Array<[unknown, string]> = [
      [{ settings: { weather: 'off' } }, 'settings'],
      [{ settings: { status: 'sometimes' } }, 'settings.status'],
      [{ settings: { status: 1 } }, 'settings.status'],
      [{ settings: {} }, 'settings'],
      [{}, 'settings'],
      [{ settings: { status: 'off' }, extra: true }, ''],
    ];
    for (const [body, path] of bad) {
      const answer = await put(me, body);
      assert.equal(answer.statusCode, 400, `${JSON.stringify(body)} → ${answer.body}`);
      const fields = answer.json().error.fields ?? {};
      if (path)
        assert.ok(
          Object.keys(fields).some((f) => f.startsWith(path)),
          `${JSON.stringify(body)}: ${answer.body}`,
        );
    }
    assert.deepEqual((await me.get('/api/notifications/settings')).json().settings, DEFAULTS, 'nothing changed');
  });

  test('immediate → an e-mail now; digest → none now; off → none ever; the bell has every one', async () => {
    const me = await signUp(t);
    await put(me, { settings: { reports: 'digest', deadlines: 'off' } });
    await tell(me, status('Заявка одобрена'), '2026-11-26T10:00:00Z');
    await tell(me, due('Отчёт через 7 дней'), '2026-11-26T10:01:00Z');
    await tell(me, { kind: 'request.deadline', title: 'Срок через день', body: 'Срок' }, '2026-11-26T10:02:00Z');

    assert.deepEqual(
      (await emailsTo(me)).map((e) => e.subject),
      ['Заявка одобрена'],
    );
    assert.deepEqual(await bellOf(me), [
      { title: 'Заявка одобрена', category: 'status', digestPending: false },
      { title: 'Отчёт через 7 дней', category: 'reports', digestPending: true },
      { title: 'Срок через день', category: 'deadlines', digestPending: false },
    ]);
    assert.equal((await me.get('/api/notifications')).json().unread, 3, 'the bell counts them all');
  });

  test('the digest holds exactly what waited, once a day, after 09:00 Moscow time, and is never empty', async () => {
    const me = await signUp(t);
    const neighbour = await signUp(t);
    await put(me, { settings: { status: 'digest' } });
    await tell(me, status('Первое'), '2026-11-26T10:00:00Z'); // 13:00 in Moscow: after today's digest time
    await tell(me, status('Второе'), '2026-11-26T18:00:00Z');
    await tell(me, due('Сразу'), '2026-11-26T18:00:00Z'); // reports stay immediate
    await tell(neighbour, status('Соседу'), '2026-11-26T18:00:00Z'); // the neighbour's status is immediate
    const digests = async () => (await emailsTo(me)).filter((e) => e.subject.startsWith('Сводка'));
    // other tests' people have digests of their own: count this person's
    const run = async (at: string) => {
      const before = (await digests()).length;
      await sendDailyDigests(t.database.db, new Date(at));
      return (await digests()).length - before;
    };

    assert.equal(await run('2026-11-26T19:00:00Z'), 0, 'what came after today’s nine o’clock waits for tomorrow');
    assert.equal(await run('2026-11-27T05:50:00Z'), 0, '08:50 in Moscow: not yet');
    assert.equal(await run('2026-11-27T06:00:00Z'), 1);
    assert.equal(await run('2026-11-27T06:10:00Z'), 0, 'the next round sends nothing again');
    const [first, ...others] = await digests();
    assert.equal(others.length, 0);
    assert.equal(first.subject, 'Сводка за 27.11.2026: 2 уведомления');
    assert.match(first.body, /Первое[\s\S]*Второе/);
    assert.ok(first.body.includes('/x'), 'with the links');
    assert.ok(!first.body.includes('Сразу'), 'an e-mailed notification is not repeated');
    assert.ok(
      (await bellOf(me)).every((n) => !n.digestPending),
      'nothing waits any more',
    );
    assert.deepEqual(
      (await emailsTo(neighbour)).map((e) => e.subject),
      ['Соседу'],
    );

    await tell(me, status('Третье'), '2026-11-27T07:00:00Z'); // after today's digest
    // written by a transaction that began before nine and committed after the digest went out
    await tell(me, status('Запоздалое'), '2026-11-27T05:59:00Z');
    assert.equal(await run('2026-11-27T12:00:00Z'), 0, 'one digest a day');
    assert.equal(await run('2026-11-28T06:05:00Z'), 1);
    const second = (await digests())[1];
    assert.equal(second.subject, 'Сводка за 28.11.2026: 2 уведомления');
    assert.match(second.body, /Запоздалое[\s\S]*Третье/);
    assert.ok(!second.body.includes('Первое'), second.body);

    assert.equal(await run('2026-11-29T06:05:00Z'), 0, 'nothing new: no empty digest');
    assert.equal((await digests()).length, 2);
    const claimed = await t.database.db
      .select({ day: notificationDigests.day, items: notificationDigests.items })
      .from(notificationDigests)
      .where(eq(notificationDigests.userId, me.userId))
      .orderBy(notificationDigests.day);
    assert.deepEqual(claimed, [
      { day: '2026-11-27', items: 2 },
      { day: '2026-11-28', items: 2 },
    ]);
  });

  test('two rounds at once send one digest', async () => {
    const me = await signUp(t);
    await put(me, { settings: { status: 'digest' } });
    await tell(me, status('Одно'), '2026-12-01T10:00:00Z');
    const at = '2026-12-02T06:30:00Z';
    await Promise.all([sendDailyDigests(t.database.db, new Date(at)), sendDailyDigests(t.database.db, new Date(at))]);
    const mails = (await emailsTo(me)).filter((e) => e.subject.startsWith('Сводка'));
    assert.equal(mails.length, 1);
  });

  test('turning a category off drops what waited for its digest', async () => {
    const me = await signUp(t);
    await put(me, { settings: { status: 'digest', reports: 'digest' } });
    await tell(me, status('Статус'), '2026-12-03T10:00:00Z');
    await tell(me, due('Отчёт'), '2026-12-03T10:00:00Z');
    await put(me, { settings: { status: 'off' } });
    await sendDailyDigests(t.database.db, new Date('2026-12-04T06:00:00Z'));
    const [digest] = (await emailsTo(me)).filter((e) => e.subject.startsWith('Сводка'));
    assert.ok(digest.body.includes('Отчёт') && !digest.body.includes('Статус'), digest.body);
    const waiting = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, me.userId), eq(notifications.digestPending, true)));
    assert.equal(waiting.length, 0);
  });
});
