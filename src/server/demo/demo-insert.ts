// Writes generated demo organizations with their membership cases and timelines.
// The only place with SQL for demo data; what to write comes from demo-organizations.ts.
import { sql } from 'drizzle-orm';
import { MOSCOW_REGION_CODE } from '../../shared/domain.ts';
import type { DbOrTx } from '../db/client.ts';
import { membershipApplications, membershipEvents } from '../db/schema/membership.ts';
import { organizations } from '../db/schema/organizations.ts';
import { type DemoMembershipStep, type DemoOrganization, demoMembershipHistory } from './demo-organizations.ts';

// 500 organizations × ~30 columns stay well below PostgreSQL's 65 535 bind parameters per statement
const ORG_BATCH = 500;
const EVENT_BATCH = 2000;

export interface InsertDemoOptions {
  /** The user recorded as the applicant of every demo membership case. */
  applicantId: string;
  /** The user recorded as having reviewed and decided the cases; without it decidedBy and those actors stay null. */
  deciderId?: string;
  /** Organizations written so far (with their membership cases) out of all; called after each batch. */
  onProgress?: (done: number, total: number) => void;
}

type NewApplication = typeof membershipApplications.$inferInsert;
type NewEvent = typeof membershipEvents.$inferInsert;

const DECISIONS: ReadonlySet<DemoMembershipStep['status']> = new Set([
  'participant',
  'rejected',
  'suspended',
  'excluded',
]);

/**
 * Inserts the organizations in one transaction (a savepoint when `db` is already a transaction), so a failed seed
 * leaves nothing behind; answers their ids in the order given. Meant for a database without registry numbers
 * of its own: the generated ones start at 1. Afterwards `registry_number_seq` continues past them.
 */
export async function insertDemoOrganizations(
  db: DbOrTx,
  orgs: DemoOrganization[],
  options: InsertDemoOptions,
): Promise<string[]> {
  if (orgs.length === 0) return [];
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let start = 0; start < orgs.length; start += ORG_BATCH) {
      const batch = orgs.slice(start, start + ORG_BATCH);
      const histories = batch.map(demoMembershipHistory);
      // an organization that applied appears on the platform when it applied, so "new this month" looks alive
      const rows = batch.map((org, i) => {
        const history = histories[i];
        if (history.length === 0) return org;
        return { ...org, createdAt: history[0].at, updatedAt: history[history.length - 1].at };
      });
      const inserted = await tx
        .insert(organizations)
        .values(rows)
        .returning({ id: organizations.id, inn: organizations.inn });
      // RETURNING order is not promised by SQL, so rows are matched back by their unique INN
      const idByInn = new Map(inserted.map((row) => [row.inn, row.id]));
      const batchIds = batch.map((org) => {
        const id = idByInn.get(org.inn);
        if (!id) throw new Error(`demo organization ${org.inn} was not inserted`);
        return id;
      });
      ids.push(...batchIds);
      await insertMembershipCases(tx, batch, batchIds, histories, options);
      options.onProgress?.(start + batch.length, orgs.length);
    }

    const highestSequence = Math.max(0, ...orgs.map((org) => registrySequenceOf(org.registryNumber)));
    if (highestSequence > 0) {
      // never move the sequence backwards: numbers it already handed out must not be issued again
      await tx.execute(
        sql`select setval('registry_number_seq', greatest(${highestSequence}::bigint, (select last_value from registry_number_seq)))`,
      );
    }
    return ids;
  });
}

function registrySequenceOf(registryNumber: string | null): number {
  return registryNumber ? Number(registryNumber.slice(-6)) : 0;
}

async function insertMembershipCases(
  db: DbOrTx,
  batch: DemoOrganization[],
  ids: string[],
  histories: DemoMembershipStep[][],
  { applicantId, deciderId }: InsertDemoOptions,
): Promise<void> {
  const applications: NewApplication[] = [];
  const historyByOrg = new Map<string, DemoMembershipStep[]>();
  batch.forEach((org, i) => {
    const history = histories[i];
    if (history.length === 0) return;
    const last = history[history.length - 1];
    const decision = history.findLast((step) => DECISIONS.has(step.status));
    const reasoned = history.findLast((step) => step.reason !== null);
    historyByOrg.set(ids[i], history);
    applications.push({
      organizationId: ids[i],
      kind: org.membershipKind ?? (org.regionCode === MOSCOW_REGION_CODE ? 'participant' : 'partner'),
      status: last.status,
      applicantId,
      lastReason: reasoned?.reason ?? null,
      decidedBy: decision ? (deciderId ?? null) : null,
      decidedAt: decision?.at ?? null,
      createdAt: history[0].at,
      updatedAt: last.at,
    });
  });
  if (applications.length === 0) return;

  const inserted = await db
    .insert(membershipApplications)
    .values(applications)
    .returning({ id: membershipApplications.id, organizationId: membershipApplications.organizationId });
  const events: NewEvent[] = [];
  for (const { id, organizationId } of inserted) {
    for (const step of historyByOrg.get(organizationId) ?? []) {
      events.push({
        applicationId: id,
        status: step.status,
        reason: step.reason,
        actorId: step.status === 'applied' ? applicantId : (deciderId ?? null),
        at: step.at,
      });
    }
  }
  for (let start = 0; start < events.length; start += EVENT_BATCH) {
    await db.insert(membershipEvents).values(events.slice(start, start + EVENT_BATCH));
  }
}
