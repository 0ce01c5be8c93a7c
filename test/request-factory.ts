// Requests and solutions written straight into the database, for tests that need one in a given status without
// walking the whole path through the API.

import { requests } from '../src/server/db/schema/requests.ts';
import { solutions } from '../src/server/db/schema/solutions.ts';
import { DEFAULT_REQUEST_CRITERIA, type RequestStatus, type SolutionStatus } from '../src/shared/innovation.ts';
import { type Client, createOrganization } from './factories.ts';
import type { TestApp } from './test-app.ts';

let sequence = 0;
const DAY_MS = 24 * 3600 * 1000;

/** A customer organization of `owner` (made through the API) and a request of it in `status`. */
export async function insertRequest(
  t: TestApp,
  owner: Client,
  options: {
    status?: RequestStatus;
    organizationId?: string;
    values?: Partial<typeof requests.$inferInsert>;
  } = {},
) {
  const organizationId =
    options.organizationId ?? (await createOrganization(owner, { capabilities: ['company', 'customer'] })).id;
  const n = ++sequence;
  const [request] = await t.database.db
    .insert(requests)
    .values({
      number: `ЗИ-2026-${String(n).padStart(6, '0')}-${process.pid}`,
      organizationId,
      authorId: owner.userId,
      kind: 'corporate',
      title: 'Мониторинг состояния теплотрасс с помощью беспилотников',
      brief: 'Ищем решение для облёта теплотрасс и поиска утечек по тепловизионной съёмке.',
      description: 'Полное описание задачи: протяжённость сети 1 200 км, данные телеметрии, требования к отчётам.',
      scopes: ['housing'],
      technologies: ['drones', 'ai'],
      problemTypes: ['monitoring'],
      expectedResult: 'Карта утечек раз в неделю',
      minTrl: 5,
      budgetKopecks: 500_000_000n,
      pilotOffered: true,
      deadline: new Date(Date.now() + 30 * DAY_MS),
      criteria: DEFAULT_REQUEST_CRITERIA,
      status: options.status ?? 'published',
      publishedAt: options.status === 'draft' || options.status === 'moderation' ? null : new Date(),
      ...options.values,
    })
    .returning();
  return { request, organizationId };
}

/** A solution of `organizationId` (whose member is `author`) to `requestId`, in `status`. */
export async function insertSolution(
  t: TestApp,
  author: Client,
  requestId: string,
  organizationId: string,
  options: { status?: SolutionStatus; values?: Partial<typeof solutions.$inferInsert> } = {},
) {
  const n = ++sequence;
  const [solution] = await t.database.db
    .insert(solutions)
    .values({
      number: `РШ-2026-${String(n).padStart(6, '0')}-${process.pid}`,
      requestId,
      organizationId,
      authorId: author.userId,
      summary: 'Облёт сети дронами с тепловизором и автоматический поиск аномалий нейросетью.',
      description: 'Подробное описание решения.',
      novelty: 'Собственная модель распознавания утечек.',
      trl: 7,
      team: [
        { name: 'Иван Петров', role: 'руководитель' },
        { name: 'Анна Смирнова', role: 'инженер данных' },
      ],
      priceKopecks: 300_000_000n,
      pilotPlan: 'Три месяца на участке ЮЗАО.',
      status: options.status ?? 'submitted',
      submittedAt: options.status === 'draft' ? null : new Date(),
      ...options.values,
    })
    .returning();
  return solution;
}
