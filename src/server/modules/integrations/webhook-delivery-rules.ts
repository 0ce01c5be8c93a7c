// Pure rules of webhook delivery: when to try again, and how a receiver checks that a delivery came from us.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Waits before each retry: 1 min, 5 min, 30 min, 2 h, 12 h; the attempt after the last wait is the final one. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 12 * 3600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** After `attempts` failed attempts: how long to wait before the next, or null when the delivery has failed for good. */
export function retryDelayMs(attempts: number): number | null {
  if (attempts < 1) return 0;
  return RETRY_DELAYS_MS[attempts - 1] ?? null;
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`: the timestamp is signed too, so an old delivery cannot be replayed as new. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** 2xx is delivered; anything else (3xx included: redirects are not followed) is retried. */
export const isDelivered = (status: number) => status >= 200 && status < 300;
