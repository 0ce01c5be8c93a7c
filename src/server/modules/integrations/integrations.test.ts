import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { insertApplication } from '../../../../test/application-factory.ts';
import {
  type Client,
  createOrganization,
  organizationBody,
  sessionCookie,
  signUp,
  signUpAs,
  uniqueEmail,
} from '../../../../test/factories.ts';
import { createTestApp, type TestApp, TestClock } from '../../../../test/test-app.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { apiTokens, webhookDeliveries } from '../../db/schema/integrations.ts';
import { createWebhookDeliverer } from '../../jobs/webhook-deliveries.ts';
import { sha256 } from '../auth/auth.service.ts';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, verifyWebhookSignature } from './webhook-delivery-rules.ts';

const MINUTE = 60_000;
const PASSWORD = 'correct-horse-42';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The outside world: a receiver that answers 503 to its first `failFirst` calls, then 204. */
async function receiver(options: { failFirst?: number; delayMs?: number } = {}) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      setTimeout(() => {
        res.statusCode = received.length <= (options.failFirst ?? 0) ? 503 : 204;
        res.end();
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/klaster-events`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('integrations', () => {
  const clock = new TestClock(new Date('2026-11-26T09:00:00Z'));
  let t: TestApp;
  let owner: Client;
  let org: string;
  const deliverer = () => createWebhookDeliverer({ db: t.database.db, clock, allowPrivate: true, timeoutMs: 2000 });

  before(async () => {
    t = await createTestApp({ clock, config: { webhooksAllowPrivate: true } });
    owner = await signUp(t, uniqueEmail('owner'), PASSWORD);
    org = (await createOrganization(owner)).id;
  });
  after(() => t.close());

  async function ok(response: LightMyRequestResponse, status = 200) {
    assert.equal(response.statusCode, status, response.body);
    return response.json();
  }

  function refused(response: LightMyRequestResponse, status: number, code: string) {
    assert.equal(response.statusCode, status, response.body);
    assert.equal(response.json().error.code, code, response.body);
  }

  async function issue(client: Client, organizationId: string, scopes: string[], extra: Record<string, unknown> = {}) {
    return ok(
      await client.post('/api/auth/tokens', { organizationId, name: 'ERP-интеграция', scopes, ...extra }),
      201,
    ) as Promise<{ id: string; token: string; prefix: string; scopes: string[] }>;
  }

  /** A request with only the bearer token: no cookie, no CSRF header. */
  function bearer(token: string, method: string, url: string, payload?: object) {
    return t.app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  }

  async function auditActions(organizationId: string, prefix: string) {
    const rows = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, organizationId), like(auditLog.action, `${prefix}%`)))
      .orderBy(auditLog.id);
    return rows.map((r) => r.action);
  }

  /** The owner withdraws a fresh submitted application of `organizationId`: an `application.status` event. */
  async function statusChange(client: Client, organizationId: string) {
    const { application } = await insertApplication(t, client, { status: 'submitted', organizationId });
    await ok(await client.post(`/api/applications/${application.id}/withdraw`, {}));
    return application.id;
  }

  async function deliveriesOf(client: Client, organizationId: string) {
    return ok(await client.get(`/api/organizations/${organizationId}/webhooks/deliveries`));
  }

  describe('API tokens', () => {
    test('an owner issues a token shown once: only its SHA-256 is stored and lists never show it', async () => {
      const created = await issue(owner, org, ['organizations:read', 'applications:read']);
      assert.match(created.token, /^klt_[A-Za-z0-9_-]{43}$/);
      assert.equal(created.prefix, created.token.slice(0, 12));
      assert.deepEqual(created.scopes, ['applications:read', 'organizations:read']);
      const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
      assert.equal(row.tokenHash, sha256(created.token));
      assert.ok(!JSON.stringify(row).includes(created.token), 'the token itself is stored nowhere');
      const list = await ok(await owner.get(`/api/auth/tokens?organizationId=${org}`));
      const listed = list.items.find((item: { id: string }) => item.id === created.id);
      assert.equal(listed.prefix, created.prefix);
      assert.equal(listed.token, undefined);
      assert.ok(!JSON.stringify(list).includes(created.token));
      assert.deepEqual(await auditActions(org, 'api_token.'), ['api_token.created']);
    });

    test('a bearer token acts within its scopes, without CSRF; outside them 403 auth.token_scope', async () => {
      const reader = await issue(owner, org, ['organizations:read']);
      const writer = await issue(owner, org, ['organizations:write', 'applications:write']);
      const profile = await ok(await bearer(reader.token, 'GET', `/api/organizations/${org}`));
      assert.equal(profile.myOrgRole, 'owner', 'the token acts as its creator');
      // read does not include write, nor write read, nor one module another
      refused(
        await bearer(reader.token, 'PATCH', `/api/organizations/${org}`, { description: 'API' }),
        403,
        'auth.token_scope',
      );
      refused(await bearer(writer.token, 'GET', `/api/organizations/${org}`), 403, 'auth.token_scope');
      refused(await bearer(reader.token, 'GET', '/api/applications'), 403, 'auth.token_scope');
      const scoped = await bearer(reader.token, 'GET', '/api/applications');
      assert.match(scoped.json().error.message, /applications:read/);
      const patched = await ok(
        await bearer(writer.token, 'PATCH', `/api/organizations/${org}`, { description: 'Обновлено через API' }),
      );
      assert.equal(patched.description, 'Обновлено через API');
      // the write token changes the organization's records: a status change by API
      const { application } = await insertApplication(t, owner, { status: 'submitted', organizationId: org });
      const withdrawn = await ok(
        await bearer(writer.token, 'POST', `/api/applications/${application.id}/withdraw`, {}),
      );
      assert.equal(withdrawn.status, 'withdrawn');
      // an address no route answers stays 404
      refused(await bearer(reader.token, 'GET', '/api/no-such-thing'), 404, 'route.not_found');
    });

    test('a token acts for its own organization only, not for the others its creator owns', async () => {
      const other = (await createOrganization(owner)).id;
      const token = (
        await issue(owner, org, [
          'organizations:read',
          'organizations:write',
          'applications:read',
          'applications:write',
        ])
      ).token;
      // the creator owns both; the token sees the other one as a stranger would (not admitted, so not at all)
      assert.equal((await ok(await owner.get(`/api/organizations/${other}`))).myOrgRole, 'owner');
      refused(await bearer(token, 'GET', `/api/organizations/${other}`), 404, 'organization.not_found');
      const patch = await bearer(token, 'PATCH', `/api/organizations/${other}`, { description: 'Чужая правка' });
      assert.ok([403, 404].includes(patch.statusCode), patch.body);
      assert.notEqual((await ok(await owner.get(`/api/organizations/${other}`))).description, 'Чужая правка');
      const listed = await ok(await bearer(token, 'GET', '/api/organizations'));
      assert.deepEqual(
        listed.items.map((o: { id: string }) => o.id),
        [org],
      );
      assert.equal(listed.total, 1);

      const { application: theirs } = await insertApplication(t, owner, { status: 'submitted', organizationId: other });
      const { application: ours } = await insertApplication(t, owner, { status: 'submitted', organizationId: org });
      refused(await bearer(token, 'GET', `/api/applications/${theirs.id}`), 404, 'application.not_found');
      refused(await bearer(token, 'POST', `/api/applications/${theirs.id}/withdraw`, {}), 404, 'application.not_found');
      assert.equal((await ok(await owner.get(`/api/applications/${theirs.id}`))).status, 'submitted');
      const applications = await ok(await bearer(token, 'GET', '/api/applications?limit=100'));
      const ids = applications.items.map((a: { id: string }) => a.id);
      assert.ok(ids.includes(ours.id));
      assert.ok(!ids.includes(theirs.id));
      assert.ok(applications.items.every((a: { organizationId: string }) => a.organizationId === org));
      // what a person does for themselves is not done by an organization's token
      refused(await bearer(token, 'POST', '/api/organizations', organizationBody()), 403, 'auth.token_session_only');
    });

    test('tokens and webhooks are managed with a session only: a bearer token is refused', async () => {
      const all = await issue(owner, org, ['organizations:read', 'organizations:write']);
      const session = 'auth.token_session_only';
      refused(await bearer(all.token, 'GET', `/api/auth/tokens?organizationId=${org}`), 403, session);
      refused(
        await bearer(all.token, 'POST', '/api/auth/tokens', { organizationId: org, name: 'x', scopes: ['files:read'] }),
        403,
        session,
      );
      refused(await bearer(all.token, 'DELETE', `/api/auth/tokens/${all.id}`), 403, session);
      refused(await bearer(all.token, 'GET', `/api/organizations/${org}/webhooks`), 403, session);
      refused(
        await bearer(all.token, 'POST', `/api/organizations/${org}/webhooks`, {
          url: 'https://example.ru/',
          events: [],
        }),
        403,
        session,
      );
      refused(await bearer(all.token, 'GET', '/api/auth/me'), 403, session);
      // a session cookie next to the token does not help: the Authorization header decides
      const withCookie = await owner.request('GET', `/api/auth/tokens?organizationId=${org}`, undefined, {
        authorization: `Bearer ${all.token}`,
      });
      refused(withCookie, 403, session);
    });

    test('a revoked, expired or unknown token answers 401 auth.token_invalid; revoking is audited', async () => {
      const revoked = await issue(owner, org, ['organizations:read']);
      await ok(await bearer(revoked.token, 'GET', `/api/organizations/${org}`));
      const answer = await ok(await owner.request('DELETE', `/api/auth/tokens/${revoked.id}`));
      assert.ok(answer.revokedAt);
      refused(await bearer(revoked.token, 'GET', `/api/organizations/${org}`), 401, 'auth.token_invalid');
      // revoking again changes nothing and writes no second audit row
      await ok(await owner.request('DELETE', `/api/auth/tokens/${revoked.id}`));
      const actions = await auditActions(org, 'api_token.revoked');
      assert.equal(actions.length, 1);

      const expiring = await issue(owner, org, ['organizations:read'], {
        expiresAt: new Date(clock.now().getTime() + 60 * MINUTE).toISOString(),
      });
      await ok(await bearer(expiring.token, 'GET', `/api/organizations/${org}`));
      clock.advance(61 * MINUTE);
      refused(await bearer(expiring.token, 'GET', `/api/organizations/${org}`), 401, 'auth.token_invalid');

      refused(await bearer(`klt_${'A'.repeat(43)}`, 'GET', `/api/organizations/${org}`), 401, 'auth.token_invalid');
      refused(await bearer('not-a-token', 'GET', '/api/health'), 401, 'auth.token_invalid');
      const basic = await t.app.inject({ method: 'GET', url: '/api/health', headers: { authorization: 'Basic eDp5' } });
      refused(basic, 401, 'auth.token_invalid');
    });

    // 401, not 403: the credential itself is dead (like a revoked one) and the integration needs a new token from a
    // current owner; a 403 would suggest that asking for another scope could help.
    test('a token stops working (401) once its creator is no longer an owner of the organization', async () => {
      const second = await signUp(t);
      const invitation = await ok(
        await owner.post(`/api/organizations/${org}/members`, { email: second.email, orgRole: 'owner' }),
        201,
      );
      await ok(await second.post(`/api/invitations/${invitation.id}/accept`));
      const theirs = await issue(second, org, ['organizations:read']);
      await ok(await bearer(theirs.token, 'GET', `/api/organizations/${org}`));
      await ok(await owner.request('DELETE', `/api/organizations/${org}/members/${second.userId}`));
      refused(await bearer(theirs.token, 'GET', `/api/organizations/${org}`), 401, 'auth.token_invalid');
    });

    test("a token never carries its creator's operator rights", async () => {
      const operator = await signUpAs(t, 'operator');
      const operatorsOrg = (await createOrganization(operator)).id;
      const token = await issue(operator, operatorsOrg, ['membership:read', 'organizations:read']);
      await ok(await operator.get('/api/membership/applications'));
      refused(await bearer(token.token, 'GET', '/api/membership/applications'), 403, 'auth.forbidden');
      // another organization the operator may see in the web app stays hidden from the token
      refused(await bearer(token.token, 'GET', `/api/organizations/${org}`), 404, 'organization.not_found');
    });

    test('the last use is recorded, at most once a minute', async () => {
      const token = await issue(owner, org, ['organizations:read']);
      const lastUsed = async () =>
        (await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, token.id)))[0].lastUsedAt?.toISOString();
      assert.equal(await lastUsed(), undefined);
      const first = clock.now().toISOString();
      await ok(await bearer(token.token, 'GET', `/api/organizations/${org}`));
      assert.equal(await lastUsed(), first);
      clock.advance(30_000);
      await ok(await bearer(token.token, 'GET', `/api/organizations/${org}`));
      assert.equal(await lastUsed(), first, 'not written again within the minute');
      clock.advance(31_000);
      await ok(await bearer(token.token, 'GET', `/api/organizations/${org}`));
      assert.equal(await lastUsed(), clock.now().toISOString());
      const listed = await ok(await owner.get(`/api/auth/tokens?organizationId=${org}`));
      assert.equal(listed.items.find((i: { id: string }) => i.id === token.id).lastUsedAt, clock.now().toISOString());
    });

    test('only owners manage tokens; bad input names the field', async () => {
      const member = await signUp(t);
      const invitation = await ok(
        await owner.post(`/api/organizations/${org}/members`, { email: member.email, orgRole: 'manager' }),
        201,
      );
      await ok(await member.post(`/api/invitations/${invitation.id}/accept`));
      const outsider = await signUp(t);
      const body = { organizationId: org, name: 'x', scopes: ['organizations:read'] };
      refused(await member.post('/api/auth/tokens', body), 403, 'auth.forbidden');
      refused(await outsider.post('/api/auth/tokens', body), 404, 'organization.not_found');
      refused(await member.get(`/api/auth/tokens?organizationId=${org}`), 403, 'auth.forbidden');
      refused(await outsider.get(`/api/auth/tokens?organizationId=${org}`), 404, 'organization.not_found');
      const token = await issue(owner, org, ['organizations:read']);
      refused(await outsider.request('DELETE', `/api/auth/tokens/${token.id}`), 404, 'token.not_found');
      refused(await member.request('DELETE', `/api/auth/tokens/${token.id}`), 403, 'auth.forbidden');
      await ok(await bearer(token.token, 'GET', `/api/organizations/${org}`));

      const bad = await owner.post('/api/auth/tokens', { ...body, scopes: ['organizations:admin'] });
      assert.equal(bad.statusCode, 400);
      assert.ok(bad.json().error.fields['scopes.0'], bad.body);
      const past = await owner.post('/api/auth/tokens', { ...body, expiresAt: '2020-01-01T00:00:00Z' });
      assert.equal(past.statusCode, 400);
      assert.ok(past.json().error.fields.expiresAt, past.body);
      const empty = await owner.post('/api/auth/tokens', { ...body, scopes: [] });
      assert.equal(empty.statusCode, 400);
      assert.ok(empty.json().error.fields.scopes, empty.body);
    });
  });

  describe('webhooks', () => {
    test('an owner adds a webhook, its secret shown once; other people can neither read nor change it', async () => {
      const created = await ok(
        await owner.post(`/api/organizations/${org}/webhooks`, {
          url: 'https://erp.example.ru/klaster',
          events: ['application.*', 'deal.created'],
        }),
        201,
      );
      assert.match(created.secret, /^whsec_/);
      const list = await ok(await owner.get(`/api/organizations/${org}/webhooks`));
      assert.ok(list.items.some((w: { id: string }) => w.id === created.id));
      assert.ok(!JSON.stringify(list).includes(created.secret), 'the secret is not shown again');
      assert.deepEqual(await auditActions(org, 'webhook.'), ['webhook.created']);

      const other = await signUp(t);
      const otherOrg = (await createOrganization(other)).id;
      const base = `/api/organizations/${org}/webhooks`;
      refused(await other.get(base), 404, 'organization.not_found');
      refused(await other.get(`${base}/deliveries`), 404, 'organization.not_found');
      refused(await other.post(base, { url: 'https://evil.example.ru/', events: [] }), 404, 'organization.not_found');
      refused(await other.post(`${base}/${created.id}/disable`), 404, 'organization.not_found');
      refused(await other.request('DELETE', `${base}/${created.id}`), 404, 'organization.not_found');
      // through the other organization's own address the webhook does not exist
      refused(
        await other.post(`/api/organizations/${otherOrg}/webhooks/${created.id}/disable`),
        404,
        'webhook.not_found',
      );
      refused(
        await other.request('DELETE', `/api/organizations/${otherOrg}/webhooks/${created.id}`),
        404,
        'webhook.not_found',
      );
      const operator = await signUpAs(t, 'operator');
      refused(await operator.get(base), 403, 'auth.forbidden');

      await ok(await owner.request('DELETE', `${base}/${created.id}`));
      const after = await ok(await owner.get(base));
      assert.ok(!after.items.some((w: { id: string }) => w.id === created.id));
      assert.deepEqual(await auditActions(org, 'webhook.'), ['webhook.created', 'webhook.deleted']);
    });

    test('private, loopback and link-local addresses are refused unless the installation allows them', async () => {
      const strict = await buildApp({
        config: { ...loadConfig({ DEMO_DATA: 'none', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' }) },
        database: t.database,
        clock,
      });
      await strict.ready();
      try {
        const login = await strict.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: owner.email, password: PASSWORD },
        });
        assert.equal(login.statusCode, 200, login.body);
        const headers = { cookie: sessionCookie(login), 'x-csrf-token': login.json().csrfToken };
        const post = (url: string) =>
          strict.inject({
            method: 'POST',
            url: `/api/organizations/${org}/webhooks`,
            headers,
            payload: { url, events: [] },
          });
        for (const url of [
          'http://127.0.0.1:8080/',
          'http://localhost/hook',
          'http://10.1.2.3/',
          'http://192.168.0.10/',
          'http://172.20.0.1/',
          'http://169.254.169.254/latest/meta-data/',
          'http://[::1]/',
          'http://[::ffff:127.0.0.1]/',
          'http://2130706433/',
          'http://intranet/',
        ]) {
          const answer = await post(url);
          assert.equal(answer.statusCode, 400, `${url}: ${answer.body}`);
          assert.ok(answer.json().error.fields.url, answer.body);
        }
        for (const url of ['ftp://example.ru/', 'javascript:alert(1)', 'not a url', 'https://user:pw@example.ru/']) {
          const answer = await post(url);
          assert.equal(answer.statusCode, 400, `${url}: ${answer.body}`);
          assert.ok(answer.json().error.fields.url, answer.body);
        }
        assert.equal((await post('https://hooks.example.ru/klaster')).statusCode, 201);
      } finally {
        await strict.close();
      }
      // the test installation allows them
      await ok(await owner.post(`/api/organizations/${org}/webhooks`, { url: 'http://127.0.0.1:9/', events: [] }), 201);
      const unknownEvent = await owner.post(`/api/organizations/${org}/webhooks`, {
        url: 'https://hooks.example.ru/',
        events: ['application.*', 'salary.paid'],
      });
      assert.equal(unknownEvent.statusCode, 400);
      assert.ok(unknownEvent.json().error.fields['events.1'], unknownEvent.body);
    });

    test("a status change of the organization's record is posted once, signed, and logged", async () => {
      const company = await signUp(t);
      const companyOrg = (await createOrganization(company)).id;
      const target = await receiver();
      try {
        const webhook = await ok(
          await company.post(`/api/organizations/${companyOrg}/webhooks`, {
            url: target.url,
            events: ['application.*'],
          }),
          201,
        );
        const applicationId = await statusChange(company, companyOrg);
        const [queued] = await t.database.db
          .select()
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.webhookId, webhook.id));
        assert.equal(queued.status, 'pending');
        assert.equal(queued.event, 'application.status');

        assert.deepEqual(await deliverer().deliverDue(), { delivered: 1, failed: 0 });
        assert.deepEqual(await deliverer().deliverDue(), { delivered: 0, failed: 0 }, 'delivered once');
        assert.equal(target.received.length, 1);
        const [{ headers, body }] = target.received;
        assert.equal(headers['content-type'], 'application/json');
        assert.equal(headers['x-klaster-event'], 'application.status');
        assert.equal(headers['x-klaster-delivery'], queued.eventId);
        const timestamp = headers['x-klaster-timestamp'] as string;
        assert.equal(timestamp, String(Math.floor(clock.now().getTime() / 1000)));
        assert.ok(
          verifyWebhookSignature(webhook.secret, timestamp, body, headers['x-klaster-signature'] as string),
          'the receiver verifies the HMAC with the secret it was shown',
        );
        assert.ok(!verifyWebhookSignature('whsec_wrong', timestamp, body, headers['x-klaster-signature'] as string));
        const payload = JSON.parse(body);
        assert.equal(payload.id, queued.eventId);
        assert.equal(payload.event, 'application.status');
        assert.equal(payload.organizationId, companyOrg);
        assert.equal(payload.occurredAt, clock.now().toISOString());
        assert.equal(payload.data.link, `/applications/${applicationId}`);
        assert.match(payload.data.title, /Заявка/);

        const log = await ok(await company.get(`/api/organizations/${companyOrg}/webhooks/deliveries`));
        assert.equal(log.total, 1);
        assert.equal(log.items[0].status, 'delivered');
        assert.equal(log.items[0].attempts, 1);
        assert.equal(log.items[0].responseStatus, 204);
        assert.deepEqual(
          log.items[0].attemptLog.map((a: { status: number }) => a.status),
          [204],
        );
      } finally {
        await target.close();
      }
    });

    test('a failing receiver is retried with backoff, every attempt logged, and the delivery fails after the last', async () => {
      const company = await signUp(t);
      const companyOrg = (await createOrganization(company)).id;
      // answers 503 to the first two calls, then 204
      const flaky = await receiver({ failFirst: 2 });
      // never answers 2xx
      const broken = await receiver({ failFirst: 1000 });
      try {
        const flakyHook = await ok(
          await company.post(`/api/organizations/${companyOrg}/webhooks`, { url: flaky.url, events: [] }),
          201,
        );
        const brokenHook = await ok(
          await company.post(`/api/organizations/${companyOrg}/webhooks`, {
            url: broken.url,
            events: ['application.status'],
          }),
          201,
        );
        await statusChange(company, companyOrg);
        const job = deliverer();
        assert.deepEqual(await job.deliverDue(), { delivered: 0, failed: 2 });
        const logOf = async (webhookId: string) => {
          const page = await ok(
            await company.get(`/api/organizations/${companyOrg}/webhooks/deliveries?webhookId=${webhookId}`),
          );
          assert.equal(page.total, 1);
          return page.items[0];
        };
        let flakyLog = await logOf(flakyHook.id);
        assert.equal(flakyLog.status, 'pending');
        assert.equal(flakyLog.attempts, 1);
        assert.equal(flakyLog.responseStatus, 503);
        assert.equal(flakyLog.lastError, 'HTTP 503');
        assert.equal(flakyLog.nextAttemptAt, new Date(clock.now().getTime() + RETRY_DELAYS_MS[0]).toISOString());

        // not before the wait is over
        clock.advance(RETRY_DELAYS_MS[0] - 1000);
        assert.deepEqual(await job.deliverDue(), { delivered: 0, failed: 0 });
        clock.advance(1000);
        assert.deepEqual(await job.deliverDue(), { delivered: 0, failed: 2 });
        clock.advance(RETRY_DELAYS_MS[1]);
        assert.deepEqual(await job.deliverDue(), { delivered: 1, failed: 1 });
        flakyLog = await logOf(flakyHook.id);
        assert.equal(flakyLog.status, 'delivered');
        assert.equal(flakyLog.attempts, 3);
        assert.equal(flakyLog.lastError, null);
        assert.deepEqual(
          flakyLog.attemptLog.map((a: { status: number }) => a.status),
          [503, 503, 204],
        );
        assert.equal(flaky.received.length, 3);
        // the same event id on every retry, so the receiver can drop a repeat
        assert.equal(new Set(flaky.received.map((r) => r.headers['x-klaster-delivery'])).size, 1);

        // the broken one: the remaining waits, then failed for good
        for (const wait of RETRY_DELAYS_MS.slice(2)) {
          clock.advance(wait);
          assert.deepEqual(await job.deliverDue(), { delivered: 0, failed: 1 });
        }
        const brokenLog = await logOf(brokenHook.id);
        assert.equal(brokenLog.status, 'failed');
        assert.equal(brokenLog.attempts, MAX_ATTEMPTS);
        assert.equal(brokenLog.nextAttemptAt, null);
        assert.equal(brokenLog.attemptLog.length, MAX_ATTEMPTS);
        clock.advance(24 * 60 * MINUTE);
        assert.deepEqual(await job.deliverDue(), { delivered: 0, failed: 0 }, 'a failed delivery is not tried again');
        assert.equal(broken.received.length, MAX_ATTEMPTS);

        // the owner sends both again by hand: each is due at once, with the same event id, one more attempt
        const base = `/api/organizations/${companyOrg}/webhooks/deliveries`;
        const again = await ok(await company.post(`${base}/${brokenLog.id}/redeliver`));
        assert.equal(again.status, 'pending');
        assert.equal(again.nextAttemptAt, clock.now().toISOString());
        refused(await company.post(`${base}/${brokenLog.id}/redeliver`), 409, 'webhook.delivery_pending');
        await ok(await company.post(`${base}/${flakyLog.id}/redeliver`));
        // another organization's owner does not know the delivery exists
        refused(
          await owner.post(`/api/organizations/${org}/webhooks/deliveries/${brokenLog.id}/redeliver`),
          404,
          'webhook.delivery_not_found',
        );
        assert.deepEqual(await job.deliverDue(), { delivered: 1, failed: 1 });
        const brokenAgain = await logOf(brokenHook.id);
        assert.equal(brokenAgain.status, 'failed', 'past the last wait, a failed repeat fails for good at once');
        assert.equal(brokenAgain.attemptLog.length, MAX_ATTEMPTS + 1);
        assert.equal(broken.received.length, MAX_ATTEMPTS + 1);
        assert.equal((await logOf(flakyHook.id)).status, 'delivered');
        assert.equal(flaky.received.length, 4);
        assert.equal(new Set(flaky.received.map((r) => r.headers['x-klaster-delivery'])).size, 1);
        assert.equal((await auditActions(companyOrg, 'webhook.redelivered')).length, 2);
      } finally {
        await flaky.close();
        await broken.close();
      }
    });

    test('an unreachable receiver is logged with the error text', async () => {
      const company = await signUp(t);
      const companyOrg = (await createOrganization(company)).id;
      const gone = await receiver();
      await gone.close(); // nothing listens there any more
      await ok(await company.post(`/api/organizations/${companyOrg}/webhooks`, { url: gone.url, events: [] }), 201);
      await statusChange(company, companyOrg);
      assert.deepEqual(await deliverer().deliverDue(), { delivered: 0, failed: 1 });
      const [item] = (await deliveriesOf(company, companyOrg)).items;
      assert.equal(item.status, 'pending');
      assert.equal(item.responseStatus, null);
      assert.match(item.lastError, /ECONNREFUSED/);
    });

    test('disabled and unsubscribed webhooks get nothing; enabled again, waiting deliveries go out', async () => {
      const company = await signUp(t);
      const companyOrg = (await createOrganization(company)).id;
      const target = await receiver();
      try {
        const base = `/api/organizations/${companyOrg}/webhooks`;
        const paused = await ok(await company.post(base, { url: target.url, events: [] }), 201);
        const deals = await ok(await company.post(base, { url: target.url, events: ['deal.*'] }), 201);
        // an event while enabled, then paused before it goes out
        await statusChange(company, companyOrg);
        const disabled = await ok(await company.post(`${base}/${paused.id}/disable`));
        assert.ok(disabled.disabledAt);
        await statusChange(company, companyOrg);
        assert.deepEqual(await deliverer().deliverDue(), { delivered: 0, failed: 0 });
        assert.equal(target.received.length, 0);
        assert.equal((await deliveriesOf(company, companyOrg)).total, 1, 'one event queued while enabled, none after');
        assert.equal(
          (await ok(await company.get(`${base}/deliveries?webhookId=${deals.id}`))).total,
          0,
          'not subscribed to applications',
        );
        await ok(await company.post(`${base}/${paused.id}/enable`));
        assert.deepEqual(await deliverer().deliverDue(), { delivered: 1, failed: 0 });
        assert.equal(target.received.length, 1);
        assert.deepEqual(await auditActions(companyOrg, 'webhook.'), [
          'webhook.created',
          'webhook.created',
          'webhook.disabled',
          'webhook.enabled',
        ]);
      } finally {
        await target.close();
      }
    });

    test('two workers at once never post a delivery twice', async () => {
      const company = await signUp(t);
      const companyOrg = (await createOrganization(company)).id;
      const slow = await receiver({ delayMs: 150 });
      try {
        await ok(await company.post(`/api/organizations/${companyOrg}/webhooks`, { url: slow.url, events: [] }), 201);
        for (let i = 0; i < 5; i++) await statusChange(company, companyOrg);
        const [a, b] = await Promise.all([deliverer().deliverDue(), deliverer().deliverDue()]);
        assert.equal(a.delivered + b.delivered, 5);
        assert.equal(slow.received.length, 5);
        assert.equal(new Set(slow.received.map((r) => r.headers['x-klaster-delivery'])).size, 5);
        assert.deepEqual(await deliverer().deliverDue(), { delivered: 0, failed: 0 });
      } finally {
        await slow.close();
      }
    });

    test('the delivery log is paginated, newest first', async () => {
      const company = await signUp(t);
      const companyOrg = (await createOrganization(company)).id;
      await ok(
        await company.post(`/api/organizations/${companyOrg}/webhooks`, { url: 'http://127.0.0.1:9/', events: [] }),
        201,
      );
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push(await statusChange(company, companyOrg));
      const first = await ok(await company.get(`/api/organizations/${companyOrg}/webhooks/deliveries?limit=2`));
      assert.equal(first.total, 3);
      assert.deepEqual(
        first.items.map((d: { payload: { data: { link: string } } }) => d.payload.data.link),
        [`/applications/${ids[2]}`, `/applications/${ids[1]}`],
      );
      const second = await ok(
        await company.get(`/api/organizations/${companyOrg}/webhooks/deliveries?limit=2&offset=2`),
      );
      assert.equal(second.items.length, 1);
      assert.equal(second.items[0].payload.data.link, `/applications/${ids[0]}`);
    });
  });
});
