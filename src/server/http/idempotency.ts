// Idempotency-Key on POST: the first answer (2xx) is stored and replayed for the same key and caller, so a
// double click or a retried request never creates a second record. A failed request is not remembered.
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { claimKey, findKey, releaseKey, storeAnswer } from '../modules/idempotency/idempotency.repository.ts';
import { AppError } from './app-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { caller: string; key: string };
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function registerIdempotency(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    // sign-in answers carry a fresh session cookie, which must never be replayed
    if (request.method !== 'POST' || key === undefined || request.url.startsWith('/api/auth/')) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new AppError('idempotency.key_invalid', 'invalid', {}, { 'Idempotency-Key': 'idempotency.key_invalid' });
    }
    const caller = request.actor?.userId ?? `guest:${request.ip}`;
    const route = `${request.method} ${request.url}`;
    if (await claimKey(deps.db, caller, key, route, deps.clock.now())) {
      request.idempotency = { caller, key };
      return;
    }
    const first = await findKey(deps.db, caller, key);
    if (!first) throw new AppError('idempotency.in_progress', 'conflict'); // released between our two reads
    if (first.route !== route) throw new AppError('idempotency.key_reused', 'invalid');
    if (first.status === null) throw new AppError('idempotency.in_progress', 'conflict');
    reply.header('idempotent-replayed', 'true');
    return reply.status(first.status).send(first.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    if (reply.statusCode >= 200 && reply.statusCode < 300) {
      const body = typeof payload === 'string' && payload ? JSON.parse(payload) : null;
      await storeAnswer(deps.db, claim.caller, claim.key, reply.statusCode, body);
    } else {
      await releaseKey(deps.db, claim.caller, claim.key);
    }
    return payload;
  });
}
