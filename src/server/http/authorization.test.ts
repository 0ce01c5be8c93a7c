// Every route called as every role: guest, a user of another organization, the organization's owner, an operator.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, createOrganization, organizationBody, signUp, signUpAs, uniqueEmail } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

type Role = 'guest' | 'outsider' | 'owner' | 'operator';
const ROLES: Role[] = ['guest', 'outsider', 'owner', 'operator'];

describe('authorization matrix', () => {
  let t: TestApp;
  const clients = {} as Record<Exclude<Role, 'guest'>, Client>;
  let org: string;
  let application: string;

  before(async () => {
    t = await createTestApp();
    clients.outsider = await signUp(t);
    clients.owner = await signUp(t);
    clients.operator = await signUpAs(t, 'operator');
    await createOrganization(clients.outsider);
    org = (await createOrganization(clients.owner)).id;
    application = (await clients.owner.post(`/api/organizations/${org}/membership`, { kind: 'participant' })).json().id;
  });
  after(() => t.close());

  // [method, path, body, expected status for guest, outsider, owner, operator]
  const matrix = (): Array<[string, string, (() => unknown) | undefined, number[]]> => [
    ['GET', '/api/health', undefined, [200, 200, 200, 200]],
    ['GET', '/api/registry', undefined, [200, 200, 200, 200]],
    ['GET', '/api/auth/me', undefined, [401, 200, 200, 200]],
    ['GET', '/api/organizations', undefined, [401, 200, 200, 200]],
    ['POST', '/api/organizations', () => organizationBody(), [401, 201, 201, 201]],
    ['GET', `/api/organizations/${org}`, undefined, [404, 404, 200, 200]],
    ['PATCH', `/api/organizations/${org}`, () => ({ description: 'Обновлено' }), [401, 404, 200, 200]],
    ['GET', `/api/organizations/${org}/members`, undefined, [401, 404, 200, 200]],
    ['POST', `/api/organizations/${org}/members`, () => ({ email: uniqueEmail(), orgRole: 'member' }), [401, 404, 201, 403]],
    ['GET', `/api/organizations/${org}/membership`, undefined, [401, 404, 200, 200]],
    ['POST', `/api/organizations/${org}/membership`, () => ({ kind: 'participant' }), [401, 404, 409, 409]],
    ['GET', '/api/membership/applications', undefined, [401, 403, 403, 200]],
    ['GET', `/api/membership/applications/${application}`, undefined, [401, 404, 200, 200]],
    ['POST', `/api/membership/applications/${application}/review`, undefined, [401, 403, 403, 200]],
    ['GET', '/api/audit', undefined, [401, 403, 403, 200]],
    ['GET', '/api/invitations', undefined, [401, 200, 200, 200]],
    ['GET', '/api/dev/mailbox', undefined, [401, 403, 403, 200]],
  ];

  test('each route answers each role as the table says', async () => {
    const problems: string[] = [];
    for (const [method, url, body, expected] of matrix()) {
      for (const [i, role] of ROLES.entries()) {
        const payload = body?.();
        const response =
          role === 'guest'
            ? await t.app.inject({ method: method as 'GET', url, ...(payload ? { payload: payload as object } : {}) })
            : await clients[role].request(method, url, payload);
        if (response.statusCode !== expected[i]) {
          problems.push(`${method} ${url} as ${role}: ${response.statusCode}, expected ${expected[i]} ${response.body.slice(0, 120)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
