// Writes the generated projects and investments: the investors the demo adds, investor profiles, startups' needs,
// projects with their partners, deals and every status event. The only SQL for demo projects and investments; what
// to write comes from demo-ventures.ts.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DemoData } from '../config.ts';
import type { DbOrTx } from '../db/client.ts';
import { applications } from '../db/schema/applications.ts';
import { statusEvents } from '../db/schema/events.ts';
import { deals, investorProfiles, startupNeeds } from '../db/schema/investments.ts';
import { measures } from '../db/schema/measures.ts';
import { organizationMembers, organizations } from '../db/schema/organizations.ts';
import { contracts } from '../db/schema/pilots.ts';
import { projectPartners, projects } from '../db/schema/projects.ts';
import { requests } from '../db/schema/requests.ts';
import { insertDemoOrganizations } from './demo-insert.ts';
import {
  DEMO_VENTURES_SIZES,
  type DemoVentureActor,
  type DemoVentureStep,
  type DemoVentures,
  generateDemoVentures,
} from './demo-ventures.ts';

// ~25 columns per project or deal: 500 rows stay well below PostgreSQL's 65 535 bind parameters per statement
const WIDE_BATCH = 500;
const ROW_BATCH = 2000;

export interface InsertDemoVenturesOptions {
  /** organization key (INN) → id, for every organization the data mentions (the added investors included) */
  organizationIds: Map<string, string>;
  /** the person acting for an organization (the demo accounts' owners), by organization key */
  ownerIds: Map<string, string>;
  /** the operator: stands in as author where an organization has no person of its own */
  operatorId: string;
  /** a line for each stage written */
  onProgress?: (line: string) => void;
}

async function insertChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * Inserts everything but the added organizations (see seedDemoVentures) in one transaction, or a savepoint when `db`
 * already is one. Meant for a database without projects and deals of its own: numbers start at 1, and the number
 * sequences continue past them afterwards.
 */
export async function insertDemoVentures(
  db: DbOrTx,
  data: DemoVentures,
  options: InsertDemoVenturesOptions,
): Promise<void> {
  const orgId = (key: string) => {
    const id = options.organizationIds.get(key);
    if (!id) throw new Error(`demo ventures: unknown organization ${key}`);
    return id;
  };
  const person = (key: string) => options.ownerIds.get(key) ?? null;
  const progress = options.onProgress ?? (() => {});

  await db.transaction(async (tx) => {
    await insertChunks(data.investorProfiles, WIDE_BATCH, (chunk) =>
      tx
        .insert(investorProfiles)
        .values(chunk.map(({ organizationKey, ...p }) => ({ ...p, organizationId: orgId(organizationKey) }))),
    );
    await insertChunks(data.startupNeeds, ROW_BATCH, (chunk) =>
      tx
        .insert(startupNeeds)
        .values(chunk.map(({ organizationKey, ...n }) => ({ ...n, organizationId: orgId(organizationKey) }))),
    );
    progress(
      `  инвесторы и стартапы: ${data.investorProfiles.length} профилей, ${data.startupNeeds.length} потребностей`,
    );

    const leadOf = new Map(data.projects.map((p) => [p.id, p.leadKey]));
    await insertChunks(data.projects, WIDE_BATCH, (chunk) =>
      tx.insert(projects).values(
        // the deal a project came from is written after the deals (the two tables refer to each other)
        chunk.map(({ events, leadKey, originDealId, ...p }) => ({
          ...p,
          leadOrganizationId: orgId(leadKey),
          authorId: person(leadKey) ?? options.operatorId,
        })),
      ),
    );
    await insertChunks(data.partners, ROW_BATCH, (chunk) =>
      tx.insert(projectPartners).values(
        chunk.map(({ organizationKey, ...r }) => ({
          ...r,
          organizationId: orgId(organizationKey),
          invitedBy: person(leadOf.get(r.projectId)!) ?? options.operatorId,
          decidedBy: r.decidedAt ? person(organizationKey) : null,
        })),
      ),
    );
    const implemented = data.projects.filter((p) => p.status === 'implemented');
    progress(
      `  проекты: ${data.projects.length}, реализовано ${implemented.length}, совместных ${implemented.filter((p) => p.joint).length}`,
    );

    await insertChunks(data.deals, WIDE_BATCH, (chunk) =>
      tx.insert(deals).values(
        chunk.map(({ events, investorKey, companyKey, createdBy, disputedBy, ...d }) => ({
          ...d,
          investorOrganizationId: orgId(investorKey),
          organizationId: orgId(companyKey),
          createdBy: person(createdBy === 'investor' ? investorKey : companyKey) ?? options.operatorId,
          investorConfirmedBy: d.investorConfirmedAt ? person(investorKey) : null,
          companyConfirmedBy: d.companyConfirmedAt ? person(companyKey) : null,
          disputedByOrganizationId: disputedBy ? orgId(disputedBy === 'investor' ? investorKey : companyKey) : null,
        })),
      ),
    );

    const fromDeals = data.projects.filter((p) => p.originDealId !== null);
    await insertChunks(fromDeals, ROW_BATCH, (chunk) =>
      tx.execute(sql`
        update projects set origin_deal_id = v.deal_id::uuid
        from (values ${sql.join(
          chunk.map((p) => sql`(${p.id}::uuid, ${p.originDealId})`),
          sql`, `,
        )}) as v(project_id, deal_id)
        where projects.id = v.project_id`),
    );

    // every timeline, in time order overall, so ids also break ties between steps taken at the same moment
    type Event = typeof statusEvents.$inferInsert;
    const events: Event[] = [];
    const push = <S extends string>(
      entity: 'project' | 'deal',
      entityId: string,
      steps: DemoVentureStep<S>[],
      actors: Partial<Record<DemoVentureActor, string | null>>,
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
    for (const p of data.projects) push('project', p.id, p.events, { lead: person(p.leadKey) });
    for (const d of data.deals) {
      push('deal', d.id, d.events, { investor: person(d.investorKey), company: person(d.companyKey) });
    }
    events.sort((a, b) => a.at.getTime() - b.at.getTime()); // stable: an entity's own order is kept
    await insertChunks(events, ROW_BATCH, (chunk) => tx.insert(statusEvents).values(chunk));
    progress(`  сделки: ${data.deals.length}`);

    // never move a sequence backwards: numbers it already handed out must not be issued again
    for (const [sequence, rows] of [
      ['project_number_seq', data.projects],
      ['deal_number_seq', data.deals],
    ] as const) {
      if (!rows.length) continue;
      const highest = Math.max(...rows.map((row) => Number(row.number.slice(-6))));
      await tx.execute(
        sql`select setval(${sequence}::regclass, greatest(${highest}::bigint, (select last_value from ${sql.identifier(sequence)})))`,
      );
    }
  });
}

export interface SeedDemoVenturesInput {
  size: DemoData;
  now: Date;
  userIds: { operator: string; company?: string; corporate?: string; investor?: string };
  log?: (line: string) => void;
}

/**
 * The demo's projects and investments, after the organizations, applications and open innovation are in: reads the
 * organizations, the contracts and the completed applications back, finds the demo accounts' organizations through
 * their owners, adds the investors, generates and writes everything. One transaction (a savepoint inside one).
 */
export async function seedDemoVentures(db: DbOrTx, input: SeedDemoVenturesInput): Promise<DemoVentures | null> {
  const size = DEMO_VENTURES_SIZES[input.size];
  if (size.implemented + size.other + size.deals === 0) return null;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: organizations.id,
        inn: organizations.inn,
        shortName: organizations.shortName,
        capabilities: organizations.capabilities,
        technologies: organizations.technologies,
        okvedMain: organizations.okvedMain,
        district: organizations.district,
        regionCode: organizations.regionCode,
        smeCategory: organizations.smeCategory,
        foundedOn: organizations.foundedOn,
        isStartup: organizations.isStartup,
        startupStage: organizations.startupStage,
        membershipStatus: organizations.membershipStatus,
        membershipKind: organizations.membershipKind,
        admittedAt: organizations.admittedAt,
      })
      .from(organizations)
      .orderBy(asc(organizations.inn));

    const accountUsers = (['company', 'corporate', 'investor'] as const).flatMap((role) => {
      const userId = input.userIds[role];
      return userId ? [[role, userId] as const] : [];
    });
    const members = accountUsers.length
      ? await tx
          .select({ userId: organizationMembers.userId, inn: organizations.inn })
          .from(organizationMembers)
          .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
          .where(
            inArray(
              organizationMembers.userId,
              accountUsers.map(([, userId]) => userId),
            ),
          )
      : [];
    const accounts: { company?: string; corporate?: string; investor?: string } = {};
    const ownerIds = new Map<string, string>();
    for (const [role, userId] of accountUsers) {
      const member = members.find((m) => m.userId === userId);
      if (!member) continue;
      accounts[role] = member.inn;
      ownerIds.set(member.inn, userId);
    }

    const companies = alias(organizations, 'companies');
    const customers = alias(organizations, 'customers');
    const signed = await tx
      .select({
        solutionId: contracts.solutionId,
        pilotId: contracts.pilotId,
        organizationKey: companies.inn,
        customerKey: customers.inn,
        signedOn: contracts.signedOn,
        requestTitle: requests.title,
        technologies: requests.technologies,
      })
      .from(contracts)
      .innerJoin(requests, eq(requests.id, contracts.requestId))
      .innerJoin(companies, eq(companies.id, contracts.organizationId))
      .innerJoin(customers, eq(customers.id, contracts.customerOrganizationId))
      .orderBy(asc(contracts.signedOn), asc(contracts.solutionId));
    const completed = await tx
      .select({
        applicationId: applications.id,
        organizationKey: organizations.inn,
        measureCode: measures.code,
        measureTitle: measures.title,
        decidedAt: applications.decidedAt,
        completedAt: applications.updatedAt,
      })
      .from(applications)
      .innerJoin(measures, eq(measures.id, applications.measureId))
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(eq(applications.status, 'completed'))
      .orderBy(asc(applications.number));

    const data = generateDemoVentures({
      now: input.now,
      size,
      organizations: rows,
      accounts,
      origins: {
        contracts: signed,
        applications: completed.flatMap((a) => (a.decidedAt ? [{ ...a, decidedAt: a.decidedAt }] : [])),
      },
    });
    const organizationIds = new Map(rows.map((row) => [row.inn, row.id]));
    const addedIds = await insertDemoOrganizations(tx, data.organizations, { applicantId: input.userIds.operator });
    for (const [i, o] of data.organizations.entries()) organizationIds.set(o.inn, addedIds[i]);
    await insertDemoVentures(tx, data, {
      organizationIds,
      ownerIds,
      operatorId: input.userIds.operator,
      onProgress: input.log,
    });
    return data;
  });
}
