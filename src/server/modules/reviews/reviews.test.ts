import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { insertApplication } from '../../../../test/application-factory.ts';
import { type Client, createOrganization, signUp, signUpAs } from '../../../../test/factories.ts';
import { insertProject } from '../../../../test/project-factory.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { applications } from '../../db/schema/applications.ts';
import { users } from '../../db/schema/auth.ts';
import { notifications } from '../../db/schema/notifications.ts';

describe('expert review', () => {
  let t: TestApp;
  let operator: Client;
  before(async () => {
    t = await createTestApp();
    operator = await signUpAs(t, 'operator');
  });
  after(() => t.close());

  /** A fresh user appointed to the pool through the API. */
  async function appointExpert(expertise: string[] = ['ai']) {
    const person = await signUp(t);
    const response = await operator.post('/api/experts', { userId: person.userId, expertise });
    assert.equal(response.statusCode, 201, response.body);
    return { client: person, expertId: response.json().id as string };
  }

  async function assign(applicationId: string, body: unknown) {
    return operator.post(`/api/applications/${applicationId}/assign-experts`, body);
  }

  const fullScores = (team: number, novelty: number, plan: number) => ({
    scores: [
      { criterion: 'team', score: team, comment: 'Сильная команда' },
      { criterion: 'novelty', score: novelty, comment: 'Есть патент' },
      { criterion: 'plan', score: plan, comment: 'План реалистичен' },
    ],
    recommendation: 'support',
  });

  test('the operator appoints a user to the pool; the role becomes expert; a second appointment is 409', async () => {
    const person = await signUp(t);
    const appointed = await operator.post('/api/experts', { userId: person.userId, expertise: ['ai', 'drones'] });
    assert.equal(appointed.statusCode, 201, appointed.body);
    const [row] = await t.database.db.select({ role: users.role }).from(users).where(eq(users.id, person.userId));
    assert.equal(row.role, 'expert');
    const again = await operator.post('/api/experts', { userId: person.userId, expertise: ['ai'] });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'expert.duplicate');
    const pool = await operator.get('/api/experts');
    assert.equal(pool.statusCode, 200, pool.body);
    const mine = pool.json().items.find((e: { id: string }) => e.id === appointed.json().id);
    assert.deepEqual([mine.expertise, mine.openReviews], [['ai', 'drones'], 0]);
    // only the operator manages the pool
    assert.equal((await person.get('/api/experts')).statusCode, 403);
    assert.equal((await person.post('/api/experts', { userId: person.userId, expertise: ['ai'] })).statusCode, 403);
    const unknown = await operator.post('/api/experts', {
      userId: '00000000-0000-4000-8000-000000000000',
      expertise: ['ai'],
    });
    assert.equal(unknown.statusCode, 404);
  });

  test('manual assignment moves the application to under_review, notifies the experts and keeps the quota', async () => {
    const owner = await signUp(t);
    const { application } = await insertApplication(t, owner);
    const a = await appointExpert();
    const b = await appointExpert();
    const c = await appointExpert();
    const assigned = await assign(application.id, { expertIds: [a.expertId, b.expertId] });
    assert.equal(assigned.statusCode, 200, assigned.body);
    assert.deepEqual(
      assigned
        .json()
        .reviews.map((r: { expertId: string }) => r.expertId)
        .sort(),
      [a.expertId, b.expertId].sort(),
    );
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, application.id));
    assert.equal(row.status, 'under_review');
    const bell = (await a.client.get('/api/notifications')).json();
    assert.ok(bell.items.some((n: { kind: string }) => n.kind === 'review.assigned'));
    // the measure wants 2 experts: a third is refused while both reviews are open
    const third = await assign(application.id, { expertIds: [c.expertId] });
    assert.equal(third.statusCode, 409);
    assert.equal(third.json().error.code, 'review.too_many_experts');
    const twice = await assign(application.id, { auto: true });
    assert.equal(twice.statusCode, 409);
    // not in a status open to review
    const { application: draft } = await insertApplication(t, owner, { status: 'draft' });
    const refused = await assign(draft.id, { expertIds: [c.expertId] });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'review.application_status');
    // only the operator assigns
    assert.equal(
      (await a.client.post(`/api/applications/${application.id}/assign-experts`, { auto: true })).statusCode,
      403,
    );
    // both or neither: a body with both forms is refused by the schema
    assert.equal((await assign(application.id, { auto: true, expertIds: [c.expertId] })).statusCode, 400);
  });

  test('an expert who is a member of the applicant organization is refused, naming the expert', async () => {
    const owner = await signUp(t);
    const insider = await appointExpert();
    // the expert's own organization applies
    const { application } = await insertApplication(t, insider.client);
    const refused = await assign(application.id, { expertIds: [insider.expertId] });
    assert.equal(refused.statusCode, 409);
    const { error } = refused.json();
    assert.equal(error.code, 'review.conflict_of_interest');
    assert.match(error.message, /Тестовый Пользователь/);
    assert.equal(error.details.expertId, insider.expertId);
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, application.id));
    assert.equal(row.status, 'registered', 'nothing changed');
    // auto never picks them either
    const outsider = await appointExpert(['quantum']);
    void owner;
    const auto = await assign(application.id, { auto: true });
    assert.equal(auto.statusCode, 200, auto.body);
    const picked = auto.json().reviews.map((r: { expertId: string }) => r.expertId);
    assert.ok(!picked.includes(insider.expertId));
    assert.ok(picked.length >= 1);
    void outsider;
  });

  test('an expert from a confirmed partner of the applicant in a project is refused; an invited-only one is not', async () => {
    const owner = await signUp(t);
    const { application, organizationId: applicantId } = await insertApplication(t, owner);
    // the expert belongs to an organization that confirmed its part in a project the applicant leads
    const confirmed = await appointExpert();
    const confirmedOrg = await createOrganization(confirmed.client);
    const invited = await appointExpert();
    const invitedOrg = await createOrganization(invited.client);
    await insertProject(t, {
      leadOrganizationId: applicantId,
      authorId: owner.userId,
      partners: [
        { organizationId: confirmedOrg.id, status: 'confirmed' },
        { organizationId: invitedOrg.id, status: 'invited' },
      ],
      confirmedParticipants: 2,
    });
    const refused = await assign(application.id, { expertIds: [confirmed.expertId] });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().error.code, 'review.conflict_of_interest');
    assert.equal(refused.json().error.details.expertId, confirmed.expertId);
    const accepted = await assign(application.id, { expertIds: [invited.expertId] });
    assert.equal(accepted.statusCode, 200, accepted.body);

    // the other way round: the applicant confirmed its part in a project another organization leads, beside a
    // third confirmed partner — the lead's and that partner's people are linked too
    const second = await signUp(t);
    const { application: next, organizationId: partnerApplicantId } = await insertApplication(t, second);
    const leadExpert = await appointExpert();
    const leadOrg = await createOrganization(leadExpert.client);
    const sideExpert = await appointExpert();
    const sideOrg = await createOrganization(sideExpert.client);
    await insertProject(t, {
      leadOrganizationId: leadOrg.id,
      authorId: leadExpert.client.userId,
      status: 'implemented',
      partners: [
        { organizationId: partnerApplicantId, status: 'confirmed' },
        { organizationId: sideOrg.id, status: 'confirmed' },
      ],
      confirmedParticipants: 3,
    });
    for (const expert of [leadExpert, sideExpert]) {
      const conflicted = await assign(next.id, { expertIds: [expert.expertId] });
      assert.equal(conflicted.statusCode, 409, conflicted.body);
      assert.equal(conflicted.json().error.code, 'review.conflict_of_interest');
    }
    // auto assignment leaves them out as well
    const auto = await assign(next.id, { auto: true });
    assert.equal(auto.statusCode, 200, auto.body);
    const picked = auto.json().reviews.map((r: { expertId: string }) => r.expertId);
    assert.ok(!picked.includes(leadExpert.expertId) && !picked.includes(sideExpert.expertId));
  });

  test('auto assignment picks the matching experts with the lowest load', async () => {
    const owner = await signUp(t);
    const area = 'biotech';
    const busy = await appointExpert([area]);
    const idle1 = await appointExpert([area, 'ai']);
    const idle2 = await appointExpert([area]);
    const offTopic = await appointExpert(['space']);
    // give the busy expert two open reviews
    for (let i = 0; i < 2; i++) {
      const { application } = await insertApplication(t, owner, { measure: { expertsPerApplication: 1 } });
      assert.equal((await assign(application.id, { expertIds: [busy.expertId] })).statusCode, 200);
    }
    const pool = (await operator.get('/api/experts')).json().items;
    assert.equal(pool.find((e: { id: string }) => e.id === busy.expertId).openReviews, 2);
    const { application } = await insertApplication(t, owner, { organization: { technologies: [area] } });
    const auto = await assign(application.id, { auto: true });
    assert.equal(auto.statusCode, 200, auto.body);
    const picked = auto
      .json()
      .reviews.map((r: { expertId: string }) => r.expertId)
      .sort();
    assert.deepEqual(picked, [idle1.expertId, idle2.expertId].sort());
    assert.ok(!picked.includes(offTopic.expertId));
  });

  test('the expert declares, then sees the answers, scores once, and finds it under done', async () => {
    const owner = await signUp(t);
    const { application } = await insertApplication(t, owner, { answers: { summary: 'Секретный план' } });
    const expert = await appointExpert();
    const stranger = await appointExpert();
    const [review] = (await assign(application.id, { expertIds: [expert.expertId] })).json().reviews;

    const pending = (await expert.client.get('/api/reviews?state=pending')).json().items;
    assert.equal(pending.length, 1);
    assert.equal(pending[0].applicationNumber, application.number);
    assert.match(pending[0].measureTitle, /Грант/);
    assert.equal(pending[0].answers, null, 'no answers before the declaration');
    const early = (await expert.client.get(`/api/reviews/${review.id}`)).json();
    assert.equal(early.answers, null);
    assert.equal(early.documents, null);
    assert.equal(early.formFields, null, 'no form questions before the declaration');
    assert.equal(early.criteria.length, 3);
    const tooEarly = await expert.client.post(`/api/reviews/${review.id}/scores`, fullScores(8, 3, 4));
    assert.equal(tooEarly.statusCode, 409);
    assert.equal(tooEarly.json().error.code, 'review.declare_first');
    // the application's reviews stay closed before the declaration; another expert cannot open this review
    assert.equal((await expert.client.get(`/api/applications/${application.id}/reviews`)).statusCode, 403);
    assert.equal((await stranger.client.get(`/api/reviews/${review.id}`)).statusCode, 404);
    assert.equal(
      (await stranger.client.post(`/api/reviews/${review.id}/declare`, { noConflict: true })).statusCode,
      404,
    );

    const declared = await expert.client.post(`/api/reviews/${review.id}/declare`, { noConflict: true });
    assert.equal(declared.statusCode, 200, declared.body);
    assert.equal(declared.json().status, 'declared');
    const full = (await expert.client.get(`/api/reviews/${review.id}`)).json();
    assert.deepEqual(full.answers, { summary: 'Секретный план' });
    assert.deepEqual(full.documents, []);
    assert.deepEqual(full.formFields, [{ key: 'summary', label: 'Краткое описание проекта', type: 'text' }]);

    const bad = await expert.client.post(`/api/reviews/${review.id}/scores`, {
      scores: [
        { criterion: 'team', score: 11, comment: 'Сильная' },
        { criterion: 'team', score: 5, comment: 'Ещё раз' },
        { criterion: 'novelty', score: 3, comment: '   ' },
      ],
      recommendation: 'support',
    });
    assert.equal(bad.statusCode, 400);
    const fields = bad.json().error.fields;
    assert.match(fields['scores.0.score'], /от 0 до 10/);
    assert.ok(fields['scores.1.criterion']);
    assert.ok(fields['scores.2.comment']);
    assert.match(fields['scores.plan'], /План и риски/);

    const scored = await expert.client.post(`/api/reviews/${review.id}/scores`, fullScores(8, 3, 4));
    assert.equal(scored.statusCode, 200, scored.body);
    assert.equal(scored.json().status, 'submitted');
    const again = await expert.client.post(`/api/reviews/${review.id}/scores`, fullScores(10, 5, 10));
    assert.equal(again.statusCode, 409);

    assert.equal((await expert.client.get('/api/reviews?state=pending')).json().items.length, 0);
    const done = (await expert.client.get('/api/reviews?state=done')).json().items;
    assert.deepEqual(
      done.map((r: { id: string; status: string }) => [r.id, r.status]),
      [[review.id, 'submitted']],
    );
    const mine = (await expert.client.get(`/api/reviews/${review.id}`)).json();
    assert.equal(mine.weightedScore, 65);
    assert.equal(mine.recommendation, 'support');
  });

  test("a second expert's scores stay hidden until the first submits; the operator sees consensus and divergence", async () => {
    const owner = await signUp(t);
    const { application } = await insertApplication(t, owner);
    const first = await appointExpert();
    const second = await appointExpert();
    const assigned = (await assign(application.id, { expertIds: [first.expertId, second.expertId] })).json().reviews;
    const reviewOf = (expertId: string) => assigned.find((r: { expertId: string }) => r.expertId === expertId).id;
    const firstReview = reviewOf(first.expertId);
    const secondReview = reviewOf(second.expertId);
    for (const [client, id] of [
      [first.client, firstReview],
      [second.client, secondReview],
    ] as const) {
      assert.equal((await client.post(`/api/reviews/${id}/declare`, { noConflict: true })).statusCode, 200);
    }
    // the second expert scores high
    assert.equal(
      (await second.client.post(`/api/reviews/${secondReview}/scores`, fullScores(10, 5, 10))).statusCode,
      200,
    );

    const hidden = await first.client.get(`/api/applications/${application.id}/reviews`);
    assert.equal(hidden.statusCode, 200, hidden.body);
    const before = hidden.json();
    const othersBefore = before.reviews.find((r: { id: string }) => r.id === secondReview);
    assert.equal(othersBefore.scores, null);
    assert.equal(othersBefore.weightedScore, null);
    assert.equal(othersBefore.expertName, null);
    assert.equal(before.consensus, null);

    // the first scores low: 20 + 0.2... → (2·2/10 + 1·1/5 + 1·2/10)/4 = 0.2
    assert.equal((await first.client.post(`/api/reviews/${firstReview}/scores`, fullScores(2, 1, 2))).statusCode, 200);
    const after = (await first.client.get(`/api/applications/${application.id}/reviews`)).json();
    assert.equal(after.reviews.find((r: { id: string }) => r.id === secondReview).weightedScore, 100);
    assert.equal(after.consensus, 60);

    const view = await operator.get(`/api/applications/${application.id}/reviews`);
    assert.equal(view.statusCode, 200, view.body);
    const { consensus, spread, divergent, reviews } = view.json();
    assert.deepEqual([consensus, spread, divergent], [60, 80, true]);
    assert.equal(reviews.length, 2);
    assert.ok(reviews.every((r: { scores: unknown[]; expertName: string }) => r.scores.length === 3 && r.expertName));
    // an applicant sees none of it
    assert.equal((await owner.get(`/api/applications/${application.id}/reviews`)).statusCode, 403);
  });

  test('recusal needs a reason, closes the review and notifies the operator', async () => {
    const owner = await signUp(t);
    const { application } = await insertApplication(t, owner);
    const expert = await appointExpert();
    const [review] = (await assign(application.id, { expertIds: [expert.expertId] })).json().reviews;
    const noReason = await expert.client.post(`/api/reviews/${review.id}/declare`, { noConflict: false });
    assert.equal(noReason.statusCode, 400);
    assert.ok(noReason.json().error.fields.reason);
    const recused = await expert.client.post(`/api/reviews/${review.id}/declare`, {
      noConflict: false,
      reason: 'Консультировал заявителя в прошлом году',
    });
    assert.equal(recused.statusCode, 200, recused.body);
    assert.equal(recused.json().status, 'recused');
    const bell = await t.database.db.select().from(notifications).where(eq(notifications.userId, operator.userId));
    const note = bell.find((n) => n.kind === 'review.recused' && n.title.includes(application.number));
    assert.ok(note);
    assert.match(note.body, /Консультировал заявителя/);
    // a recused expert never sees the file and cannot declare afterwards
    const closed = (await expert.client.get(`/api/reviews/${review.id}`)).json();
    assert.equal(closed.answers, null);
    assert.equal(closed.formFields, null);
    assert.equal((await expert.client.post(`/api/reviews/${review.id}/declare`, { noConflict: true })).statusCode, 409);
    const done = (await expert.client.get('/api/reviews?state=done')).json().items;
    assert.deepEqual(
      done.map((r: { status: string }) => r.status),
      ['recused'],
    );
    // the recusal frees a place: another expert can be assigned
    const replacement = await appointExpert();
    assert.equal((await assign(application.id, { expertIds: [replacement.expertId] })).statusCode, 200);
  });
});
