// Posts the webhook outbox: each due delivery is signed and sent; a 2xx answer delivers it, anything else is retried
// with backoff until the attempts run out. Safe with several app processes: rows are claimed with
// `for update skip locked` and leased before any request goes out, and no transaction stays open while posting.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  recordAttempt,
} from '../modules/integrations/integrations.repository.ts';
import { isDelivered, retryDelayMs, signWebhook } from '../modules/integrations/webhook-delivery-rules.ts';
import { isNonPublicAddress } from '../modules/integrations/webhook-url.ts';

const BATCH = 20;
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Longer than a request can take, so a row is never posted twice at once; a crashed worker's rows return after it. */
const LEASE_MS = 5 * 60_000;
const MAX_ERROR_LENGTH = 500;
const USER_AGENT = 'Klaster-Webhooks/1';

export interface PostOutcome {
  status?: number;
  error?: string;
}

/**
 * Resolves the name as usual but refuses any non-public address, so a name that points inside the network (or is
 * changed to, after the webhook was checked) is never connected to.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 4);
    const list = addresses as dns.LookupAddress[];
    const refused = list.find((a) => isNonPublicAddress(a.address));
    if (refused || list.length === 0) {
      return callback(new Error(`refused: ${hostname} resolves to a non-public address`), '', 4);
    }
    if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    return callback(null, list[0].address, list[0].family);
  });
};

/** One POST to the outside world; never throws, never follows a redirect. */
export function postWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivate: boolean; timeoutMs?: number },
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return resolve({ error: 'invalid URL' });
    }
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    // a literal address never goes through the lookup: check it here
    if (!options.allowPrivate && isNonPublicAddress(host)) {
      return resolve({ error: `refused: ${host} is a non-public address` });
    }
    const client = url.protocol === 'https:' ? https : http;
    const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body).toString(), 'User-Agent': USER_AGENT },
        ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        // the answer's body is not kept; reading it frees the socket
        response.resume();
        response.on('end', () => finish({ status: response.statusCode }));
        response.on('error', () => finish({ status: response.statusCode }));
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    request.on('error', (error) => finish({ error: error.message }));
    request.end(body);
  });
}

export function createWebhookDeliverer(deps: {
  db: Db;
  clock: Clock;
  allowPrivate: boolean;
  timeoutMs?: number;
  post?: typeof postWebhook;
}) {
  const post = deps.post ?? postWebhook;

  async function attempt(delivery: ClaimedDelivery) {
    const body = JSON.stringify(delivery.payload);
    const timestamp = String(Math.floor(deps.clock.now().getTime() / 1000));
    const outcome = await post(
      delivery.url,
      body,
      {
        'Content-Type': 'application/json',
        'X-Klaster-Event': delivery.event,
        'X-Klaster-Delivery': delivery.eventId,
        'X-Klaster-Timestamp': timestamp,
        'X-Klaster-Signature': signWebhook(delivery.secret, timestamp, body),
      },
      { allowPrivate: deps.allowPrivate, timeoutMs: deps.timeoutMs },
    );
    const at = deps.clock.now();
    const delivered = outcome.status !== undefined && isDelivered(outcome.status);
    const wait = delivered ? null : retryDelayMs(delivery.attempts);
    const error = delivered
      ? null
      : (outcome.error ?? `HTTP ${outcome.status}`).replace(/\p{Cc}/gu, ' ').slice(0, MAX_ERROR_LENGTH);
    await recordAttempt(deps.db, delivery.id, delivery.attempts, {
      status: delivered ? 'delivered' : wait === null ? 'failed' : 'pending',
      responseStatus: outcome.status ?? null,
      error,
      nextAttemptAt: wait === null ? at : new Date(at.getTime() + wait),
      deliveredAt: delivered ? at : null,
      at,
    });
    return delivered;
  }

  /** One round: posts what is due; answers how many were delivered and how many attempts failed. */
  async function deliverDue(): Promise<{ delivered: number; failed: number }> {
    const now = deps.clock.now();
    const claimed = await deps.db.transaction((tx) =>
      claimDueDeliveries(tx, now, new Date(now.getTime() + LEASE_MS), BATCH),
    );
    const results = await Promise.all(claimed.map(attempt));
    const delivered = results.filter(Boolean).length;
    return { delivered, failed: results.length - delivered };
  }

  return {
    deliverDue,
    /** Runs rounds every `intervalMs` until stopped. */
    start(intervalMs = 5000, onError: (error: unknown) => void = () => {}) {
      let running = false;
      const timer = setInterval(async () => {
        if (running) return;
        running = true;
        await deliverDue().catch(onError);
        running = false;
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
