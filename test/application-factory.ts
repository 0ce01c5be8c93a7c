// A support measure and an application in a given status, inserted directly: the review, file and
// notification tests need them before the measures and applications APIs exist.
import { randomInt } from 'node:crypto';
import { applicationDocuments, applications } from '../src/server/db/schema/applications.ts';
import { measures } from '../src/server/db/schema/measures.ts';
import type { ApplicationStatus, Criterion } from '../src/shared/measures.ts';
import { type Client, createOrganization } from './factories.ts';
import type { TestApp } from './test-app.ts';

export const DEFAULT_CRITERIA: Criterion[] = [
  { key: 'team', name: 'Команда', weight: 2, maxScore: 10 },
  { key: 'novelty', name: 'Новизна', weight: 1, maxScore: 5 },
  { key: 'plan', name: 'План и риски', weight: 1, maxScore: 10 },
];

let sequence = randomInt(1, 500_000);
const DAY_MS = 24 * 3600 * 1000;

export async function insertMeasure(t: TestApp, overrides: Partial<typeof measures.$inferInsert> = {}) {
  const n = ++sequence;
  const [row] = await t.database.db
    .insert(measures)
    .values({
      code: `TEST-${process.pid}-${n}`,
      title: `Грант на внедрение инноваций №${n}`,
      kind: 'grant',
      provider: 'Департамент предпринимательства и инновационного развития',
      description: 'Тестовая мера поддержки',
      maxAmountKopecks: 500_000_000n,
      budgetKopecks: 10_000_000_000n,
      // open around today, whenever the tests run
      opensAt: new Date(Date.now() - 365 * DAY_MS),
      closesAt: new Date(Date.now() + 365 * DAY_MS),
      eligibility: {},
      formFields: [{ key: 'summary', label: 'Краткое описание проекта', type: 'text', required: true }],
      criteria: DEFAULT_CRITERIA,
      expertsPerApplication: 2,
      status: 'published',
      ...overrides,
    })
    .returning();
  return row;
}

/** An organization of `owner` (made through the API) with an application to a fresh measure in `status`. */
export async function insertApplication(
  t: TestApp,
  owner: Client,
  options: {
    status?: ApplicationStatus;
    measure?: Partial<typeof measures.$inferInsert>;
    organization?: Record<string, unknown>;
    organizationId?: string;
    answers?: Record<string, unknown>;
  } = {},
) {
  const organizationId = options.organizationId ?? (await createOrganization(owner, options.organization)).id;
  const measure = await insertMeasure(t, options.measure);
  const n = ++sequence;
  const [application] = await t.database.db
    .insert(applications)
    .values({
      number: `ЗП-2026-${String(n).padStart(6, '0')}-${process.pid}`,
      measureId: measure.id,
      organizationId,
      applicantId: owner.userId,
      status: options.status ?? 'registered',
      requestedAmountKopecks: 100_000_000n,
      answers: options.answers ?? { summary: 'Беспилотники для мониторинга теплотрасс' },
      submittedAt: new Date(),
    })
    .returning();
  return { application, measure, organizationId };
}

export async function attachDocument(t: TestApp, applicationId: string, fileId: string, fieldKey = 'presentation') {
  await t.database.db.insert(applicationDocuments).values({ applicationId, fileId, fieldKey });
}
