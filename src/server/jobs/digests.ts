// The daily e-mail digest: the notifications whose category a person receives as a digest wait (digest_pending) and go
// out together in one e-mail, at or after 09:00 Moscow time, once a Moscow day and never empty. The job is checked
// every ten minutes (and soon after a start); the day is claimed per person in notification_digests, so two app
// processes or a restart never send a second digest the same day. What arrives after today's digest waits for
// tomorrow's.
import { DIGEST_HOUR_MOSCOW } from '../../shared/notification-categories.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { queueEmail } from '../modules/mail/mail.repository.ts';
import {
  claimDigest,
  clearDigestPending,
  findEmail,
  listDigestItems,
  listDigestRecipients,
} from '../modules/notifications/notifications.repository.ts';

const MOSCOW_OFFSET_MS = 3 * 3600 * 1000;
const BATCH = 100;
/** A digest lists this many notifications; the rest are named by count (all of them are in the bell). */
const LISTED = 50;
const CHECK_EVERY_MS = 10 * 60 * 1000;

/**
 * The Moscow day of `now` (UTC+3, no daylight saving) and that day's digest time: a digest holds what arrived up to
 * it, so a digest sent late (the server was down at nine) still holds one day's worth and what arrives after nine
 * waits for tomorrow's, as people expect of a morning digest.
 */
export function digestMoment(now: Date) {
  const day = new Date(now.getTime() + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
  const cutoff = new Date(Date.parse(`${day}T00:00:00Z`) + DIGEST_HOUR_MOSCOW * 3600 * 1000 - MOSCOW_OFFSET_MS);
  return { day, cutoff, due: now.getTime() >= cutoff.getTime() };
}

/** «3 уведомления», «5 уведомлений»: the Russian plural. */
export function notificationsPhrase(count: number) {
  const last = count % 10;
  const teen = count % 100 >= 11 && count % 100 <= 14;
  const word = teen
    ? 'уведомлений'
    : last === 1
      ? 'уведомление'
      : last >= 2 && last <= 4
        ? 'уведомления'
        : 'уведомлений';
  return `${count} ${word}`;
}

function digestEmail(day: string, items: Array<{ title: string; body: string; link: string | null }>) {
  const date = day.split('-').reverse().join('.');
  const listed = items.slice(0, LISTED).map((item) => {
    const lines = [`• ${item.title}`, `  ${item.body.replaceAll('\n', '\n  ')}`];
    if (item.link) lines.push(`  ${item.link}`);
    return lines.join('\n');
  });
  const rest = items.length - listed.length;
  return {
    subject: `Сводка за ${date}: ${notificationsPhrase(items.length)}`,
    body: [
      `Ваши уведомления, собранные в ежедневную сводку (${notificationsPhrase(items.length)}):`,
      '',
      listed.join('\n\n'),
      ...(rest > 0 ? ['', `И ещё ${notificationsPhrase(rest)} — все они в колокольчике на сайте.`] : []),
      '',
      'Что приходит сводкой, сразу или не приходит на почту, выбирается в настройках уведомлений: /settings/notifications',
    ].join('\n'),
  };
}

/** Sends today's digests due at `now`; answers how many went out. */
export async function sendDailyDigests(db: Db, now: Date): Promise<number> {
  const { day, cutoff, due } = digestMoment(now);
  if (!due) return 0;
  let sent = 0;
  for (;;) {
    const recipients = await listDigestRecipients(db, day, cutoff, BATCH);
    let progressed = false;
    for (const userId of recipients) {
      await db.transaction(async (tx) => {
        const items = await listDigestItems(tx, userId, cutoff);
        // never an empty digest: another process sent this one a moment ago, and the day stays as it is
        if (!items.length) return;
        // the loser of a race waits here for the winner's commit, then finds the day taken and sends nothing
        if (!(await claimDigest(tx, userId, day, items.length, now))) return;
        const email = await findEmail(tx, userId);
        if (email) await queueEmail(tx, { to: email, ...digestEmail(day, items) }, now);
        await clearDigestPending(
          tx,
          items.map((i) => i.id),
        );
        sent++;
        progressed = true;
      });
    }
    // each person handled is left out of the next batch (the day is claimed), so this ends
    if (recipients.length < BATCH || !progressed) return sent;
  }
}

/** Checks every ten minutes (unref'd) and once soon after start; a round still running is not started twice. */
export function startDailyDigests(db: Db, clock: Clock, onError: (error: unknown) => void) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await sendDailyDigests(db, clock.now());
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), CHECK_EVERY_MS);
  timer.unref();
  const first = setTimeout(() => void run(), 30 * 1000);
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
