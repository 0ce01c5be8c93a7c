import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { outboxEmails } from '../db/schema/mail.ts';
import { queueEmail } from '../modules/mail/mail.repository.ts';
import { createOutboxMailer } from './outbox-mailer.ts';

describe('outbox mailer', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('sends each queued e-mail once; a failed send stays queued with its error and is retried', async () => {
    const clock = { now: () => new Date('2026-11-26T10:00:00Z') };
    await queueEmail(t.database.db, { to: 'a@example.ru', subject: 'Первое', body: 'Текст' }, clock.now());
    await queueEmail(t.database.db, { to: 'fail@example.ru', subject: 'Второе', body: 'Текст' }, clock.now());
    // the SMTP server is the outside world: a JSON transport stands in for it and refuses one address
    const delivered: string[] = [];
    const json = nodemailer.createTransport({ jsonTransport: true });
    let refuse = true;
    const transport = {
      sendMail: async (mail: { to: string }) => {
        if (mail.to === 'fail@example.ru' && refuse) throw new Error('550 mailbox unavailable');
        delivered.push(mail.to);
        return json.sendMail(mail);
      },
    } as never;
    const mailer = createOutboxMailer({ db: t.database.db, clock, transport, from: 'Кластер <noreply@klaster.local>' });
    assert.equal(await mailer.sendPending(), 1);
    assert.equal(await mailer.sendPending(), 0, 'what was sent is not sent again');
    const [failed] = await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.to, 'fail@example.ru'));
    assert.equal(failed.sentAt, null);
    assert.match(failed.lastError!, /550/);
    refuse = false;
    assert.equal(await mailer.sendPending(), 1);
    assert.deepEqual(delivered, ['a@example.ru', 'fail@example.ru']);
  });
});
