import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createOrganization, signUp, signUpAs } from '../../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { REGISTRY_NUMBER_PATTERN } from '../../../shared/requisites.ts';
import { outboxEmails } from '../../db/schema/mail.ts';

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

    const registry = await t.app.inject({
      method: 'GET',
      url: `/api/registry?q=${encodeURIComponent('беспилотные аппараты')}`,
    });
    assert.equal(registry.statusCode, 200, registry.body);
    assert.ok(registry.json().items.some((i: { id: string }) => i.id === org.id));

    const audit = await operator.get(`/api/audit?entity=membership_application&id=${application.id}`);
    const actions = audit.json().items.map((i: { action: string }) => i.action);
    assert.deepEqual(actions.sort(), ['membership.applied', 'membership.approve', 'membership.review'].sort());
  });

  async function appliedOrganization(overrides: Record<string, unknown> = {}, kind = 'participant') {
    const owner = await signUp(t);
    const org = await createOrganization(owner, overrides);
    const applied = await owner.post(`/api/organizations/${org.id}/membership`, { kind });
    assert.equal(applied.statusCode, 201, applied.body);
    return { owner, org, applicationId: applied.json().id as string };
  }

  test('only Moscow (region 77) may apply as participant; other regions apply as partners', async () => {
    const owner = await signUp(t);
    const org = await createOrganization(owner, { regionCode: '50', district: null });
    const refused = await owner.post(`/api/organizations/${org.id}/membership`, { kind: 'participant' });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().error.code, 'membership.region');
    assert.ok(refused.json().error.fields.kind);
    const partner = await owner.post(`/api/organizations/${org.id}/membership`, { kind: 'partner' });
    assert.equal(partner.statusCode, 201);
    const twice = await owner.post(`/api/organizations/${org.id}/membership`, { kind: 'partner' });
    assert.equal(twice.statusCode, 409, 'one open case per organization');
  });

  test('every decision needs a reason; a decision out of order is a 409', async () => {
    const operator = await signUpAs(t, 'operator');
    const { applicationId } = await appliedOrganization();
    const noReason = await operator.post(`/api/membership/applications/${applicationId}/decision`, {
      decision: 'reject',
      reason: '  ',
    });
    assert.equal(noReason.statusCode, 400);
    assert.ok(noReason.json().error.fields.reason);
    const tooEarly = await operator.post(`/api/membership/applications/${applicationId}/decision`, {
      decision: 'approve',
      reason: 'ok',
    });
    assert.equal(tooEarly.statusCode, 409);
    assert.equal(tooEarly.json().error.code, 'membership.transition');
  });

  test('two operators deciding at once: one succeeds, the other gets 409, one registry number', async () => {
    const [first, second] = [await signUpAs(t, 'operator'), await signUpAs(t, 'admin')];
    const { org, applicationId } = await appliedOrganization();
    await first.post(`/api/membership/applications/${applicationId}/review`);
    const results = await Promise.all([
      first.post(`/api/membership/applications/${applicationId}/decision`, { decision: 'approve', reason: 'Подходит' }),
      second.post(`/api/membership/applications/${applicationId}/decision`, {
        decision: 'reject',
        reason: 'Не подходит',
      }),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
    const detail = (await first.get(`/api/membership/applications/${applicationId}`)).json();
    const winner = results.find((r) => r.statusCode === 200)!.json();
    assert.equal(detail.status, winner.status);
    assert.equal(detail.timeline.length, 3, 'applied, under_review and exactly one decision');
    const orgNow = (await first.get(`/api/organizations/${org.id}`)).json();
    assert.equal(orgNow.membershipStatus, winner.status);
  });

  test('a stale version is refused even when the status still allows the decision', async () => {
    const operator = await signUpAs(t, 'operator');
    const { applicationId } = await appliedOrganization();
    const reviewed = (await operator.post(`/api/membership/applications/${applicationId}/review`)).json();
    const stale = await operator.post(`/api/membership/applications/${applicationId}/decision`, {
      decision: 'approve',
      reason: 'ok',
      version: reviewed.version - 1,
    });
    assert.equal(stale.statusCode, 409);
  });

  test('suspend hides from the registry, reinstate keeps the registry number, exclude is final', async () => {
    const operator = await signUpAs(t, 'operator');
    const { org, applicationId, owner } = await appliedOrganization({ shortName: 'ООО «Приостановка Тест»' });
    const decide = (decision: string) =>
      operator.post(`/api/membership/applications/${applicationId}/decision`, {
        decision,
        reason: `Причина: ${decision}`,
      });
    await operator.post(`/api/membership/applications/${applicationId}/review`);
    const number = (await decide('approve')).json().registryNumber;
    const inRegistry = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/registry?q=${org.inn}` })).json().items.length === 1;
    assert.equal(await inRegistry(), true);
    assert.equal((await decide('suspend')).statusCode, 200);
    assert.equal(await inRegistry(), false);
    const reinstated = await decide('reinstate');
    assert.equal(reinstated.json().registryNumber, number);
    assert.equal(await inRegistry(), true);
    assert.equal((await decide('exclude')).statusCode, 200);
    assert.equal(await inRegistry(), false);
    assert.equal((await decide('reinstate')).statusCode, 409);
    const current = (await owner.get(`/api/organizations/${org.id}/membership`)).json().application;
    assert.deepEqual(
      current.timeline.map((e: { status: string }) => e.status),
      ['applied', 'under_review', 'participant', 'suspended', 'participant', 'excluded'],
    );
    assert.equal(current.timeline.at(-1).reason, 'Причина: exclude');
    const audit = (await operator.get(`/api/audit?entity=membership_application&id=${applicationId}`)).json().items;
    const exclusion = audit.find((a: { action: string }) => a.action === 'membership.exclude');
    assert.equal(exclusion.reason, 'Причина: exclude');
    assert.equal(exclusion.actorId, operator.userId);
    assert.deepEqual(exclusion.before, { status: 'participant' });
  });

  test('only operators see the queue and decide; members see their own case only', async () => {
    const { owner, applicationId } = await appliedOrganization();
    const stranger = await signUp(t);
    assert.equal((await owner.get('/api/membership/applications')).statusCode, 403);
    assert.equal((await owner.post(`/api/membership/applications/${applicationId}/review`)).statusCode, 403);
    assert.equal((await owner.get(`/api/membership/applications/${applicationId}`)).statusCode, 200);
    assert.equal((await stranger.get(`/api/membership/applications/${applicationId}`)).statusCode, 404);
    assert.equal((await stranger.get('/api/audit')).statusCode, 403);
    const guest = await t.app.inject({ method: 'GET', url: '/api/membership/applications' });
    assert.equal(guest.statusCode, 401);
  });

  test('the approval e-mails the owners with the registry number', async () => {
    const operator = await signUpAs(t, 'operator');
    const { owner, applicationId } = await appliedOrganization();
    await operator.post(`/api/membership/applications/${applicationId}/review`);
    const number = (
      await operator.post(`/api/membership/applications/${applicationId}/decision`, {
        decision: 'approve',
        reason: 'Да',
      })
    ).json().registryNumber;
    const mail = await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.to, owner.email));
    assert.ok(mail.some((m) => m.body.includes(number)));
  });
});
