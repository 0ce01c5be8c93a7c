// Sends the outbox over SMTP when SMTP_URL is set. The e-mail was written in the same transaction as the
// change that caused it, so nothing acknowledged is lost; a failure is retried on the next round.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { claimUnsent, markFailed, markSent } from '../modules/mail/mail.repository.ts';

const BATCH = 20;

export function createOutboxMailer(deps: { db: Db; clock: Clock; transport: Transporter; from: string }) {
  /** One round: sends what is waiting; answers how many were sent. */
  async function sendPending(): Promise<number> {
    let sent = 0;
    await deps.db.transaction(async (tx) => {
      for (const mail of await claimUnsent(tx, BATCH)) {
        try {
          await deps.transport.sendMail({ from: deps.from, to: mail.to, subject: mail.subject, text: mail.body });
          await markSent(tx, mail.id, deps.clock.now());
          sent++;
        } catch (error) {
          await markFailed(tx, mail.id, (error as Error).message);
        }
      }
    });
    return sent;
  }

  return {
    sendPending,
    /** Runs rounds every `intervalMs` until stopped. */
    start(intervalMs = 5000, onError: (error: unknown) => void = () => {}) {
      let running = false;
      const timer = setInterval(async () => {
        if (running) return;
        running = true;
        await sendPending().catch(onError);
        running = false;
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

export function smtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}
