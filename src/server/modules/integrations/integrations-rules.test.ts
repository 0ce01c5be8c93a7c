// The pure rules of integrations, by table: which scope a route needs, which events a webhook wants, when a failed
// delivery is retried, how it is signed, and which URLs a webhook may have.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkTokenScope,
  isWebhookEventPattern,
  TOKEN_SCOPE_MODULES,
  TOKEN_SCOPES,
  webhookWantsEvent,
} from '../../../shared/integrations.ts';
import { bearerToken } from '../../http/api-token.ts';
import { MAX_ATTEMPTS, retryDelayMs, signWebhook, verifyWebhookSignature } from './webhook-delivery-rules.ts';
import { checkWebhookUrl, isNonPublicAddress } from './webhook-url.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('token scopes', () => {
  test('a read and a write scope per module, and no module shares a route tag with another', () => {
    assert.equal(TOKEN_SCOPES.length, Object.keys(TOKEN_SCOPE_MODULES).length * 2);
    const tags = Object.values(TOKEN_SCOPE_MODULES).flat();
    assert.equal(new Set(tags).size, tags.length);
    for (const excluded of ['auth', 'integrations', 'audit', 'exports', 'reviews', 'experts', 'system']) {
      assert.ok(!tags.includes(excluded as never), `${excluded} is for sessions only`);
    }
  });

  test('GET and HEAD need read, every other method write, of the route’s module', () => {
    // [scopes, tags, method, expected]
    const table: Array<[string[], string[] | undefined, string, string]> = [
      [['organizations:read'], ['organizations'], 'GET', 'allowed organizations:read'],
      [['organizations:read'], ['organizations'], 'HEAD', 'allowed organizations:read'],
      [['organizations:read'], ['organizations'], 'PATCH', 'scope organizations:write'],
      [['organizations:write'], ['organizations'], 'GET', 'scope organizations:read'],
      [['organizations:write'], ['organizations'], 'post', 'allowed organizations:write'],
      [['organizations:write'], ['organizations'], 'DELETE', 'allowed organizations:write'],
      [['organizations:read', 'organizations:write'], ['applications'], 'GET', 'scope applications:read'],
      [['membership:read'], ['registry'], 'GET', 'allowed membership:read'],
      [['investments:write'], ['investments'], 'PUT', 'allowed investments:write'],
      [TOKEN_SCOPES, ['integrations'], 'GET', 'session_only'],
      [TOKEN_SCOPES, ['auth'], 'GET', 'session_only'],
      [TOKEN_SCOPES, ['exports'], 'GET', 'session_only'],
      [TOKEN_SCOPES, ['audit'], 'GET', 'session_only'],
      [TOKEN_SCOPES, undefined, 'GET', 'session_only'],
      [[], ['files'], 'GET', 'scope files:read'],
    ];
    for (const [scopes, tags, method, expected] of table) {
      const check = checkTokenScope(scopes, tags, method);
      const got = check.allowed
        ? `allowed ${check.scope}`
        : check.reason === 'scope'
          ? `scope ${check.scope}`
          : check.reason;
      assert.equal(got, expected, `${scopes.join(',')} ${tags?.join(',')} ${method}`);
    }
  });

  test('the bearer header', () => {
    assert.equal(bearerToken('Bearer klt_abc'), 'klt_abc');
    assert.equal(bearerToken('bearer   klt_abc '), 'klt_abc');
    assert.equal(bearerToken('Basic eDp5'), undefined);
    assert.equal(bearerToken('Bearer'), undefined);
    assert.equal(bearerToken('Bearer a b'), undefined);
    assert.equal(bearerToken(undefined), undefined);
  });
});

describe('webhook events', () => {
  test('families, exact kinds, and none for everything', () => {
    const table: Array<[string[], string, boolean]> = [
      [[], 'application.status', true],
      [['application.*'], 'application.status', true],
      [['application.*'], 'application.report', true],
      [['application.status'], 'application.status', true],
      [['application.status'], 'application.report', false],
      [['deal.*'], 'application.status', false],
      [['deal.created', 'solution.*'], 'solution.shortlist', true],
      [['application.*'], 'applications.status', false],
    ];
    for (const [events, kind, expected] of table) {
      assert.equal(webhookWantsEvent(events, kind), expected, `${events.join(',')} ← ${kind}`);
    }
  });

  test('what a subscription may name', () => {
    for (const ok of ['application.*', 'deal.created', 'solution.shortlist', 'project.status']) {
      assert.ok(isWebhookEventPattern(ok), ok);
    }
    for (const bad of ['*', 'application', 'salary.paid', 'application.*.*', 'Application.status', '']) {
      assert.ok(!isWebhookEventPattern(bad), bad);
    }
  });
});

describe('webhook delivery', () => {
  test('retries after 1 min, 5 min, 30 min, 2 h and 12 h, then fails for good', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6].map(retryDelayMs), [
      MINUTE,
      5 * MINUTE,
      30 * MINUTE,
      2 * HOUR,
      12 * HOUR,
      null,
    ]);
    assert.equal(MAX_ATTEMPTS, 6);
    assert.equal(retryDelayMs(MAX_ATTEMPTS), null);
  });

  test('the signature is the HMAC-SHA256 of "<timestamp>.<body>", checked in constant time', () => {
    const body = '{"id":"1","event":"application.status"}';
    // computed independently: printf '1700000000.%s' "$body" | openssl dgst -sha256 -hmac whsec_test
    assert.equal(
      signWebhook('whsec_test', '1700000000', body),
      'sha256=fb57b2b24761965b7e99757ce7d1ba675e7936b8be722eef69dca322c85dca80',
    );
    assert.match(signWebhook('whsec_test', '1700000000', body), /^sha256=[0-9a-f]{64}$/);
    const signature = signWebhook('whsec_test', '1700000000', body);
    assert.ok(verifyWebhookSignature('whsec_test', '1700000000', body, signature));
    assert.ok(!verifyWebhookSignature('whsec_other', '1700000000', body, signature));
    assert.ok(!verifyWebhookSignature('whsec_test', '1700000001', body, signature), 'the timestamp is signed');
    assert.ok(!verifyWebhookSignature('whsec_test', '1700000000', `${body} `, signature));
    assert.ok(!verifyWebhookSignature('whsec_test', '1700000000', body, 'sha256=00'));
  });
});

describe('webhook URLs', () => {
  test('non-public addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
    ]) {
      assert.ok(isNonPublicAddress(address), address);
    }
    for (const address of ['8.8.8.8', '77.88.8.8', '172.32.0.1', '2a02:6b8::1', 'example.ru']) {
      assert.ok(!isNonPublicAddress(address), address);
    }
  });

  test('what a webhook URL may be, with and without private addresses allowed', () => {
    const table: Array<[string, string | undefined, string | undefined]> = [
      // [url, problem when strict, problem when private addresses are allowed]
      ['https://hooks.example.ru/klaster', undefined, undefined],
      ['http://hooks.example.ru:8080/x?y=1', undefined, undefined],
      ['http://127.0.0.1:3000/', 'private', undefined],
      ['http://[::1]/', 'private', undefined],
      ['http://0x7f.1/', 'private', undefined],
      ['http://localhost/', 'private', undefined],
      ['http://api.localhost/', 'private', undefined],
      ['http://printer.local/', 'private', undefined],
      ['http://intranet/', 'private', undefined],
      ['http://169.254.169.254/latest/meta-data/', 'private', undefined],
      ['ftp://hooks.example.ru/', 'scheme', 'scheme'],
      ['file:///etc/passwd', 'scheme', 'scheme'],
      ['hooks.example.ru', 'scheme', 'scheme'],
      ['https://user:secret@hooks.example.ru/', 'credentials', 'credentials'],
    ];
    for (const [url, strict, allowed] of table) {
      assert.equal(checkWebhookUrl(url, false), strict, `${url} strict`);
      assert.equal(checkWebhookUrl(url, true), allowed, `${url} allowed`);
    }
  });
});
