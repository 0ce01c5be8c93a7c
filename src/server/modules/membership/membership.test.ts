import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { REGISTRY_NUMBER_PATTERN } from '../../../shared/requisites.ts';
import { createOrganization, signUp, signUpAs } from '../../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';

describe('cluster membership', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('apply → review → approve gives a registry number, shows in the registry, and is audited', async () => {
    const owner = await signUp(t);
    const operator = await signUpAs(t, 'operator');
    const org = await createOrganization(owner, { shortName: 'ООО «Аэросъёмка Плюс»' });

    const applied = await owner.post(`/api/organizations/${org.id}/membership`, { kind: 'participant' });
    assert.equal(applied.statusCode, 201, applied.body);
    const application = applied.json();
    assert.equal(application.status, 'applied');

    const queue = await operator.get('/api/membership/applications?status=applied');
    assert.equal(queue.statusCode, 200, queue.body);
    assert.ok(queue.json().items.some((i: { id: string }) => i.id === application.id));

    const review = await operator.post(`/api/membership/applications/${application.id}/review`);
    assert.equal(review.statusCode, 200, review.body);
    const approve = await operator.post(`/api/membership/applications/${application.id}/decision`, {
      decision: 'approve',
      reason: 'Соответствует требованиям',
    });
    assert.equal(approve.statusCode, 200, approve.body);
    assert.equal(approve.json().status, 'participant');
    assert.match(approve.json().registryNumber, REGISTRY_NUMBER_PATTERN);

    const registry = await t.app.inject({ method: 'GET', url: `/api/registry?q=${encodeURIComponent('беспилотные аппараты')}` });
    assert.equal(registry.statusCode, 200, registry.body);
    assert.ok(registry.json().items.some((i: { id: string }) => i.id === org.id));

    const audit = await operator.get(`/api/audit?entity=membership_application&id=${application.id}`);
    const actions = audit.json().items.map((i: { action: string }) => i.action);
    assert.deepEqual(actions.sort(), ['membership.applied', 'membership.approve', 'membership.review'].sort());
  });
});
