// An event of an organization's records, queued for each of its webhooks that wants it, in the caller's
// transaction: the deliveries exist exactly when the change does, and the job posts them afterwards.
import { randomUUID } from 'node:crypto';
import { webhookWantsEvent } from '../../../shared/integrations.ts';
import type { DbOrTx } from '../../db/client.ts';
import { insertDeliveries, listActiveWebhooks } from './integrations.repository.ts';

export interface WebhookEvent {
  kind: string;
  title: string;
  body: string;
  link?: string;
}

export async function queueWebhookEvent(tx: DbOrTx, organizationId: string, event: WebhookEvent, at: Date) {
  const targets = (await listActiveWebhooks(tx, organizationId)).filter((w) => webhookWantsEvent(w.events, event.kind));
  if (!targets.length) return;
  // one id per event, the same for every webhook and every retry: receivers drop what they have seen
  const eventId = randomUUID();
  const payload = {
    id: eventId,
    event: event.kind,
    occurredAt: at.toISOString(),
    organizationId,
    data: { title: event.title, body: event.body, link: event.link ?? null },
  };
  await insertDeliveries(
    tx,
    targets.map((webhook) => ({
      webhookId: webhook.id,
      eventId,
      event: event.kind,
      payload,
      nextAttemptAt: at,
      createdAt: at,
    })),
  );
}
