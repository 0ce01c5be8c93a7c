// Every route called as every role: a guest, a user of another organization (outsider), the organization's owner,
// an expert of the pool (the one assigned to the reviews below) and an operator. The codes are the services' policy:
// 401 not signed in, 403 signed in without the right to a thing the user may know exists, 404 for another
// organization's records. A row that changes state gets a record of its own in the status the route needs, so the one
// role allowed to act succeeds and every other role is turned away before anything changes: each row is deterministic
// whatever the order of the rows and roles. The open-innovation tables (requests, solutions, pilots) involve three
// organizations at once and have a cast of their own, described above them; so have the projects and investments
// tables, where two organizations act on one record.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { attachDocument, insertApplication, insertMeasure } from '../../../test/application-factory.ts';
import {
  insertDeal,
  investorOrganization,
  investorProfileBody,
  startupOrganization,
} from '../../../test/deal-factory.ts';
import {
  type Client,
  createOrganization,
  organizationBody,
  signUp,
  signUpAs,
  uniqueEmail,
} from '../../../test/factories.ts';
import { insertProject } from '../../../test/project-factory.ts';
import { insertRequest, insertSolution } from '../../../test/request-factory.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { addCalendarMonths, moscowToday } from '../../shared/calendar-dates.ts';
import {
  DEFAULT_REQUEST_CRITERIA,
  type PilotStatus,
  type RequestStatus,
  type SolutionStatus,
} from '../../shared/innovation.ts';
import type { ApplicationStatus } from '../../shared/measures.ts';
import type { DealStatus, PartnerStatus, ProjectStatus } from '../../shared/ventures.ts';
import { applications } from '../db/schema/applications.ts';
import { webhookDeliveries } from '../db/schema/integrations.ts';
import { pilots } from '../db/schema/pilots.ts';
import { requestExperts, type requests } from '../db/schema/requests.ts';
import { solutionDocuments } from '../db/schema/solutions.ts';
import { EXPORT_LISTS } from '../modules/exports/exports.service.ts';
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

/**
 * The cast of the open-innovation tables: a customer organization (its owner `customer` and a plain `member`), an
 * answering company (its owner `company`), an organization owning pilot sites (its owner `siteOwner`), the pool
 * expert appointed to the request at hand (`expert`), the outsider of the other tables and the operator.
 */
type Party = 'guest' | 'outsider' | 'customer' | 'member' | 'company' | 'expert' | 'siteOwner' | 'operator';
const PARTIES: Party[] = ['guest', 'outsider', 'customer', 'member', 'company', 'expert', 'siteOwner', 'operator'];

/**
 * [method, url (or one per party, for a record of its own), body, expected status for every party in PARTIES' order,
 * headers]
 */
type PartyRow = [
  string,
  string | ((party: Party) => string),
  (() => unknown) | undefined,
  [number, number, number, number, number, number, number, number],
  Record<string, string>?,
];

/**
 * The projects table's cast: lead is the owner of the organization leading every project below, partner the owner of
 * an organization invited to each of them (listed, so it sees the project: an insider); the outsider and the operator
 * are those of the other tables.
 */
type Venturer = 'guest' | 'outsider' | 'lead' | 'partner' | 'operator';
const VENTURERS: Venturer[] = ['guest', 'outsider', 'lead', 'partner', 'operator'];
/** [method, url (or one per column), body, expected status for guest, outsider, lead, partner, operator, headers] */
type ProjectRow = [
  string,
  string | ((column: Venturer) => string),
  (() => unknown) | undefined,
  [number, number, number, number, number],
  Record<string, string>?,
];

/**
 * The investments table's cast: investor is the owner of the investor organization (with a public profile), company
 * the owner of the startup on the other side of every deal below (admitted to the registry, so the public and the
 * investor know of it); the outsider and the operator are those of the other tables.
 */
type Dealer = 'guest' | 'outsider' | 'investor' | 'company' | 'operator';
const DEALERS: Dealer[] = ['guest', 'outsider', 'investor', 'company', 'operator'];
/** [method, url (or one per column), body, expected status for guest, outsider, investor, company, operator, headers] */
type DealRow = [
  string,
  string | ((column: Dealer) => string),
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
  // the open-innovation cast (PARTIES): outsider, expert and operator are the clients above
  const party = {} as Record<Exclude<Party, 'guest'>, Client>;
  let customerOrg: string;
  let companyOrg: string;
  let siteOrg: string;
  /** a pool expert the customer appoints and removes in the requests table */
  let candidate: Client;

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

    party.outsider = clients.outsider;
    party.expert = clients.expert;
    party.operator = clients.operator;
    party.customer = await signUp(t);
    party.member = await signUp(t);
    party.company = await signUp(t);
    party.siteOwner = await signUp(t);
    customerOrg = (await createOrganization(party.customer, { capabilities: ['company', 'customer'] })).id;
    const invitation = await ok(
      await party.customer.post(`/api/organizations/${customerOrg}/members`, {
        email: party.member.email,
        orgRole: 'member',
      }),
      201,
    );
    await ok(await party.member.post(`/api/invitations/${invitation.id}/accept`));
    companyOrg = (await createOrganization(party.company)).id;
    siteOrg = (await createOrganization(party.siteOwner, { capabilities: ['pilot_site_owner'] })).id;
    candidate = await signUp(t);
    await ok(await clients.operator.post('/api/experts', { userId: candidate.userId, expertise: ['ai'] }), 201);
  });
  after(() => t.close());

  async function ok(response: LightMyRequestResponse, status = 200) {
    assert.equal(response.statusCode, status, response.body);
    return response.json();
  }

  /** Calls every row as every column's caller (none: a guest) and lists each answer that differs from the table. */
  async function matrix<C extends string>(
    columns: readonly C[],
    callerOf: (column: C) => Client | undefined,
    rows: ReadonlyArray<
      readonly [
        string,
        string | ((column: C) => string),
        (() => unknown) | undefined,
        readonly number[],
        Record<string, string>?,
      ]
    >,
  ) {
    const problems: string[] = [];
    for (const [method, path, body, expected, headers] of rows) {
      for (const [i, column] of columns.entries()) {
        const url = typeof path === 'string' ? path : path(column);
        const payload = body?.();
        const caller = callerOf(column);
        const response = caller
          ? await caller.request(method, url, payload, headers)
          : await t.app.inject({
              method: method as 'GET',
              url,
              ...(headers ? { headers } : {}),
              ...(payload === undefined ? {} : { payload: payload as object }),
            });
        if (response.statusCode !== expected[i]) {
          problems.push(
            `${method} ${url} as ${column}: ${response.statusCode}, expected ${expected[i]} ${response.body.slice(0, 120)}`,
          );
        }
      }
    }
    assert.deepEqual(problems, []);
  }

  const check = (rows: Row[]) => matrix(ROLES, (role) => (role === 'guest' ? undefined : clients[role]), rows);

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

  const checkParties = (rows: PartyRow[]) => matrix(PARTIES, (p) => (p === 'guest' ? undefined : party[p]), rows);

  /** For an action two columns may take: a record of its own for every column, each in the status the action needs. */
  async function eachOf<C extends string>(columns: readonly C[], make: () => Promise<string>) {
    const ids = {} as Record<C, string>;
    for (const column of columns) ids[column] = await make();
    return ids;
  }
  const each = (make: () => Promise<string>) => eachOf(PARTIES, make);

  async function appoint(requestId: string, userId: string) {
    await t.database.db
      .insert(requestExperts)
      .values({ requestId, userId, appointedBy: party.customer.userId, appointedAt: new Date() });
  }

  /** A request of the customer's organization in `status`, the matrix expert appointed to it unless told otherwise. */
  async function requestIn(
    status: RequestStatus,
    options: { appointed?: boolean; values?: Partial<typeof requests.$inferInsert> } = {},
  ) {
    const { request } = await insertRequest(t, party.customer, {
      status,
      organizationId: customerOrg,
      values: options.values,
    });
    if (options.appointed !== false) await appoint(request.id, clients.expert.userId);
    return request.id;
  }

  /** The company's solution in `status` to a fresh published request of the customer (the expert appointed unless told). */
  async function solutionIn(status: SolutionStatus, options: { appointed?: boolean } = {}) {
    const requestId = await requestIn('published', options);
    const solution = await insertSolution(t, party.company, requestId, companyOrg, { status });
    return { requestId, id: solution.id };
  }

  const NDA = { ndaTerms: 'Сведения о тепловой сети не разглашаются третьим лицам.' };
  const scoresBody = () => ({
    scores: DEFAULT_REQUEST_CRITERIA.map((c) => ({ criterion: c.key, score: 7, comment: 'Убедительно' })),
  });
  /** Tomorrow in Moscow: a pilot may start then whatever the hour. */
  const tomorrow = () => moscowToday(new Date(Date.now() + DAY));
  // a day back, so that a test running across Moscow midnight does not sign in the future
  const contractBody = () => ({ amountKopecks: '250000000', signedOn: moscowToday(new Date(Date.now() - DAY)) });

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

  test('notifications, exports and the figures', async () => {
    const exports: Row[] = EXPORT_LISTS.flatMap((list) =>
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
      ['GET', '/api/stats', undefined,                                                             [200, 200, 200, 200, 200]],
      ['GET', '/api/stats/series?period=year', undefined,                                          [200, 200, 200, 200, 200]],
      ['GET', '/api/stats/breakdowns?by=district&of=projects', undefined,                          [200, 200, 200, 200, 200]],
      ['GET', '/api/stats/funnels', undefined,                                                     [401, 403, 403, 403, 200]],
      ['POST', '/api/stats/refresh', undefined,                                                    [401, 403, 403, 403, 200]],
      ['GET', '/api/open-data/kpis.json', undefined,                                               [200, 200, 200, 200, 200]],
      ['GET', '/api/open-data/kpis.csv', undefined,                                                [200, 200, 200, 200, 200]],
      ['GET', '/api/open-data/series.json', undefined,                                             [200, 200, 200, 200, 200]],
      ['GET', '/api/open-data/series.csv?period=year', undefined,                                  [200, 200, 200, 200, 200]],
      // search answers everyone what they may read; suggestions are the organization's own
      ['GET', '/api/search?q=технологии', undefined,                                               [200, 200, 200, 200, 200]],
      ['GET', `/api/recommendations/requests?organizationId=${org}`, undefined,                    [401, 403, 200, 403, 200]],
      ['GET', `/api/recommendations/measures?organizationId=${org}`, undefined,                    [401, 403, 200, 403, 200]],
      ['POST', '/api/recommendations/requests/hide', () => ({ organizationId: org, targetId: org }), [401, 403, 200, 403, 200]],
      ['POST', '/api/recommendations/requests/unhide', () => ({ organizationId: org }),            [401, 403, 200, 403, 200]],
    ]);
  });

  // The customer column is the owner of the request's organization, member a plain member of it; company is the owner
  // of an organization that answers requests, siteOwner the owner of one that hosts pilots: to a request both are
  // outsiders, except that the company accepts NDA terms for its organization. The expert is appointed to each
  // request unless the row says otherwise. Drafts, requests in moderation and a draft cancelled before publication
  // exist only for the customer's members, its experts and the operator (404); a published request is everyone's,
  // so those without the right are refused (403). Operator-only actions answer 403 before the request is looked up.
  test('open innovation: requests', async () => {
    const requestBody = () => ({
      organizationId: customerOrg,
      kind: 'corporate',
      title: 'Запрос для проверки прав доступа',
      brief: 'Ищем решение, которое проверит таблица прав доступа.',
      description: 'Полное описание задачи.',
      scopes: ['housing'],
      technologies: ['drones'],
      minTrl: 5,
      deadline: new Date(Date.now() + 30 * DAY).toISOString(),
    });
    const published = await requestIn('published');
    const draft = await requestIn('draft');
    const othersDraft = await requestIn('draft', { appointed: false });
    const cancelledUnseen = await requestIn('cancelled', { values: { publishedAt: null } });
    const toEdit = await requestIn('draft');
    const toModerate = await requestIn('draft');
    const toPublish = await requestIn('moderation');
    const toReturn = await requestIn('moderation');
    const toClose = await each(() => requestIn('published'));
    const toResolve = await requestIn('closed');
    const winner = (await insertSolution(t, party.company, toResolve, companyOrg, { status: 'shortlisted' })).id;
    const toCancel = await each(() => requestIn('published'));
    const draftToCancel = await each(() => requestIn('draft'));
    const withNda = await requestIn('published', { values: NDA });
    const toAppoint = await requestIn('published');
    const draftToAppoint = await requestIn('draft');
    const toRemove = await each(async () => {
      const id = await requestIn('published');
      await appoint(id, candidate.userId);
      return id;
    });
    // biome-ignore format: a row per route, the codes in aligned columns
    await checkParties([
      //                                                                                          guest outs cust memb comp expt site oper
      ['GET', '/api/requests', undefined,                                                          [200, 200, 200, 200, 200, 200, 200, 200]],
      ['GET', '/api/requests?archived=true', undefined,                                            [200, 200, 200, 200, 200, 200, 200, 200]],
      // others asking for one customer's requests get its public ones
      ['GET', `/api/requests?organizationId=${customerOrg}`, undefined,                            [200, 200, 200, 200, 200, 200, 200, 200]],
      ['GET', '/api/requests?status=moderation', undefined,                                        [401, 403, 403, 403, 403, 403, 403, 200]],
      ['GET', `/api/requests?organizationId=${customerOrg}&status=draft`, undefined,               [401, 403, 200, 200, 403, 403, 403, 200]],
      ['POST', '/api/requests', requestBody,                                                       [401, 404, 201, 403, 404, 404, 404, 403]],
      ['GET', `/api/requests/${published}`, undefined,                                             [200, 200, 200, 200, 200, 200, 200, 200]],
      ['GET', `/api/requests/${draft}`, undefined,                                                 [404, 404, 200, 200, 404, 200, 404, 200]],
      // an expert not appointed to the request
      ['GET', `/api/requests/${othersDraft}`, undefined,                                           [404, 404, 200, 200, 404, 404, 404, 200]],
      ['GET', `/api/requests/${cancelledUnseen}`, undefined,                                       [404, 404, 200, 200, 404, 200, 404, 200]],
      ['PATCH', `/api/requests/${toEdit}`, () => ({ expectedResult: 'Карта утечек раз в день' }),  [401, 404, 200, 403, 404, 403, 404, 403]],
      ['POST', `/api/requests/${toModerate}/moderate`, undefined,                                  [401, 404, 200, 403, 404, 403, 404, 403]],
      ['POST', `/api/requests/${toPublish}/publish`, undefined,                                    [401, 403, 403, 403, 403, 403, 403, 200]],
      ['POST', `/api/requests/${toReturn}/return`, () => ({ comment: 'Уточните бюджет' }),         [401, 403, 403, 403, 403, 403, 403, 200]],
      ['POST', (p) => `/api/requests/${toClose[p]}/close`, undefined,                              [401, 403, 200, 403, 403, 403, 403, 200]],
      ['POST', `/api/requests/${toResolve}/resolve`, () => ({ winnerSolutionIds: [winner] }),      [401, 403, 200, 403, 403, 403, 403, 403]],
      ['POST', (p) => `/api/requests/${toCancel[p]}/cancel`, () => ({ reason: 'Задача снята' }),   [401, 403, 200, 403, 403, 403, 403, 200]],
      ['POST', (p) => `/api/requests/${draftToCancel[p]}/cancel`, () => ({ reason: 'Задача снята' }), [401, 404, 200, 403, 404, 403, 404, 200]],
      // for the company's organization: only its members accept for it
      ['POST', `/api/requests/${withNda}/accept-nda`, () => ({ organizationId: companyOrg }),      [401, 404, 404, 404, 200, 404, 404, 403]],
      ['GET', `/api/requests/${published}/experts`, undefined,                                     [401, 403, 200, 200, 403, 403, 403, 200]],
      ['GET', `/api/requests/${draft}/experts`, undefined,                                         [401, 404, 200, 200, 404, 403, 404, 200]],
      // appointing again changes nothing: the operator after the customer answers 200 too
      ['POST', `/api/requests/${toAppoint}/experts`, () => ({ userId: candidate.userId }),         [401, 403, 200, 403, 403, 403, 403, 200]],
      ['POST', `/api/requests/${draftToAppoint}/experts`, () => ({ userId: candidate.userId }),    [401, 404, 200, 403, 404, 403, 404, 200]],
      ['DELETE', (p) => `/api/requests/${toRemove[p]}/experts/${candidate.userId}`, undefined,     [401, 403, 200, 403, 403, 403, 403, 200]],
    ]);
  });

  // Solutions are the company's to write and the customer's to decide: company is the owner of the answering
  // organization, customer the owner of the request's organization and member a plain member of it (who sees and
  // scores but does not decide), expert the expert appointed to the solution's request unless the row says
  // otherwise; the site owner is one more outsider. A draft exists only for the company (404 to everyone else, the
  // operator too); a submitted solution for the company, the customer's members, the experts and the operator.
  test('open innovation: solutions', async () => {
    const solutionBody = (organizationId: string) => () => ({
      organizationId,
      summary: 'Облёт сети дронами с тепловизором.',
      trl: 7,
      team: [{ name: 'Иван Петров', role: 'руководитель' }],
    });
    const open = await requestIn('published');
    const openOwn = await requestIn('published');
    const withNda = await requestIn('published', { values: NDA });
    const draftRequest = await requestIn('draft');
    const cancelledUnseen = await requestIn('cancelled', { values: { publishedAt: null } });
    const submitted = await solutionIn('submitted');
    const draft = await solutionIn('draft');
    const others = await solutionIn('submitted', { appointed: false });
    const documented = await solutionIn('submitted');
    const file = (await ok(await party.company.request('POST', '/api/files', pdfUpload(companyOrg), MULTIPART), 201))
      .id as string;
    await t.database.db.insert(solutionDocuments).values({ solutionId: documented.id, fileId: file });
    const toEdit = await solutionIn('draft');
    // a submitted solution is the customer side's to see: a draft of its own for every party
    const toSubmit = await each(async () => (await solutionIn('draft')).id);
    const toWithdraw = await solutionIn('submitted');
    const toShortlist = await solutionIn('submitted');
    const toDecline = await solutionIn('submitted');
    const toScore = await solutionIn('submitted');
    const othersToScore = await solutionIn('submitted', { appointed: false });
    const toContract = await solutionIn('shortlisted');
    // biome-ignore format: a row per route, the codes in aligned columns
    await checkParties([
      //                                                                                          guest outs cust memb comp expt site oper
      ['POST', `/api/requests/${open}/solutions`, solutionBody(companyOrg),                        [401, 404, 404, 404, 201, 404, 404, 403]],
      // the customer may not answer its own request
      ['POST', `/api/requests/${openOwn}/solutions`, solutionBody(customerOrg),                    [401, 404, 403, 403, 404, 404, 404, 403]],
      // NDA terms the company has not accepted
      ['POST', `/api/requests/${withNda}/solutions`, solutionBody(companyOrg),                     [401, 404, 404, 404, 403, 404, 404, 403]],
      ['POST', `/api/requests/${draftRequest}/solutions`, solutionBody(companyOrg),                [401, 404, 404, 404, 404, 404, 404, 403]],
      // a draft cancelled before publication stays unknown to the company
      ['POST', `/api/requests/${cancelledUnseen}/solutions`, solutionBody(companyOrg),             [401, 404, 404, 404, 404, 404, 404, 403]],
      ['GET', '/api/solutions', undefined,                                                         [401, 200, 200, 200, 200, 200, 200, 200]],
      ['GET', `/api/solutions?organizationId=${companyOrg}`, undefined,                            [401, 404, 404, 404, 200, 404, 404, 200]],
      ['GET', `/api/requests/${submitted.requestId}/solutions`, undefined,                         [401, 403, 200, 200, 403, 200, 403, 200]],
      // an expert not appointed to the request
      ['GET', `/api/requests/${others.requestId}/solutions`, undefined,                            [401, 403, 200, 200, 403, 403, 403, 200]],
      ['GET', `/api/requests/${draftRequest}/solutions`, undefined,                                [401, 404, 200, 200, 404, 200, 404, 200]],
      // …and to outsiders, as the request itself is
      ['GET', `/api/requests/${cancelledUnseen}/solutions`, undefined,                             [401, 404, 200, 200, 404, 200, 404, 200]],
      ['GET', `/api/solutions/${submitted.id}`, undefined,                                         [401, 404, 200, 200, 200, 200, 404, 200]],
      ['GET', `/api/solutions/${draft.id}`, undefined,                                             [401, 404, 404, 404, 200, 404, 404, 404]],
      ['GET', `/api/solutions/${others.id}`, undefined,                                            [401, 404, 200, 200, 200, 404, 404, 200]],
      ['GET', `/api/solutions/${documented.id}/documents/${file}`, undefined,                      [401, 404, 200, 200, 200, 200, 404, 200]],
      ['PATCH', `/api/solutions/${toEdit.id}`, () => ({ trl: 8 }),                                 [401, 404, 404, 404, 200, 404, 404, 404]],
      ['POST', (p) => `/api/solutions/${toSubmit[p]}/submit`, undefined,                           [401, 404, 404, 404, 200, 404, 404, 404]],
      ['POST', `/api/solutions/${toWithdraw.id}/withdraw`, () => ({ reason: 'Передумали' }),       [401, 404, 403, 403, 200, 403, 404, 403]],
      ['POST', `/api/solutions/${toShortlist.id}/shortlist`, () => ({}),                           [401, 404, 200, 403, 403, 403, 404, 403]],
      ['POST', `/api/solutions/${toDecline.id}/decline`, () => ({ reason: 'Не подходит TRL' }),    [401, 404, 200, 403, 403, 403, 404, 403]],
      // each scorer scores once: the customer, its member and the expert each succeed; the operator only watches
      ['POST', `/api/solutions/${toScore.id}/scores`, scoresBody,                                  [401, 404, 200, 200, 403, 200, 404, 403]],
      ['POST', `/api/solutions/${othersToScore.id}/scores`, scoresBody,                            [401, 404, 200, 200, 403, 404, 404, 403]],
      ['POST', `/api/solutions/${toContract.id}/contract`, contractBody,                           [401, 404, 201, 403, 403, 403, 404, 403]],
    ]);
  });

  // A pilot has three sides: company (the owner of the organization whose solution is tested), customer (the owner of
  // the request's organization; member a plain member of it, who sees but does not act) and siteOwner (the owner of
  // the organization whose site hosts it). The expert, appointed to the request, sees the solution but not the pilot.
  // Everyone else gets 404; sites are public.
  test('open innovation: pilot sites and pilots', async () => {
    const siteBody = (ownerOrganizationId: string) => () => ({
      name: 'Школа № 1234',
      kind: 'school',
      ownerOrganizationId,
      address: 'Москва, ул. Профсоюзная, д. 10',
      district: 'ЮЗАО',
      testable: 'Системы контроля доступа и энергосбережения',
    });
    const site = (await ok(await party.siteOwner.post('/api/pilot-sites', siteBody(siteOrg)()), 201)).id as string;
    /** A pilot on the site of the company's solution (in `solutionStatus`) to a fresh request of the customer. */
    async function pilotIn(
      status: PilotStatus,
      solutionStatus: SolutionStatus,
      values: Partial<typeof pilots.$inferInsert> = {},
    ) {
      const solution = await solutionIn(solutionStatus);
      const startsOn = tomorrow();
      const [pilot] = await t.database.db
        .insert(pilots)
        .values({
          number: `ПИ-МАТРИЦА-${process.pid}-${++sequence}`,
          solutionId: solution.id,
          requestId: solution.requestId,
          siteId: site,
          organizationId: companyOrg,
          customerOrganizationId: customerOrg,
          proposedBy: party.customer.userId,
          plan: 'Датчики в двух корпусах школы.',
          trl: 7,
          startsOn,
          endsOn: addCalendarMonths(startsOn, 2),
          status,
          ...values,
        })
        .returning();
      return pilot.id;
    }
    const toPropose = await solutionIn('shortlisted');
    const proposal = () => ({
      solutionId: toPropose.id,
      siteId: site,
      plan: 'Датчики в двух корпусах школы, сравнение с прошлой зимой.',
      startsOn: tomorrow(),
      endsOn: addCalendarMonths(tomorrow(), 2),
    });
    const proposed = await pilotIn('proposed', 'shortlisted');
    const toApprove = await pilotIn('proposed', 'shortlisted');
    const toStart = await each(() => pilotIn('approved', 'pilot'));
    const toComplete = await pilotIn('running', 'pilot');
    const toContract = await pilotIn('completed', 'pilot', {
      outcome: 'success',
      resultReport: 'Потери снизились на 12%',
    });
    // biome-ignore format: a row per route, the codes in aligned columns
    await checkParties([
      //                                                                                          guest outs cust memb comp expt site oper
      ['GET', '/api/pilot-sites', undefined,                                                       [200, 200, 200, 200, 200, 200, 200, 200]],
      ['GET', `/api/pilot-sites/${site}`, undefined,                                               [200, 200, 200, 200, 200, 200, 200, 200]],
      // the operator registers a site for an organization; each call makes another site
      ['POST', '/api/pilot-sites', siteBody(siteOrg),                                              [401, 404, 404, 404, 404, 404, 201, 201]],
      // an organization without the pilot_site_owner capability: its owner is refused, the operator is not
      ['POST', '/api/pilot-sites', siteBody(customerOrg),                                          [401, 404, 403, 403, 404, 404, 404, 201]],
      // the company, the expert and the operator see the shortlisted solution but do not propose
      ['POST', '/api/pilots', proposal,                                                            [401, 404, 201, 403, 403, 403, 404, 403]],
      ['GET', '/api/pilots', undefined,                                                            [401, 200, 200, 200, 200, 200, 200, 200]],
      ['GET', `/api/pilots?organizationId=${siteOrg}`, undefined,                                  [401, 404, 404, 404, 404, 404, 200, 200]],
      ['GET', `/api/pilots/${proposed}`, undefined,                                                [401, 404, 200, 200, 200, 404, 200, 200]],
      ['POST', `/api/pilots/${toApprove}/approve`, () => ({ approve: true }),                      [401, 404, 403, 403, 403, 404, 200, 403]],
      ['POST', (p) => `/api/pilots/${toStart[p]}/start`, undefined,                                [401, 404, 200, 403, 200, 404, 403, 403]],
      ['POST', `/api/pilots/${toComplete}/complete`, () => ({ outcome: 'success', resultReport: 'Потери снизились' }), [401, 404, 200, 403, 403, 404, 403, 403]],
      ['POST', `/api/pilots/${toContract}/contract`, contractBody,                                 [401, 404, 201, 403, 403, 404, 403, 403]],
    ]);
  });

  // Projects (VENTURERS): lead is the owner of the lead organization, partner the owner of an organization invited to
  // every project below (the row says when it declined), the outsider an owner of an unrelated organization. A project
  // in any status but implemented exists only for the lead's and the partners' people and the operator (404 to
  // everyone else); an implemented one is public, so those without the right are refused (403). The lead's owners and
  // managers act for the project, a partner's for that partner only; the operator reads but does not act.
  test('projects', async () => {
    const lead = await signUp(t);
    const partner = await signUp(t);
    const host = await signUp(t);
    const leadOrg = (await createOrganization(lead)).id;
    const partnerOrg = (await createOrganization(partner)).id;
    // a third organization the lead invites
    const invitedOrg = (await createOrganization(host)).id;
    const venturers = { outsider: clients.outsider, lead, partner, operator: clients.operator };
    const startedOn = moscowToday(new Date(Date.now() - 30 * DAY));
    /** A project of the lead's organization in `status`, the partner's organization listed as `partnerStatus`. */
    async function projectIn(status: ProjectStatus, partnerStatus: PartnerStatus = 'invited') {
      const project = await insertProject(t, {
        leadOrganizationId: leadOrg,
        authorId: lead.userId,
        status,
        partners: [{ organizationId: partnerOrg, status: partnerStatus }],
        // implemented today, after it started
        values: {
          startedOn,
          ...(status === 'implemented' ? { implementedOn: new Date().toISOString().slice(0, 10) } : {}),
        },
      });
      return project.id;
    }
    const projectBody = () => ({
      organizationId: leadOrg,
      title: 'Проект для проверки прав доступа',
      description: 'Проект, который создаёт таблица прав доступа.',
      technologies: ['drones'],
      trl: 5,
      startedOn,
    });
    const planned = await projectIn('planned');
    const declined = await projectIn('active', 'declined');
    const implemented = await projectIn('implemented');
    const toEdit = await projectIn('planned');
    const toInvite = await projectIn('active');
    const toConfirm = await projectIn('active');
    const implementedToConfirm = await projectIn('implemented');
    const toDecline = await projectIn('planned');
    const toStart = await projectIn('planned');
    const toImplement = await projectIn('active');
    const toCancel = await projectIn('active');
    // biome-ignore format: a row per route, the codes in aligned columns
    await matrix(VENTURERS, (v) => (v === 'guest' ? undefined : venturers[v]), [
      //                                                                                          guest outs lead part oper
      ['GET', '/api/projects', undefined,                                                          [200, 200, 200, 200, 200]],
      // others asking for one organization's projects get its implemented ones
      ['GET', `/api/projects?organizationId=${leadOrg}`, undefined,                                [200, 200, 200, 200, 200]],
      ['GET', `/api/projects?organizationId=${leadOrg}&status=planned`, undefined,                 [401, 403, 200, 403, 200]],
      ['GET', `/api/projects?organizationId=${partnerOrg}&status=planned`, undefined,              [401, 403, 403, 200, 200]],
      ['GET', '/api/projects?status=planned', undefined,                                           [401, 403, 403, 403, 200]],
      ['POST', '/api/projects', projectBody,                                                       [401, 404, 201, 404, 403]],
      ['GET', `/api/projects/${planned}`, undefined,                                               [404, 404, 200, 200, 200]],
      // a partner that declined stays listed, and every listed partner is an insider (projects.policy.ts): it still sees
      // the project in every status, with its comments
      ['GET', `/api/projects/${declined}`, undefined,                                              [404, 404, 200, 200, 200]],
      ['GET', `/api/projects/${implemented}`, undefined,                                           [200, 200, 200, 200, 200]],
      ['PATCH', `/api/projects/${toEdit}`, () => ({ trl: 6 }),                                     [401, 404, 200, 403, 403]],
      // an implemented project is known to everyone: refused, and closed to edits for the lead
      ['PATCH', `/api/projects/${implemented}`, () => ({ trl: 6 }),                                [401, 403, 409, 403, 403]],
      ['POST', `/api/projects/${toInvite}/partners`, () => ({ organizationId: invitedOrg }),       [401, 404, 201, 403, 403]],
      // only the partner's own people answer for it: the lead and the operator are refused
      ['POST', `/api/projects/${toConfirm}/confirm`, () => ({ organizationId: partnerOrg }),       [401, 404, 403, 200, 403]],
      // a partner may still answer once the project is implemented (public: the outsider is refused, not kept out)
      ['POST', `/api/projects/${implementedToConfirm}/confirm`, () => ({ organizationId: partnerOrg }), [401, 403, 403, 200, 403]],
      ['POST', `/api/projects/${toDecline}/decline`, () => ({ organizationId: partnerOrg, reason: 'Нет ресурсов' }), [401, 404, 403, 200, 403]],
      ['POST', `/api/projects/${toStart}/start`, undefined,                                        [401, 404, 200, 403, 403]],
      ['POST', `/api/projects/${toImplement}/implemented`, undefined,                              [401, 404, 200, 403, 403]],
      ['POST', `/api/projects/${toCancel}/cancel`, () => ({ reason: 'Заказчик отказался' }),       [401, 404, 200, 403, 403]],
    ] satisfies ProjectRow[]);
  });

  // Investments (DEALERS): investor is the owner of the investor organization, company the owner of the startup on
  // the other side of every deal below (admitted to the registry), the outsider an owner of an unrelated
  // organization. A public investor profile and a registry startup's needs are everyone's; hidden ones, an
  // organization's matches and its deals exist only for its members and the operator (404 to others). A deal exists
  // for the members of its two sides and the operator; either side's owners and managers move it on, each side
  // confirms or disputes for itself only; the operator reads but never acts in a side's name (403).
  test('investments', async () => {
    const investor = await signUp(t);
    const company = await signUp(t);
    const investorOrg = (await investorOrganization(investor)).id;
    const hiddenInvestorOrg = (await investorOrganization(investor, { public: false })).id;
    // an investor organization still without a profile, for the one POST that creates it
    const profileless = (await createOrganization(investor, { capabilities: ['investor'], technologies: [] })).id;
    const startupOrg = (await startupOrganization(company, clients.operator)).id;
    // a startup not (yet) admitted to the registry
    const hiddenStartupOrg = (await createOrganization(company, { isStartup: true, startupStage: 'seed' })).id;
    const dealers = { outsider: clients.outsider, investor, company, operator: clients.operator };
    /** A deal of the investor with the startup, in `status`. */
    async function dealIn(status: DealStatus) {
      const deal = await insertDeal(t, investor, {
        investorOrganizationId: investorOrg,
        organizationId: startupOrg,
        status,
      });
      return deal.id;
    }
    const dealBody = () => ({
      investorOrganizationId: investorOrg,
      organizationId: startupOrg,
      round: 'seed',
      instrument: 'equity',
      amountKopecks: '1000000000',
      date: moscowToday(new Date()),
    });
    const needsBody = () => ({
      rounds: ['seed'],
      instruments: ['equity'],
      markets: ['b2b'],
      amountKopecks: '500000000',
    });
    const intro = await dealIn('intro');
    const toEdit = await dealIn('intro');
    const toAdvance = await eachOf(DEALERS, () => dealIn('intro'));
    const toClose = await eachOf(DEALERS, () => dealIn('term_sheet'));
    const toDrop = await eachOf(DEALERS, () => dealIn('due_diligence'));
    const investorToConfirm = await dealIn('closed');
    const companyToConfirm = await dealIn('closed');
    const investorToDispute = await dealIn('closed');
    const companyToDispute = await dealIn('closed');
    // biome-ignore format: a row per route, the codes in aligned columns
    await matrix(DEALERS, (d) => (d === 'guest' ? undefined : dealers[d]), [
      //                                                                                          guest outs invs comp oper
      ['GET', '/api/investors', undefined,                                                         [200, 200, 200, 200, 200]],
      ['POST', '/api/investors', () => ({ organizationId: profileless, ...investorProfileBody() }), [401, 404, 201, 404, 403]],
      ['GET', `/api/investors/${investorOrg}`, undefined,                                          [200, 200, 200, 200, 200]],
      ['GET', `/api/investors/${hiddenInvestorOrg}`, undefined,                                    [404, 404, 200, 404, 200]],
      ['PUT', `/api/investors/${investorOrg}`, () => investorProfileBody(),                        [401, 404, 200, 404, 403]],
      // the matches are the investor's own, its profile public or not
      ['GET', `/api/investors/${investorOrg}/matches`, undefined,                                  [401, 404, 200, 404, 200]],
      ['GET', `/api/startups/${startupOrg}/needs`, undefined,                                      [200, 200, 200, 200, 200]],
      ['GET', `/api/startups/${hiddenStartupOrg}/needs`, undefined,                                [404, 404, 404, 200, 200]],
      ['PUT', `/api/startups/${startupOrg}/needs`, needsBody,                                      [401, 404, 404, 200, 403]],
      ['GET', `/api/startups/${startupOrg}/matches`, undefined,                                    [401, 404, 404, 200, 200]],
      ['GET', '/api/deals', undefined,                                                             [401, 200, 200, 200, 200]],
      // only the caller's own organizations, even a registry one the caller deals with
      ['GET', `/api/deals?organizationId=${startupOrg}`, undefined,                                [401, 404, 404, 200, 200]],
      // either side opens a deal; each call opens another
      ['POST', '/api/deals', dealBody,                                                             [401, 403, 201, 201, 403]],
      ['GET', `/api/deals/${intro}`, undefined,                                                    [401, 404, 200, 200, 200]],
      // either side changes the terms: the company after the investor answers 200 too
      ['PATCH', `/api/deals/${toEdit}`, () => ({ amountKopecks: '2000000000' }),                   [401, 404, 200, 200, 403]],
      ['POST', (d) => `/api/deals/${toAdvance[d]}/advance`, undefined,                             [401, 404, 200, 200, 403]],
      ['POST', (d) => `/api/deals/${toClose[d]}/close`, undefined,                                 [401, 404, 200, 200, 403]],
      ['POST', (d) => `/api/deals/${toDrop[d]}/drop`, () => ({ reason: 'Не сошлись в оценке' }),   [401, 404, 200, 200, 403]],
      ['POST', `/api/deals/${investorToConfirm}/confirm`, () => ({ organizationId: investorOrg }), [401, 404, 200, 403, 403]],
      ['POST', `/api/deals/${companyToConfirm}/confirm`, () => ({ organizationId: startupOrg }),   [401, 404, 403, 200, 403]],
      ['POST', `/api/deals/${investorToDispute}/dispute`, () => ({ organizationId: investorOrg, reason: 'Сумма иная' }), [401, 404, 200, 403, 403]],
      ['POST', `/api/deals/${companyToDispute}/dispute`, () => ({ organizationId: startupOrg, reason: 'Сумма иная' }), [401, 404, 403, 200, 403]],
      ['GET', '/api/investments/totals', undefined,                                                [200, 200, 200, 200, 200]],
    ] satisfies DealRow[]);
  });

  // everyone signed in reads and chooses their own notification settings (there is nobody else's to reach)
  test('notification settings', async () => {
    // biome-ignore format: a row per route, the codes in aligned columns
    await check([
      //                                                                                          guest outs owner expert oper
      ['GET', '/api/notifications/settings', undefined,                                            [401, 200, 200, 200, 200]],
      ['PUT', '/api/notifications/settings', () => ({ settings: { matching_requests: 'off' } }),   [401, 200, 200, 200, 200]],
    ]);
  });

  // Only an owner of the organization manages its API tokens and webhooks; its other people never see them, so the
  // outsider and the expert get 404 and the operator, who knows the organization, 403.
  test('integrations: API tokens and webhooks', async () => {
    const token = await ok(
      await clients.owner.post('/api/auth/tokens', { organizationId: org, name: 'Матрица', scopes: ['files:read'] }),
      201,
    );
    const hooks = `/api/organizations/${org}/webhooks`;
    const webhook = await ok(await clients.owner.post(hooks, { url: 'https://hooks.example.ru/a', events: [] }), 201);
    const tokenBody = () => ({ organizationId: org, name: 'ERP', scopes: ['organizations:read'] });
    const webhookBody = () => ({ url: 'https://hooks.example.ru/b', events: ['application.*'] });
    // a delivery that failed for good, which its owner may send again
    const [failed] = await t.database.db
      .insert(webhookDeliveries)
      .values({
        webhookId: webhook.id,
        event: 'application.status',
        payload: {},
        status: 'failed',
        attempts: 8,
        nextAttemptAt: new Date(),
        createdAt: new Date(),
      })
      .returning({ id: webhookDeliveries.id });
    // biome-ignore format: a row per route, the codes in aligned columns
    await check([
      //                                                                                          guest outs owner expert oper
      ['POST', '/api/auth/tokens', tokenBody,                                                      [401, 404, 201, 404, 403]],
      ['GET', `/api/auth/tokens?organizationId=${org}`, undefined,                                 [401, 404, 200, 404, 403]],
      ['DELETE', `/api/auth/tokens/${token.id}`, undefined,                                        [401, 404, 200, 404, 403]],
      ['POST', hooks, webhookBody,                                                                 [401, 404, 201, 404, 403]],
      ['GET', hooks, undefined,                                                                    [401, 404, 200, 404, 403]],
      ['GET', `${hooks}/deliveries`, undefined,                                                    [401, 404, 200, 404, 403]],
      ['POST', `${hooks}/deliveries/${failed.id}/redeliver`, undefined,                            [401, 404, 200, 404, 403]],
      ['POST', `${hooks}/${webhook.id}/disable`, undefined,                                        [401, 404, 200, 404, 403]],
      ['POST', `${hooks}/${webhook.id}/enable`, undefined,                                         [401, 404, 200, 404, 403]],
      ['DELETE', `${hooks}/${webhook.id}`, undefined,                                              [401, 404, 200, 404, 403]],
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
