import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc } from 'drizzle-orm';
import { signIn } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../shared/measures.ts';
import { applicationEvents, applicationReports, applications, reviews, tranches } from '../db/schema/applications.ts';
import { measures } from '../db/schema/measures.ts';
import { APPLICATION_EVENTS, nextApplicationStatus } from '../modules/applications/application-status.ts';
import { generateDemoApplications } from './demo-applications.ts';
import { demoArchivedMeasures, demoMeasures } from './demo-measures.ts';
import { generateDemoOrganizations } from './demo-organizations.ts';
import { DEMO_COMPANY_APPLICATIONS, DEMO_PASSWORD, generateSeedApplications, seedIfEmpty } from './seed.ts';

const NOW = new Date('2026-11-26T09:00:00Z');
const APPROVED_FAMILY = new Set(['approved', 'agreement_signed', 'disbursing', 'reporting', 'completed']);

function generate(orgCount: number, count: number) {
  const orgs = generateDemoOrganizations(orgCount);
  return generateDemoApplications({
    count,
    now: NOW,
    measures: demoMeasures(NOW).map((m) => ({
      ...m,
      reportCount: m.reportCount!,
      reportIntervalMonths: m.reportIntervalMonths!,
    })),
    applicants: orgs
      .filter((o) => o.membershipStatus === 'participant')
      .map((o) => ({ key: o.inn, facts: o, admittedAt: o.admittedAt, description: o.description })),
  });
}

describe('demo applications', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    assert.equal(await seedIfEmpty(t.database.db, 'small', { now: () => NOW }), true);
  });
  after(() => t.close());

  test('small demo: every status, budgets kept, paid within approved, timelines follow the state machine', async () => {
    const db = t.database.db;
    const apps = await db.select().from(applications);
    assert.ok(apps.length >= 60, `${apps.length} applications`);
    const byStatus = new Map<string, number>();
    for (const a of apps) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    for (const status of APPLICATION_STATUSES) assert.ok(byStatus.get(status), `no ${status} application`);

    const ms = await db.select().from(measures);
    for (const m of ms) {
      const approved = apps
        .filter((a) => a.measureId === m.id && APPROVED_FAMILY.has(a.status))
        .reduce((sum, a) => sum + (a.approvedAmountKopecks ?? 0n), 0n);
      assert.equal(m.committedKopecks, approved, `${m.code} commits exactly its approvals`);
      assert.ok(m.committedKopecks <= m.budgetKopecks, `${m.code} within budget`);
      if (m.status === 'draft')
        assert.equal(apps.filter((a) => a.measureId === m.id).length, 0, 'no applications to a draft');
    }

    const paidTranches = await db.select().from(tranches);
    for (const a of apps) {
      assert.ok(a.requestedAmountKopecks <= ms.find((m) => m.id === a.measureId)!.maxAmountKopecks, a.number);
      assert.ok(a.paidKopecks <= (a.approvedAmountKopecks ?? 0n), `${a.number} paid within approved`);
      const sum = paidTranches.filter((tr) => tr.applicationId === a.id).reduce((s, tr) => s + tr.amountKopecks, 0n);
      assert.equal(sum, a.paidKopecks, `${a.number} paid = its tranches`);
      assert.equal(APPROVED_FAMILY.has(a.status), a.approvedAmountKopecks !== null, `${a.number} approved amount`);
      if (a.status === 'reporting' || a.status === 'completed') assert.equal(a.paidKopecks, a.approvedAmountKopecks);
    }

    const events = await db
      .select()
      .from(applicationEvents)
      .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
    const timeline = new Map<string, ApplicationStatus[]>();
    for (const e of events) timeline.set(e.applicationId, [...(timeline.get(e.applicationId) ?? []), e.status]);
    for (const a of apps) {
      const steps = timeline.get(a.id) ?? [];
      assert.equal(steps[0], 'draft', `${a.number} starts as a draft`);
      for (let i = 1; i < steps.length; i++) {
        const allowed = APPLICATION_EVENTS.some((e) => nextApplicationStatus(steps[i - 1], e) === steps[i]);
        assert.ok(allowed, `${a.number}: ${steps[i - 1]} → ${steps[i]}`);
      }
      assert.equal(steps.at(-1), a.status, `${a.number} ends in its status`);
      assert.equal(a.version, steps.length);
      assert.ok(
        events.filter((e) => e.applicationId === a.id).every((e) => e.at <= NOW),
        'nothing in the future',
      );
    }

    const reports = await db.select().from(applicationReports);
    for (const a of apps.filter((x) => x.status === 'completed')) {
      assert.ok(
        reports.filter((r) => r.applicationId === a.id).every((r) => r.status === 'accepted'),
        a.number,
      );
    }
    for (const a of apps.filter((x) => x.status === 'reporting')) {
      const own = reports.filter((r) => r.applicationId === a.id);
      assert.ok(own.length > 0 && own.some((r) => r.status !== 'accepted'), `${a.number} has reports to file`);
    }
    assert.ok((await db.select().from(reviews)).length > 0, 'the demo expert has reviews');
  });

  test('the demo accounts see the data: operator queue, expert reviews, the company cabinet', async () => {
    const operator = await signIn(t, 'operator@klaster.demo', DEMO_PASSWORD);
    const list = (await operator.get('/api/applications?limit=5')).json();
    for (const status of APPLICATION_STATUSES) assert.ok(list.counts[status] > 0, status);

    const expert = await signIn(t, 'expert@klaster.demo', DEMO_PASSWORD);
    const pending = await expert.get('/api/reviews?state=pending');
    assert.equal(pending.statusCode, 200, pending.body);
    const done = (await expert.get('/api/reviews?state=done')).json();
    assert.ok(pending.json().items.length + done.items.length > 0);

    const company = await signIn(t, 'company@klaster.demo', DEMO_PASSWORD);
    const orgId = (await company.get('/api/auth/me')).json().organizations[0].id;
    const own = (await company.get(`/api/applications?organizationId=${orgId}`)).json();
    assert.deepEqual(own.items.map((i: { status: string }) => i.status).sort(), ['approved', 'draft']);
    const open = (await company.get('/api/measures?open=true&limit=50')).json();
    const applied = new Set(own.items.map((i: { measureId: string }) => i.measureId));
    const codes = new Set<string>(DEMO_COMPANY_APPLICATIONS.map((p) => p.measureCode));
    assert.ok(
      open.items.some((m: { id: string; code: string }) => !applied.has(m.id) && !codes.has(m.code)),
      'an open measure is left to apply to',
    );
  });

  test('the full set: deterministic, every status, budgets kept, some reports overdue', () => {
    const first = generate(10_000, 3_000);
    assert.equal(first.length, 3_000);
    assert.deepEqual(
      generate(10_000, 3_000).map((a) => [a.number, a.status, a.requestedAmountKopecks]),
      first.map((a) => [a.number, a.status, a.requestedAmountKopecks]),
    );
    for (const status of APPLICATION_STATUSES)
      assert.ok(
        first.some((a) => a.status === status),
        status,
      );
    const committed = new Map<string, bigint>();
    for (const a of first)
      committed.set(a.measureCode, (committed.get(a.measureCode) ?? 0n) + (a.approvedAmountKopecks ?? 0n));
    for (const m of demoMeasures(NOW)) assert.ok((committed.get(m.code) ?? 0n) <= m.budgetKopecks, m.code);
    const today = NOW.toISOString().slice(0, 10);
    assert.ok(
      first.some((a) => a.reports.some((r) => r.status === 'due' && r.dueOn < today)),
      'some reports overdue',
    );
  });
  test('the full set with the archived rounds: support paid near the reference 14.2 bn RUB, each file in its round', () => {
    const applicants = generateDemoOrganizations(10_000)
      .filter((o) => o.membershipStatus === 'participant')
      .map((o) => ({ key: o.inn, facts: o, admittedAt: o.admittedAt, description: o.description }));
    const apps = generateSeedApplications('full', NOW, applicants, []);
    const participants = new Set(applicants.filter((a) => a.facts.membershipKind === 'participant').map((a) => a.key));
    // the figure counts participants' support; partners' is shown apart
    const paid = apps.filter((a) => participants.has(a.organizationKey)).reduce((sum, a) => sum + a.paidKopecks, 0n);
    const billion = 1_000_000_000n * 100n;
    assert.ok(paid >= (141n * billion) / 10n && paid <= (143n * billion) / 10n, `paid ${paid / 100n} RUB`);
    assert.equal(new Set(apps.map((a) => a.number.slice(-6))).size, apps.length, 'numbers never repeat');

    const rounds = new Map(demoArchivedMeasures(NOW).map((m) => [m.code, m]));
    const archived = apps.filter((a) => rounds.has(a.measureCode));
    assert.ok(archived.length > 1_000, `${archived.length} archived files`);
    for (const a of archived) {
      const round = rounds.get(a.measureCode)!;
      assert.ok(['completed', 'rejected', 'withdrawn'].includes(a.status), `${a.number} decided`);
      if (a.submittedAt) assert.ok(a.submittedAt >= round.opensAt && a.submittedAt < round.closesAt, a.number);
    }
    const committed = new Map<string, bigint>();
    for (const a of archived)
      committed.set(a.measureCode, (committed.get(a.measureCode) ?? 0n) + (a.approvedAmountKopecks ?? 0n));
    for (const [code, round] of rounds) assert.ok((committed.get(code) ?? 0n) <= round.budgetKopecks, code);
  });
});
