import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { type Client, createOrganization, signUp, signUpAs } from '../../../../test/factories.ts';
import { insertRequest } from '../../../../test/request-factory.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { outboxEmails } from '../../db/schema/mail.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { organizationMembers, organizations } from '../../db/schema/organizations.ts';

describe('new requests matching an organization', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function organizationOf(owner: Client, technologies: string[], participant = true) {
    const { id } = await createOrganization(owner, { technologies });
    if (participant)
      await t.database.db
        .update(organizations)
        .set({ membershipStatus: 'participant', membershipKind: 'participant' })
        .where(eq(organizations.id, id));
    return id;
  }
  const matchingOf = (client: Client) =>
    t.database.db
      .select({
        title: notifications.title,
        body: notifications.body,
        link: notifications.link,
        category: notifications.category,
        digestPending: notifications.digestPending,
      })
      .from(notifications)
      .where(eq(notifications.userId, client.userId))
      .then((rows) => rows.filter((n) => n.category === 'matching_requests'));

  test('published: the matching participants hear of it with the reason; not others, nor the customer', async () => {
    const operator = await signUpAs(t, 'operator');
    const customer = await signUp(t);
    const matching = await signUp(t);
    const both = await signUp(t); // acts for the matching company and for the customer
    const unmatched = await signUp(t);
    const outsider = await signUp(t); // matching areas, but not a participant of the cluster
    const immediate = await signUp(t); // a matching company's owner who wants them at once

    const customerOrg = await organizationOf(customer, ['drones', 'ai']);
    const matchingOrg = await organizationOf(matching, ['ai', 'robotics', 'drones']);
    await t.database.db.insert(organizationMembers).values([
      { organizationId: matchingOrg, userId: both.userId, orgRole: 'member' },
      { organizationId: customerOrg, userId: both.userId, orgRole: 'member' },
    ]);
    await organizationOf(unmatched, ['fintech']);
    await organizationOf(outsider, ['ai'], false);
    await organizationOf(immediate, ['ai']);
    const put = await immediate.request('PUT', '/api/notifications/settings', {
      settings: { matching_requests: 'immediate' },
    });
    assert.equal(put.statusCode, 200, put.body);

    const { request } = await insertRequest(t, customer, { status: 'moderation', organizationId: customerOrg });
    const published = await operator.post(`/api/requests/${request.id}/publish`);
    assert.equal(published.statusCode, 200, published.body);

    const [told] = await matchingOf(matching);
    assert.ok(told, 'the matching company is told');
    assert.equal(told.link, `/requests/${request.id}`);
    assert.equal(told.digestPending, true, 'a daily digest by default');
    assert.match(told.title, /Мониторинг состояния теплотрасс/);
    assert.match(told.body, /Беспилотные системы, Искусственный интеллект\.$/, 'the shared areas are the reason');
    assert.ok(!told.body.includes('Робототехника'));

    const [toImmediate] = await matchingOf(immediate);
    assert.match(toImmediate.body, /Искусственный интеллект\.$/);
    const mails = await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.to, immediate.email));
    assert.equal(mails.filter((m) => m.subject === toImmediate.title).length, 1, 'e-mailed at once as chosen');
    const digestMails = await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.to, matching.email));
    assert.equal(digestMails.length, 0, 'the digest sends it later');

    for (const client of [customer, both, unmatched, outsider]) {
      assert.deepEqual(await matchingOf(client), [], client.email);
    }
  });
});
