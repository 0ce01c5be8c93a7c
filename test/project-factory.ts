// Projects with partners, and the records a project may come from, written straight into the database: for tests
// that need a project with confirmed partners (conflicts of interest, consortia) or an origin to link, without
// walking the whole path through the API.
import { randomInt } from 'node:crypto';
import { deals } from '../src/server/db/schema/investments.ts';
import { pilotSites, pilots } from '../src/server/db/schema/pilots.ts';
import { projectPartners, projects } from '../src/server/db/schema/projects.ts';
import type { PartnerStatus, ProjectStatus } from '../src/shared/ventures.ts';
import { JOINT_MIN_PARTICIPANTS } from '../src/shared/ventures.ts';
import type { TestApp } from './test-app.ts';

let sequence = randomInt(1, 500_000);

/**
 * A project of `leadOrganizationId` with the given partners. `confirmedParticipants` is stored as given (the joint
 * flag follows it): tests of the stored figures say what they expect; the API recounts on every answer.
 */
export async function insertProject(
  t: TestApp,
  options: {
    leadOrganizationId: string;
    authorId: string;
    status?: ProjectStatus;
    partners?: Array<{ organizationId: string; status: PartnerStatus }>;
    confirmedParticipants?: number;
    values?: Partial<typeof projects.$inferInsert>;
  },
) {
  const n = ++sequence;
  const status = options.status ?? 'active';
  const confirmedParticipants = options.confirmedParticipants ?? 1;
  const [project] = await t.database.db
    .insert(projects)
    .values({
      number: `ПР-2026-${String(n).padStart(6, '0')}-${process.pid}`,
      leadOrganizationId: options.leadOrganizationId,
      authorId: options.authorId,
      title: `Беспилотный мониторинг теплосетей №${n}`,
      description: 'Совместная разработка системы облёта теплотрасс.',
      technologies: ['drones', 'ai'],
      trl: 6,
      startedOn: '2026-01-15',
      status,
      implementedOn: status === 'implemented' ? '2026-10-01' : null,
      leadDistrict: 'ЦАО',
      confirmedParticipants,
      joint: confirmedParticipants >= JOINT_MIN_PARTICIPANTS,
      ...options.values,
    })
    .returning();
  if (options.partners?.length) {
    const at = new Date();
    await t.database.db.insert(projectPartners).values(
      options.partners.map((p) => ({
        projectId: project.id,
        organizationId: p.organizationId,
        status: p.status,
        invitedBy: options.authorId,
        invitedAt: at,
        ...(p.status === 'invited' ? {} : { decidedBy: options.authorId, decidedAt: at }),
      })),
    );
  }
  return project;
}

/** A pilot of `solutionId` (of `organizationId`) on a fresh site owned by the customer. */
export async function insertPilot(
  t: TestApp,
  values: {
    solutionId: string;
    requestId: string;
    organizationId: string;
    customerOrganizationId: string;
    proposedBy: string;
  },
) {
  const n = ++sequence;
  const [site] = await t.database.db
    .insert(pilotSites)
    .values({
      name: `Площадка №${n}`,
      kind: 'park',
      ownerOrganizationId: values.customerOrganizationId,
      address: 'Москва, ул. Тестовая, 1',
      district: 'ЮЗАО',
      testable: 'Облёт территории',
    })
    .returning();
  const [pilot] = await t.database.db
    .insert(pilots)
    .values({
      number: `ПИ-2026-${String(n).padStart(6, '0')}-${process.pid}`,
      ...values,
      siteId: site.id,
      plan: 'Три месяца облётов',
      trl: 7,
      startsOn: '2026-02-01',
      endsOn: '2026-04-01',
      status: 'completed',
    })
    .returning();
  return pilot;
}

/** A deal between an investor and a company. */
export async function insertDeal(
  t: TestApp,
  values: { investorOrganizationId: string; organizationId: string; createdBy: string },
) {
  const n = ++sequence;
  const [deal] = await t.database.db
    .insert(deals)
    .values({
      number: `СД-2026-${String(n).padStart(6, '0')}-${process.pid}`,
      ...values,
      round: 'seed',
      instrument: 'equity',
      amountKopecks: 10_000_000_000n,
      dealDate: '2026-03-01',
      status: 'intro',
    })
    .returning();
  return deal;
}
