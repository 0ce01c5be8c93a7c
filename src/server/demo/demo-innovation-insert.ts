// Writes the generated open innovation: the departments and corporations it adds, pilot sites, requests with their
// appointed expert and NDA acceptances, solutions with scores, pilots, contracts and every status event. The only SQL
// for demo open innovation; what to write comes from demo-innovation.ts.
import { eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_REQUEST_CRITERIA } from '../../shared/innovation.ts';
import type { DemoData } from '../config.ts';
import type { DbOrTx } from '../db/client.ts';
import { statusEvents } from '../db/schema/events.ts';
import { organizationMembers, organizations } from '../db/schema/organizations.ts';
import { contracts, pilotSites, pilots } from '../db/schema/pilots.ts';
import { requestExperts, requestNdaAcceptances, requests } from '../db/schema/requests.ts';
import { solutionScores, solutions } from '../db/schema/solutions.ts';
import {
  DEMO_INNOVATION_SIZES,
  type DemoInnovation,
  type DemoInnovationActor,
  type DemoInnovationOrganization,
  type DemoStep,
  generateDemoInnovation,
} from './demo-innovation.ts';
import { insertDemoOrganizations } from './demo-insert.ts';

// ~30 columns per request or solution: 500 rows stay well below PostgreSQL's 65 535 bind parameters per statement
const WIDE_BATCH = 500;
const ROW_BATCH = 2000;

export interface InsertDemoInnovationOptions {
  /** organization key (INN) → id, for every organization the data mentions */
  organizationIds: Map<string, string>;
  /** the person acting for an organization (the demo accounts' owners), by organization key */
  ownerIds: Map<string, string>;
  /** the operator: publishes requests, and stands in as author where an organization has no person of its own */
  operatorId: string;
  /** the demo expert: appointed to requests, scores solutions */
  expertUserId?: string;
  /** a line for each stage written */
  onProgress?: (line: string) => void;
}

async function insertChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * Inserts everything but the added organizations (see seedDemoInnovation) in one transaction, or a savepoint when
 * `db` already is one. Meant for a database without open innovation of its own: numbers start at 1, and the
 * number sequences continue past them afterwards.
 */
export async function insertDemoInnovation(
  db: DbOrTx,
  data: DemoInnovation,
  options: InsertDemoInnovationOptions,
): Promise<void> {
  if (data.requests.length === 0) return;
  const orgId = (key: string) => {
    const id = options.organizationIds.get(key);
    if (!id) throw new Error(`demo innovation: unknown organization ${key}`);
    return id;
  };
  const person = (key: string) => options.ownerIds.get(key) ?? null;
  const siteOwner = new Map(data.sites.map((s) => [s.id, s.ownerKey]));
  const requestOrg = new Map(data.requests.map((r) => [r.id, r.organizationKey]));
  const progress = options.onProgress ?? (() => {});

  await db.transaction(async (tx) => {
    await insertChunks(data.sites, ROW_BATCH, (chunk) =>
      tx.insert(pilotSites).values(
        chunk.map((s) => ({
          id: s.id,
          name: s.name,
          kind: s.kind,
          ownerOrganizationId: orgId(s.ownerKey),
          address: s.address,
          district: s.district,
          testable: s.testable,
          description: s.description,
          active: s.active,
          createdAt: s.createdAt,
        })),
      ),
    );

    await insertChunks(data.requests, WIDE_BATCH, (chunk) =>
      tx.insert(requests).values(
        chunk.map(({ events, expertAppointedAt, organizationKey, ...r }) => ({
          ...r,
          organizationId: orgId(organizationKey),
          authorId: person(organizationKey) ?? options.operatorId,
          criteria: DEFAULT_REQUEST_CRITERIA,
        })),
      ),
    );
    if (options.expertUserId) {
      const expertId = options.expertUserId;
      const appointed = data.requests.filter((r) => r.expertAppointedAt !== null);
      await insertChunks(appointed, ROW_BATCH, (chunk) =>
        tx.insert(requestExperts).values(
          chunk.map((r) => ({
            requestId: r.id,
            userId: expertId,
            appointedBy: person(r.organizationKey) ?? options.operatorId,
            appointedAt: r.expertAppointedAt!,
          })),
        ),
      );
    }
    progress(`  площадки и запросы: ${data.sites.length} и ${data.requests.length}`);

    const ndaVersion = new Map(data.requests.map((r) => [r.id, r.ndaVersion]));
    const acceptances = data.solutions.flatMap((s) => {
      const userId = person(s.organizationKey);
      return s.ndaAcceptedAt && userId
        ? [
            {
              requestId: s.requestId,
              organizationId: orgId(s.organizationKey),
              termsVersion: ndaVersion.get(s.requestId)!,
              userId,
              acceptedAt: s.ndaAcceptedAt,
            },
          ]
        : [];
    });
    if (acceptances.length) await tx.insert(requestNdaAcceptances).values(acceptances).onConflictDoNothing();

    let lastShown = 0;
    for (let start = 0; start < data.solutions.length; start += WIDE_BATCH) {
      const chunk = data.solutions.slice(start, start + WIDE_BATCH);
      await tx.insert(solutions).values(
        chunk.map(({ events, scores, ndaAcceptedAt, organizationKey, ...s }) => ({
          ...s,
          organizationId: orgId(organizationKey),
          authorId: person(organizationKey) ?? options.operatorId,
        })),
      );
      const done = start + chunk.length;
      if (done === data.solutions.length || done - lastShown >= data.solutions.length / 4) {
        lastShown = done;
        progress(
          `  отклики: ${done} из ${data.solutions.length} (${Math.round((done / data.solutions.length) * 100)}%)`,
        );
      }
    }
    const scoreRows = data.solutions.flatMap((s) =>
      s.scores.map((score) => {
        const scorerId =
          score.scorer === 'expert' ? options.expertUserId : (person(requestOrg.get(s.requestId)!) ?? undefined);
        if (!scorerId) throw new Error(`demo innovation: nobody to score ${s.number} as ${score.scorer}`);
        return {
          solutionId: s.id,
          scorerId,
          scores: score.scores,
          total: score.total,
          comment: score.comment,
          scoredAt: score.scoredAt,
        };
      }),
    );
    await insertChunks(scoreRows, ROW_BATCH, (chunk) => tx.insert(solutionScores).values(chunk));

    await insertChunks(data.pilots, WIDE_BATCH, (chunk) =>
      tx.insert(pilots).values(
        chunk.map(({ events, organizationKey, customerKey, ...p }) => ({
          ...p,
          organizationId: orgId(organizationKey),
          customerOrganizationId: orgId(customerKey),
          proposedBy: person(customerKey) ?? options.operatorId,
        })),
      ),
    );
    await insertChunks(data.contracts, ROW_BATCH, (chunk) =>
      tx.insert(contracts).values(
        chunk.map(({ organizationKey, customerKey, ...c }) => ({
          ...c,
          organizationId: orgId(organizationKey),
          customerOrganizationId: orgId(customerKey),
          recordedBy: person(customerKey) ?? options.operatorId,
        })),
      ),
    );

    // every timeline, in time order overall, so ids also break ties between steps taken at the same moment
    type Event = typeof statusEvents.$inferInsert;
    const events: Event[] = [];
    const push = <S extends string>(
      entity: 'request' | 'solution' | 'pilot',
      entityId: string,
      steps: DemoStep<S>[],
      actors: Partial<Record<DemoInnovationActor, string | null>>,
    ) => {
      let from: S | null = null;
      for (const step of steps) {
        events.push({
          entity,
          entityId,
          fromStatus: from,
          toStatus: step.status,
          actorId: step.actor === 'operator' ? options.operatorId : (actors[step.actor] ?? null),
          comment: step.comment,
          at: step.at,
        });
        from = step.status;
      }
    };
    for (const r of data.requests) push('request', r.id, r.events, { customer: person(r.organizationKey) });
    for (const s of data.solutions) {
      push('solution', s.id, s.events, {
        company: person(s.organizationKey),
        customer: person(requestOrg.get(s.requestId)!),
      });
    }
    for (const p of data.pilots) {
      push('pilot', p.id, p.events, {
        company: person(p.organizationKey),
        customer: person(p.customerKey),
        site_owner: person(siteOwner.get(p.siteId)!),
      });
    }
    events.sort((a, b) => a.at.getTime() - b.at.getTime()); // stable: an entity's own order is kept
    await insertChunks(events, ROW_BATCH, (chunk) => tx.insert(statusEvents).values(chunk));
    progress(`  пилоты и договоры: ${data.pilots.length} и ${data.contracts.length}`);

    // never move a sequence backwards: numbers it already handed out must not be issued again
    for (const [sequence, rows] of [
      ['request_number_seq', data.requests],
      ['solution_number_seq', data.solutions],
      ['pilot_number_seq', data.pilots],
    ] as const) {
      if (!rows.length) continue;
      const highest = Math.max(...rows.map((row) => Number(row.number.slice(-6))));
      await tx.execute(
        sql`select setval(${sequence}::regclass, greatest(${highest}::bigint, (select last_value from ${sql.identifier(sequence)})))`,
      );
    }
  });
}

export interface SeedDemoInnovationInput {
  size: DemoData;
  now: Date;
  userIds: { operator: string; expert?: string; company?: string; corporate?: string; city?: string };
  /** the generated organizations and their ids, in the same order */
  organizations: DemoInnovationOrganization[];
  organizationIds: string[];
  log?: (line: string) => void;
}

/**
 * The demo's open innovation: adds the city departments and corporations, finds the demo accounts' organizations
 * through their owners, generates and writes everything. One transaction (a savepoint inside one).
 */
export async function seedDemoInnovation(db: DbOrTx, input: SeedDemoInnovationInput): Promise<DemoInnovation | null> {
  const size = DEMO_INNOVATION_SIZES[input.size];
  if (size.requests === 0) return null;
  return db.transaction(async (tx) => {
    const accountUsers = (['company', 'corporate', 'city'] as const).flatMap((role) => {
      const userId = input.userIds[role];
      return userId ? [[role, userId] as const] : [];
    });
    const rows = accountUsers.length
      ? await tx
          .select({
            userId: organizationMembers.userId,
            id: organizations.id,
            inn: organizations.inn,
            shortName: organizations.shortName,
            capabilities: organizations.capabilities,
            technologies: organizations.technologies,
            okvedMain: organizations.okvedMain,
            district: organizations.district,
            address: organizations.address,
            membershipStatus: organizations.membershipStatus,
          })
          .from(organizationMembers)
          .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
          .where(
            inArray(
              organizationMembers.userId,
              accountUsers.map(([, userId]) => userId),
            ),
          )
      : [];
    const accounts: { company?: string; corporate?: string; city?: string } = {};
    const ownerIds = new Map<string, string>();
    for (const [role, userId] of accountUsers) {
      const row = rows.find((r) => r.userId === userId);
      if (!row) continue;
      accounts[role] = row.inn;
      ownerIds.set(row.inn, userId);
    }
    const data = generateDemoInnovation({
      now: input.now,
      size,
      organizations: [...input.organizations, ...rows],
      accounts,
    });
    const organizationIds = new Map(input.organizations.map((o, i) => [o.inn, input.organizationIds[i]]));
    for (const row of rows) organizationIds.set(row.inn, row.id);
    const addedIds = await insertDemoOrganizations(tx, data.organizations, { applicantId: input.userIds.operator });
    for (const [i, o] of data.organizations.entries()) organizationIds.set(o.inn, addedIds[i]);
    await insertDemoInnovation(tx, data, {
      organizationIds,
      ownerIds,
      operatorId: input.userIds.operator,
      expertUserId: input.userIds.expert,
      onProgress: input.log,
    });
    return data;
  });
}
