// Published support measures for tests, inserted directly: the measures API has its own tests, and application
// tests need a measure with a known budget, form and rules whatever that API looks like.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.ts';
import { measures } from '../src/server/db/schema/measures.ts';
import type { FormField } from '../src/shared/measures.ts';

const DAY = 24 * 60 * 60 * 1000;

export const TEST_FORM: FormField[] = [
  { key: 'project', label: 'Название проекта', type: 'text', required: true, maxLength: 200 },
  { key: 'employees', label: 'Численность сотрудников', type: 'number', required: false, min: 0, max: 100000 },
  { key: 'cost', label: 'Стоимость проекта', type: 'money', required: true, min: 100 },
  { key: 'start', label: 'Дата начала', type: 'date', required: false },
  { key: 'stage', label: 'Стадия', type: 'choice', required: true, options: ['идея', 'прототип', 'продажи'] },
];

/** Answers that satisfy TEST_FORM. */
export const completeAnswers = () => ({ project: 'Дроны для мониторинга', cost: '500000000', stage: 'прототип' });

export async function insertMeasure(db: Db, overrides: Partial<typeof measures.$inferInsert> = {}) {
  const now = Date.now();
  const [row] = await db
    .insert(measures)
    .values({
      code: `TEST-${randomBytes(4).toString('hex')}`,
      title: 'Грант на пилотное внедрение',
      kind: 'grant',
      provider: 'Департамент предпринимательства и инновационного развития',
      description: 'Тестовая мера поддержки',
      maxAmountKopecks: 1_000_000_000n, // 10 млн ₽
      budgetKopecks: 100_000_000_000n,
      opensAt: new Date(now - 30 * DAY),
      closesAt: new Date(now + 30 * DAY),
      eligibility: {},
      formFields: TEST_FORM,
      criteria: [{ key: 'novelty', name: 'Новизна', weight: 1, maxScore: 10 }],
      reportCount: 2,
      reportIntervalMonths: 6,
      status: 'published',
      ...overrides,
    })
    .returning();
  return row;
}

export async function readMeasure(db: Db, id: string) {
  const [row] = await db.select().from(measures).where(eq(measures.id, id));
  return row;
}
