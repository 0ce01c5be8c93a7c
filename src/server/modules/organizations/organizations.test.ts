import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  createOrganization,
  organizationBody,
  signUp,
  signUpAs,
  soleProprietorRequisites,
} from '../../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { outboxEmails } from '../../db/schema/mail.ts';
import { organizations } from '../../db/schema/organizations.ts';

describe('organizations', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('a legal entity registers; the creator is its owner', async () => {
    const owner = await signUp(t);
    const response = await owner.post('/api/organizations', organizationBody());
    assert.equal(response.statusCode, 201, response.body);
    const org = response.json();
    assert.equal(org.legalType, 'legal_entity');
    assert.equal(org.okvedSection, 'J');
    assert.equal(org.registryNumber, null);
    assert.equal(org.myOrgRole, 'owner');
    const me = (await owner.get('/api/auth/me')).json();
    assert.deepEqual(me.organizations, [{ id: org.id, orgRole: 'owner' }]);
  });

  test('a sole proprietor registers with a 12-digit INN and 15-digit OGRNIP and no KPP', async () => {
    const owner = await signUp(t);
    const requisites = soleProprietorRequisites();
    const response = await owner.post(
      '/api/organizations',
      organizationBody({
        ...requisites,
        kpp: undefined,
        legalForm: 'ИП',
        shortName: 'ИП Петров',
        fullName: 'Индивидуальный предприниматель Петров Пётр',
        smeCategory: 'micro',
      }),
    );
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().legalType, 'sole_proprietor');
    assert.equal(response.json().kpp, null);
  });

  test('wrong checksums answer 400 naming each field, and nothing is stored', async () => {
    const owner = await signUp(t);
    const body = organizationBody();
    const badInn = body.inn.slice(0, 9) + ((Number(body.inn[9]) + 1) % 10);
    const badOgrn = body.ogrn.slice(0, 12) + ((Number(body.ogrn[12]) + 1) % 10);
    const response = await owner.post('/api/organizations', { ...body, inn: badInn, ogrn: badOgrn, kpp: '12' });
    assert.equal(response.statusCode, 400);
    const { fields } = response.json().error;
    assert.match(fields.inn, /контрольной суммы/);
    assert.match(fields.ogrn, /контрольной суммы/);
    assert.ok(fields.kpp);
    const stored = await t.database.db.select().from(organizations).where(eq(organizations.inn, badInn));
    assert.equal(stored.length, 0);
  });

  test('a registered INN answers 409 with how to get access, and the access request reaches the owners', async () => {
    const owner = await signUp(t);
    const org = await createOrganization(owner);
    const newcomer = await signUp(t);
    const again = await newcomer.post('/api/organizations', organizationBody({ inn: org.inn }));
    assert.equal(again.statusCode, 409);
    const { error } = again.json();
    assert.equal(error.code, 'organization.inn_taken');
    assert.match(error.message, /Запросить доступ|пригласить/);
    assert.equal(error.details.organizationId, org.id);
    const ask = await newcomer.post(`/api/organizations/${org.id}/access-requests`, {
      message: 'Я финансовый директор',
    });
    assert.equal(ask.statusCode, 200);
    const mail = await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.to, owner.email));
    assert.ok(mail.some((m) => m.subject.includes('Запрос доступа') && m.body.includes(newcomer.email)));
    // and in the owner's bell, with a link to the organization; the newcomer's own bell stays empty
    const bell = (await owner.get('/api/notifications')).json();
    const asked = bell.items.find((n: { kind: string }) => n.kind === 'organization.access_requested');
    assert.ok(asked, JSON.stringify(bell.items));
    assert.match(asked.body, /Я финансовый директор/);
    assert.equal(asked.link, `/organizations/${org.id}`);
    assert.equal((await newcomer.get('/api/notifications')).json().unread, 0);
  });

  test('the owner invites by e-mail; the invitee accepts and becomes a member with that role', async () => {
    const owner = await signUp(t);
    const org = await createOrganization(owner);
    const invitee = await signUp(t);
    const invite = await owner.post(`/api/organizations/${org.id}/members`, {
      email: invitee.email,
      orgRole: 'manager',
    });
    assert.equal(invite.statusCode, 201, invite.body);
    const duplicate = await owner.post(`/api/organizations/${org.id}/members`, {
      email: invitee.email,
      orgRole: 'member',
    });
    assert.equal(duplicate.statusCode, 409);
    // already on the platform: the invitation is in the bell too (and e-mailed, the default for status messages)
    const bell = (await invitee.get('/api/notifications')).json();
    const invited = bell.items.find((n: { kind: string }) => n.kind === 'organization.invitation');
    assert.ok(invited, JSON.stringify(bell.items));
    assert.equal(invited.link, '/cabinet');
    const mail = await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.to, invitee.email));
    assert.equal(mail.filter((m) => m.subject.startsWith('Приглашение')).length, 1, 'one e-mail, not two');
    // someone not yet registered gets the e-mail alone
    const stranger = `stranger-${Date.now()}@example.ru`;
    await owner.post(`/api/organizations/${org.id}/members`, { email: stranger, orgRole: 'member' });
    const strangerMail = await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.to, stranger));
    assert.equal(strangerMail.length, 1);
    const pending = (await invitee.get('/api/invitations')).json().items;
    assert.equal(pending.length, 1);
    const accepted = await invitee.post(`/api/invitations/${pending[0].id}/accept`);
    assert.equal(accepted.statusCode, 200, accepted.body);
    const members = (await owner.get(`/api/organizations/${org.id}/members`)).json().members;
    assert.deepEqual(
      members.map((m: { email: string; orgRole: string }) => [m.email, m.orgRole]).sort(),
      [
        [invitee.email, 'manager'],
        [owner.email, 'owner'],
      ].sort(),
    );
    // a manager may edit the profile but may not invite an owner
    const edit = await invitee.patch(`/api/organizations/${org.id}`, { description: 'Новое описание' });
    assert.equal(edit.statusCode, 200, edit.body);
    const ownerInvite = await invitee.post(`/api/organizations/${org.id}/members`, {
      email: 'x@example.ru',
      orgRole: 'owner',
    });
    assert.equal(ownerInvite.statusCode, 403);
  });

  test("another organization's member can neither read the private profile nor change it", async () => {
    const owner = await signUp(t);
    const org = await createOrganization(owner);
    const stranger = await signUp(t);
    assert.equal((await stranger.get(`/api/organizations/${org.id}`)).statusCode, 404, 'not admitted: not public');
    assert.equal((await stranger.patch(`/api/organizations/${org.id}`, { description: 'взлом' })).statusCode, 404);
    assert.equal((await stranger.get(`/api/organizations/${org.id}/members`)).statusCode, 404);
    assert.equal(
      (await stranger.post(`/api/organizations/${org.id}/membership`, { kind: 'participant' })).statusCode,
      404,
    );
    const guest = await t.app.inject({ method: 'GET', url: `/api/organizations/${org.id}` });
    assert.equal(guest.statusCode, 404);
    const [row] = await t.database.db.select().from(organizations).where(eq(organizations.id, org.id));
    assert.notEqual(row.description, 'взлом');
    const list = (await stranger.get('/api/organizations')).json();
    assert.equal(list.total, 0, 'a user lists only their own organizations');
    const operator = await signUpAs(t, 'operator');
    assert.equal((await operator.get(`/api/organizations/${org.id}`)).json().annualRevenueKopecks, null);
  });

  test('a stale edit (old version) answers 409 and changes nothing', async () => {
    const owner = await signUp(t);
    const org = await createOrganization(owner);
    const first = await owner.patch(`/api/organizations/${org.id}`, { employees: 12, version: org.version });
    assert.equal(first.statusCode, 200);
    assert.equal(first.json().version, org.version + 1);
    const stale = await owner.patch(`/api/organizations/${org.id}`, { employees: 99, version: org.version });
    assert.equal(stale.statusCode, 409);
    assert.equal((await owner.get(`/api/organizations/${org.id}`)).json().employees, 12);
  });

  test('revenue is integer kopecks in a string, never a float', async () => {
    const owner = await signUp(t);
    const org = await createOrganization(owner, { annualRevenueKopecks: '123456789012345' });
    const read = (await owner.get(`/api/organizations/${org.id}`)).json();
    assert.equal(read.annualRevenueKopecks, '123456789012345');
    const float = await owner.patch(`/api/organizations/${org.id}`, { annualRevenueKopecks: '12.5' });
    assert.equal(float.statusCode, 400);
    assert.ok(float.json().error.fields.annualRevenueKopecks);
  });
});
