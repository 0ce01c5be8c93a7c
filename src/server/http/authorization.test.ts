// Every route called as every role: a guest, a user of another organization (outsider), the organization's owner,
// an expert of the pool (the one assigned to the reviews below) and an operator. The codes are the services' policy:
// 401 not signed in, 403 signed in without the right to a thing the user may know exists, 404 for another
// organization's records. A row that changes state gets a record of its own in the status the route needs, so the one
// role allowed to act succeeds and every other role is turned away before anything changes: each row is deterministic
// whatever the order of the rows and roles.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { attachDocument, insertApplication, insertMeasure } from '../../../test/application-factory.ts';
import {
  type Client,
  createOrganization,
  organizationBody,
  signUp,
  signUpAs,
  uniqueEmail,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { ApplicationStatus } from '../../shared/measures.ts';
import { applications } from '../db/schema/applications.ts';
import { PDF } from '../modules/files/file-samples.ts';

type Role = 'guest' | 'outsider' | 'owner' | 'expert' | 'operator';
const ROLES: Role[] = ['guest', 'outsider', 'owner', 'expert', 'operator'];

/** [method, url, body (made afresh for every call), expected status for guest, outsider, owner, expert, operator, headers] */
type Row = [
  string,
  string,
  (() => unknown) | undefined,
  [number, number, number, number, number],
  Record<string, string>?,
];

const DAY = 24 * 60 * 60 * 1000;
/** A measure window open now, whatever day the suite runs on. */
const openNow = () => ({ opensAt: new Date(Date.now() - 30 * DAY), closesAt: new Date(Date.now() + 30 * DAY) });

const BOUNDARY = '----klaster-authorization-matrix';
const MULTIPART = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
/** A PDF for the organization, as a browser's form sends it. */
const pdfUpload = (organizationId: string) =>
  Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="organizationId"\r\n\r\n${organizationId}\r\n`),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="plan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);

let sequence = 0;
const measureBody = () => ({
  code: `MATRIX-${process.pid}-${++sequence}`,
  title: 'Грант для проверки прав доступа',
  kind: 'grant',
  provider: 'Департамент предпринимательства и инновационного развития',
  description: 'Мера, которую создаёт таблица прав',
  maxAmountKopecks: '100000000',
  budgetKopecks: '1000000000',
  opensAt: new Date(Date.now() - DAY).toISOString(),
  closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
  eligibility: {},
  formFields: [{ key: 'summary', label: 'Краткое описание проекта', type: 'text', required: true }],
  criteria: [{ key: 'novelty', name: 'Новизна', weight: 1, maxScore: 10 }],
});

/** Scores for every criterion of the factory measures (DEFAULT_CRITERIA). */
const fullScores = () => ({
  scores: [
    { criterion: 'team', score: 8, comment: 'Сильная команда' },
    { criterion: 'novelty', score: 4, comment: 'Есть патент' },
    { criterion: 'plan', score: 7, comment: 'План реалистичен' },
  ],
  recommendation: 'support',
});

describe('authorization matrix', () => {
  let t: TestApp;
  const clients = {} as Record<Exclude<Role, 'guest'>, Client>;
  let org: string;
  let membershipApplication: string;
  let expertId: string;

  before(async () => {
    t = await createTestApp();
    clients.outsider = await signUp(t);
    clients.owner = await signUp(t);
    clients.expert = await signUpAs(t, 'expert');
    clients.operator = await signUpAs(t, 'operator');
    await createOrganization(clients.outsider);
    org = (await createOrganization(clients.owner)).id;
    membershipApplication = (
      await ok(await clients.owner.post(`/api/organizations/${org}/membership`, { kind: 'participant' }), 201)
    ).id;
    expertId = (
      await ok(
        await clients.operator.post('/api/experts', { userId: clients.expert.userId, expertise: ['ai', 'drones'] }),
        201,
      )
    ).id;
  });
  after(() => t.close());

  async function ok(response: LightMyRequestResponse, status = 200) {
    assert.equal(response.statusCode, status, response.body);
    return response.json();
  }

  async function check(rows: Row[]) {
    const problems: string[] = [];
    for (const [method, url, body, expected, headers] of rows) {
      for (const [i, role] of ROLES.entries()) {
        const payload = body?.();
        const response =
          role === 'guest'
            ? await t.app.inject({
                method: method as 'GET',
                url,
                ...(headers ? { headers } : {}),
                ...(payload === undefined ? {} : { payload: payload as object }),
              })
            : await clients[role].request(method, url, payload, headers);
        if (response.statusCode !== expected[i]) {
          problems.push(
            `${method} ${url} as ${role}: ${response.statusCode}, expected ${expected[i]} ${response.body.slice(0, 120)}`,
          );
        }
      }
    }
    assert.deepEqual(problems, []);
  }

  /** An application of the owner's organization in `status`, to a fresh measure open now (2 reports, 2 experts). */
  async function applicationIn(status: ApplicationStatus, values: Partial<typeof applications.$inferInsert> = {}) {
    const { application } = await insertApplication(t, clients.owner, {
      status,
      organizationId: org,
      measure: { ...openNow(), reportCount: 2, reportIntervalMonths: 6 },
    });
    if (Object.keys(values).length) {
      await t.database.db.update(applications).set(values).where(eq(applications.id, application.id));
    }
    return application.id;
  }

  /** An application whose agreement the owner signed through the API, with its report schedule. */
  async function signedApplication() {
    const id = await applicationIn('approved', { approvedAmountKopecks: 100_000_000n, decidedAt: new Date() });
    await ok(await clients.owner.post(`/api/applications/${id}/agreement`));
    const { reports } = await ok(await clients.owner.get(`/api/applications/${id}`));
    return { id, reports: reports.map((r: { id: string }) => r.id) as string[] };
  }

  /** A review on a fresh registered application, assigned by the operator (to the matrix expert unless told), declared when asked. */
  async function review(options: { expert?: string; declared?: boolean; fileId?: string } = {}) {
    const applicationId = await applicationIn('registered');
    if (options.fileId) await attachDocument(t, applicationId, options.fileId);
    const assigned = await ok(
      await clients.operator.post(`/api/applications/${applicationId}/assign-experts`, {
        expertIds: [options.expert ?? expertId],
      }),
    );
    const reviewId = assigned.reviews[0].id as string;
    if (options.declared) await ok(await clients.expert.post(`/api/reviews/${reviewId}/declare`, { noConflict: true }));
    return { applicationId, reviewId };
  }

  async function uploadPdf() {
    return (await ok(await clients.owner.request('POST', '/api/files', pdfUpload(org), MULTIPART), 201)).id as string;
  }

  test('platform, organizations and membership', async () => {
    const password = 'correct-horse-42';
    const returning = await signUp(t, uniqueEmail('returning'), password);
    // a member of the organization whom only its owner may remove
    const member = await signUp(t);
    const memberInvitation = await ok(
      await clients.owner.post(`/api/organizations/${org}/members`, { email: member.email, orgRole: 'member' }),
      201,
    );
    await ok(await member.post(`/api/invitations/${memberInvitation.id}/accept`));
    // an invitation for the outsider to a third organization: only its addressee accepts it
    const host = await signUp(t);
    const hostOrg = await createOrganization(host);
    const invitation = await ok(
      await host.post(`/api/organizations/${hostOrg.id}/members`, { email: clients.outsider.email, orgRole: 'member' }),
      201,
    );
    // a membership application under review, for the decision
    const secondOrg = await createOrganization(clients.owner);
    const toDecide = (
      await ok(await clients.owner.post(`/api/organizations/${secondOrg.id}/membership`, { kind: 'participant' }), 201)
    ).id;
    await ok(await clients.operator.post(`/api/membership/applications/${toDecide}/review`));
    const registration = () => ({ email: uniqueEmail(), password, fullName: 'Новый Пользователь' });
    // biome-ignore format: a row per route, the codes in aligned columns
    await check([
      //                                                                                          guest outs owner expert oper
      ['GET', '/api/health', undefined,                                                            [200, 200, 200, 200, 200]],
      ['GET', '/api/registry', undefined,                                                          [200, 200, 200, 200, 200]],
      ['POST', '/api/auth/register', registration,                                                 [201, 201, 201, 201, 201]],
      ['POST', '/api/auth/login', () => ({ email: returning.email, password }),                    [200, 200, 200, 200, 200]],
      ['GET', '/api/auth/me', undefined,                                                           [401, 200, 200, 200, 200]],
      ['GET', '/api/organizations', undefined,                                                     [401, 200, 200, 200, 200]],
      ['POST', '/api/organizations', () => organizationBody(),                                     [401, 201, 201, 201, 201]],
      ['GET', `/api/organizations/${org}`, undefined,                                              [404, 404, 200, 404, 200]],
      ['PATCH', `/api/organizations/${org}`, () => ({ description: 'Обновлено' }),                 [401, 404, 200, 404, 200]],
      ['GET', `/api/organizations/${org}/members`, undefined,                                      [401, 404, 200, 404, 200]],
      ['POST', `/api/organizations/${org}/members`, () => ({ email: uniqueEmail(), orgRole: 'member' }), [401, 404, 201, 404, 403]],
      ['DELETE', `/api/organizations/${org}/members/${member.userId}`, undefined,                  [401, 404, 200, 404, 403]],
      ['POST', `/api/organizations/${org}/access-requests`, () => ({ message: 'Прошу доступ' }),   [401, 200, 200, 200, 200]],
      ['GET', `/api/organizations/${org}/membership`, undefined,                                   [401, 404, 200, 404, 200]],
      ['POST', `/api/organizations/${org}/membership`, () => ({ kind: 'participant' }),            [401, 404, 409, 404, 409]],
      ['GET', '/api/membership/applications', undefined,                                           [401, 403, 403, 403, 200]],
      ['GET', `/api/membership/applications/${membershipApplication}`, undefined,                  [401, 404, 200, 404, 200]],
      ['POST', `/api/membership/applications/${membershipApplication}/review`, undefined,          [401, 403, 403, 403, 200]],
      ['POST', `/api/membership/applications/${toDecide}/decision`, () => ({ decision: 'approve', reason: 'Соответствует' }), [401, 403, 403, 403, 200]],
      ['GET', '/api/audit', undefined,                                                             [401, 403, 403, 403, 200]],
      ['GET', '/api/invitations', undefined,                                                       [401, 200, 200, 200, 200]],
      ['POST', `/api/invitations/${invitation.id}/accept`, undefined,                              [401, 200, 404, 404, 404]],
      ['GET', '/api/dev/mailbox', undefined,                                                       [401, 403, 403, 403, 200]],
    ]);
  });

  test('support measures', async () => {
    const published = (await insertMeasure(t, openNow())).id;
    const draft = (await insertMeasure(t, { ...openNow(), status: 'draft' })).id;
    const toEdit = (await insertMeasure(t, { ...openNow(), status: 'draft' })).id;
    const toPublish = (await insertMeasure(t, { ...openNow(), status: 'draft' })).id;
    const toClose = (await insertMeasure(t, openNow())).id;
    const toArchive = (await insertMeasure(t, { ...openNow(), status: 'closed' })).id;
    // biome-ignore format: a row per route, the codes in aligned columns
    await check([
      //                                                                                          guest outs owner expert oper
      ['GET', '/api/measures', undefined,                                                          [200, 200, 200, 200, 200]],
      ['GET', `/api/measures?organizationId=${org}`, undefined,                                    [401, 404, 200, 404, 200]],
      ['GET', '/api/measures?status=all', undefined,                                               [401, 403, 403, 403, 200]],
      ['POST', '/api/measures', measureBody,                                                       [401, 403, 403, 403, 201]],
      ['GET', `/api/measures/${published}`, undefined,                                             [200, 200, 200, 200, 200]],
      ['GET', `/api/measures/${draft}`, undefined,                                                 [404, 404, 404, 404, 200]],
      ['PATCH', `/api/measures/${toEdit}`, () => ({ description: 'Уточнённое описание' }),         [401, 403, 403, 403, 200]],
      ['GET', `/api/measures/${published}/eligibility?organizationId=${org}`, undefined,           [401, 404, 200, 404, 200]],
      ['POST', `/api/measures/${toPublish}/publish`, undefined,                                    [401, 403, 403, 403, 200]],
      ['POST', `/api/measures/${toClose}/close`, undefined,                                        [401, 403, 403, 403, 200]],
      ['POST', `/api/measures/${toArchive}/archive`, undefined,                                    [401, 403, 403, 403, 200]],
    ]);
  });

  test('support applications', async () => {
    const measure = (await insertMeasure(t, openNow())).id;
    const newApplication = () => ({
      measureId: measure,
      organizationId: org,
      requestedAmountKopecks: '100000000',
      answers: { summary: 'Беспилотники для мониторинга теплотрасс' },
    });
    const registered = await applicationIn('registered');
    const toEdit = await applicationIn('draft');
    const toSubmit = await applicationIn('draft');
    const toWithdraw = await applicationIn('draft');
    const toRegister = await applicationIn('submitted');
    const toReturn = await applicationIn('submitted');
    const toDecide = await applicationIn('under_review');
    const toSign = await applicationIn('approved', { approvedAmountKopecks: 100_000_000n, decidedAt: new Date() });
    const toPay = await applicationIn('agreement_signed', { approvedAmountKopecks: 100_000_000n });
    const reporting = await signedApplication();
    const filed = await signedApplication();
    for (const reportId of filed.reports) {
      await ok(await clients.owner.post(`/api/applications/${filed.id}/reports`, { reportId, kpis: { jobs: 3 } }));
    }
    const [toAccept, toReturnReport] = filed.reports;
    // Operator-only actions answer 403 to everyone else before looking the application up, so they reveal nothing.
    // biome-ignore format: a row per route, the codes in aligned columns
    await check([
      //                                                                                          guest outs owner expert oper
      ['POST', '/api/applications', newApplication,                                                [401, 404, 201, 404, 403]],
      ['GET', '/api/applications', undefined,                                                      [401, 200, 200, 200, 200]],
      ['GET', `/api/applications?organizationId=${org}`, undefined,                                [401, 404, 200, 404, 200]],
      ['GET', `/api/applications/${registered}`, undefined,                                        [401, 404, 200, 404, 200]],
      ['PATCH', `/api/applications/${toEdit}`, () => ({ requestedAmountKopecks: '200000000' }),    [401, 404, 200, 404, 403]],
      ['POST', `/api/applications/${toSubmit}/submit`, undefined,                                  [401, 404, 200, 404, 403]],
      ['POST', `/api/applications/${toWithdraw}/withdraw`, () => ({ reason: 'Передумали' }),       [401, 404, 200, 404, 403]],
      ['POST', `/api/applications/${toRegister}/register`, undefined,                              [401, 403, 403, 403, 200]],
      ['POST', `/api/applications/${toReturn}/return`, () => ({ comment: 'Приложите устав' }),     [401, 403, 403, 403, 200]],
      ['POST', `/api/applications/${toDecide}/decision`, () => ({ decision: 'reject', reason: 'Низкие оценки' }), [401, 403, 403, 403, 200]],
      ['POST', `/api/applications/${toSign}/agreement`, undefined,                                 [401, 404, 200, 404, 403]],
      ['POST', `/api/applications/${toPay}/tranches`, () => ({ amountKopecks: '10000000', milestone: 'Прототип' }), [401, 403, 403, 403, 201]],
      ['POST', `/api/applications/${reporting.id}/reports`, () => ({ reportId: reporting.reports[0], kpis: { jobs: 3 } }), [401, 404, 200, 404, 403]],
      ['POST', `/api/applications/${filed.id}/reports/${toAccept}/accept`, undefined,              [401, 403, 403, 403, 200]],
      ['POST', `/api/applications/${filed.id}/reports/${toReturnReport}/return`, () => ({ comment: 'Нет выписки' }), [401, 403, 403, 403, 200]],
    ]);
  });

  test('experts and reviews', async () => {
    const candidate = await signUp(t);
    const rival = await signUp(t);
    const rivalId = (
      await ok(await clients.operator.post('/api/experts', { userId: rival.userId, expertise: ['ai'] }), 201)
    ).id as string;
    const toAssign = await applicationIn('registered');
    const assigned = await review();
    const declared = await review({ declared: true });
    const toDeclare = await review();
    const toScore = await review({ declared: true });
    const rivals = await review({ expert: rivalId });
    // biome-ignore format: a row per route, the codes in aligned columns
    await check([
      //                                                                                          guest outs owner expert oper
      ['GET', '/api/experts', undefined,                                                           [401, 403, 403, 403, 200]],
      ['POST', '/api/experts', () => ({ userId: candidate.userId, expertise: ['ai'] }),            [401, 403, 403, 403, 201]],
      ['POST', `/api/applications/${toAssign}/assign-experts`, () => ({ expertIds: [expertId] }),  [401, 403, 403, 403, 200]],
      // the company's reviews are not the company's to read; an expert reads them once they declared no conflict
      // the company and an expert before declaring know the application exists: refused, not hidden
      ['GET', `/api/applications/${declared.applicationId}/reviews`, undefined,                   [401, 404, 403, 200, 200]],
      ['GET', `/api/applications/${assigned.applicationId}/reviews`, undefined,                    [401, 404, 403, 403, 200]],
      // an expert reads the application through the review, never as a member
      ['GET', `/api/applications/${declared.applicationId}`, undefined,                            [401, 404, 200, 404, 200]],
      ['GET', '/api/reviews?state=pending', undefined,                                             [401, 200, 200, 200, 200]],
      ['GET', '/api/reviews?state=done', undefined,                                                [401, 200, 200, 200, 200]],
      ['GET', `/api/reviews/${assigned.reviewId}`, undefined,                                      [401, 404, 404, 200, 200]],
      ['GET', `/api/reviews/${rivals.reviewId}`, undefined,                                        [401, 404, 404, 404, 200]],
      // the operator reads a review but never declares or scores in the expert's name
      ['POST', `/api/reviews/${toDeclare.reviewId}/declare`, () => ({ noConflict: true }),         [401, 404, 404, 200, 403]],
      ['POST', `/api/reviews/${rivals.reviewId}/declare`, () => ({ noConflict: true }),            [401, 404, 404, 404, 403]],
      ['POST', `/api/reviews/${toScore.reviewId}/scores`, fullScores,                              [401, 404, 404, 200, 403]],
      ['POST', `/api/reviews/${rivals.reviewId}/scores`, fullScores,                               [401, 404, 404, 404, 403]],
    ]);
  });

  test('files', async () => {
    const own = await uploadPdf();
    const reviewed = await uploadPdf();
    await review({ declared: true, fileId: reviewed });
    const undeclared = await uploadPdf();
    await review({ fileId: undeclared });
    // biome-ignore format: a row per route, the codes in aligned columns
    await check([
      //                                                                                          guest outs owner expert oper
      ['POST', '/api/files', () => pdfUpload(org),                                                 [401, 404, 201, 404, 201], MULTIPART],
      ['GET', `/api/files/${own}`, undefined,                                                      [401, 404, 200, 404, 200]],
      // attached to an application the expert reviews: readable once no conflict is declared
      ['GET', `/api/files/${reviewed}`, undefined,                                                 [401, 404, 200, 200, 200]],
      ['GET', `/api/files/${undeclared}`, undefined,                                               [401, 404, 200, 404, 200]],
    ]);
  });

  test('notifications and exports', async () => {
    const exports: Row[] = ['measures', 'applications', 'reviews'].flatMap((list) =>
      ['csv', 'xlsx'].map(
        (format): Row => ['GET', `/api/exports/${list}.${format}`, undefined, [401, 403, 403, 403, 200]],
      ),
    );
    // biome-ignore format: a row per route, the codes in aligned columns
    await check([
      //                                                                                          guest outs owner expert oper
      ['GET', '/api/notifications', undefined,                                                     [401, 200, 200, 200, 200]],
      ['POST', '/api/notifications/read', () => ({}),                                              [401, 200, 200, 200, 200]],
      ...exports,
    ]);
  });

  // last: signing out ends every role's session
  test('signing out', async () => {
    // biome-ignore format: a row per route, the codes in aligned columns
    await check([
      //                                                                                          guest outs owner expert oper
      ['POST', '/api/auth/logout', undefined,                                                      [200, 200, 200, 200, 200]],
      ['GET', '/api/auth/me', undefined,                                                           [401, 401, 401, 401, 401]],
    ]);
  });
});
