// What an empty database is filled with at start (DEMO_DATA) and the demo accounts, one per role.
import { type Capability, okvedSectionOf, type SmeCategory, type TechnologyArea } from '../../shared/domain.ts';
import { formatRegistryNumber, innWithCheckDigits, ogrnWithCheckDigit } from '../../shared/requisites.ts';
import type { Clock } from '../clock.ts';
import type { DemoData } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { PlatformRole } from '../db/schema/auth.ts';
import { createAuthService } from '../modules/auth/auth.service.ts';
import * as measuresRepo from '../modules/measures/measures.repository.ts';
import * as membershipRepo from '../modules/membership/membership.repository.ts';
import * as orgRepo from '../modules/organizations/organizations.repository.ts';
import {
  type DemoApplicant,
  type DemoApplication,
  generateDemoApplications,
  type PinnedDemoApplication,
} from './demo-applications.ts';
import { insertDemoApplications } from './demo-applications-insert.ts';
import { seedDemoInnovation } from './demo-innovation-insert.ts';
import { insertDemoOrganizations } from './demo-insert.ts';
import { demoArchivedMeasures, demoMeasures, insertDemoMeasures } from './demo-measures.ts';
import { type DemoOrganization, generateDemoOrganizations } from './demo-organizations.ts';
import { seedDemoVentures } from './demo-ventures-insert.ts';

export const DEMO_PASSWORD = 'Demo-2026!';

export type DemoRole = 'admin' | 'operator' | 'expert' | 'company' | 'corporate' | 'city' | 'investor';

export const DEMO_ACCOUNTS: Array<{ role: DemoRole; email: string; fullName: string; platformRole: PlatformRole }> = [
  { role: 'admin', email: 'admin@klaster.demo', fullName: 'Администратор Платформы', platformRole: 'admin' },
  { role: 'operator', email: 'operator@klaster.demo', fullName: 'Ольга Операторова', platformRole: 'operator' },
  { role: 'expert', email: 'expert@klaster.demo', fullName: 'Эдуард Экспертов', platformRole: 'expert' },
  { role: 'company', email: 'company@klaster.demo', fullName: 'Кирилл Технологов', platformRole: 'user' },
  { role: 'corporate', email: 'corporate@klaster.demo', fullName: 'Константин Корпоратов', platformRole: 'user' },
  { role: 'city', email: 'city@klaster.demo', fullName: 'Галина Городская', platformRole: 'user' },
  { role: 'investor', email: 'investor@klaster.demo', fullName: 'Иван Инвесторов', platformRole: 'user' },
];

const DEMO_SIZES: Record<DemoData, number> = { full: 10_000, small: 40, none: 0 };
const DEMO_APPLICATION_COUNTS: Record<DemoData, number> = { full: 3_000, small: 60, none: 0 };
/**
 * Applications to the archived rounds of past years. The full demo pays participants about 13.3 bn RUB there, so that
 * with the current rounds' ≈0.9 bn the city support they received lands near the reference platform's 14.2 bn.
 */
const DEMO_ARCHIVE: Record<DemoData, { count: number; paidTargetKopecks?: bigint }> = {
  full: { count: 9_000, paidTargetKopecks: 13_300_000_000n * 100n },
  small: { count: 12 },
  none: { count: 0 },
};
const ARCHIVE_STATUS_WEIGHTS = [
  ['completed', 14],
  ['rejected', 7],
  ['withdrawn', 2],
] as const;

/**
 * The demo company's own applications, so its cabinet is not empty: an approved one and a draft. Every other open
 * measure (MIK-PAT-INT, MIK-EQUIP, MIK-LOAN, MIK-COMPLEX, MIK-COOP, MIK-PILOT, MIK-ENG) is left for it to apply to.
 */
export const DEMO_COMPANY_APPLICATIONS = [
  { measureCode: 'MIK-PAT-RU', status: 'approved' },
  { measureCode: 'MIK-EXPORT', status: 'draft' },
] as const;
/** Days between the demo accounts' organizations' admission and the seeding day. */
const DEMO_ADMITTED_DAYS_AGO = 180;

/** The organizations the demo accounts act for; INN bodies 9909… stay clear of the generated ones. */
const DEMO_ORGANIZATIONS: Array<{
  owner: DemoRole;
  shortName: string;
  fullName: string;
  legalForm: string;
  okvedMain: string;
  technologies: TechnologyArea[];
  capabilities: Capability[];
  smeCategory: SmeCategory;
  description: string;
  admitted: boolean;
}> = [
  {
    owner: 'company',
    shortName: 'ООО «Демо Технологии»',
    fullName: 'Общество с ограниченной ответственностью «Демо Технологии»',
    legalForm: 'ООО',
    okvedMain: '62.01',
    technologies: ['ai', 'smart_city'],
    capabilities: ['company'],
    smeCategory: 'small',
    description: 'Разрабатываем системы компьютерного зрения для городской инфраструктуры.',
    admitted: true,
  },
  {
    owner: 'corporate',
    shortName: 'ПАО «Московская энергетическая корпорация»',
    fullName: 'Публичное акционерное общество «Московская энергетическая корпорация»',
    legalForm: 'ПАО',
    okvedMain: '35.11',
    technologies: ['energy', 'iot'],
    capabilities: ['company', 'customer'],
    smeCategory: 'large',
    description: 'Крупная энергетическая компания; ищем инновационные решения для сетей и генерации.',
    admitted: true,
  },
  {
    owner: 'city',
    shortName: 'ГКУ «Центр городских инноваций»',
    fullName: 'Государственное казённое учреждение города Москвы «Центр городских инноваций»',
    legalForm: 'ГКУ',
    okvedMain: '84.11',
    technologies: ['smart_city', 'transport'],
    capabilities: ['customer'],
    smeCategory: 'large',
    description: 'Городской заказчик: формирует запросы департаментов Москвы на инновационные решения.',
    admitted: false,
  },
  {
    owner: 'investor',
    shortName: 'АО «Венчурный фонд Демо»',
    fullName: 'Акционерное общество «Венчурный фонд Демо»',
    legalForm: 'АО',
    okvedMain: '64.30',
    technologies: ['ai', 'biotech', 'fintech'],
    capabilities: ['investor'],
    smeCategory: 'medium',
    description: 'Венчурный фонд ранних стадий: инвестиции в технологические стартапы Москвы.',
    admitted: false,
  },
];

const ADMISSION_REASON = 'Соответствует требованиям к участникам кластера';

export async function ensureAdmin(db: Db, email: string, password: string) {
  const auth = createAuthService({ db, clock: { now: () => new Date() } });
  await auth.ensureUser({ email, password, fullName: 'Администратор', role: 'admin' });
}

async function isEmpty(db: Db) {
  const { total } = await orgRepo.listAllOrganizations(db, { limit: 1, offset: 0 });
  return total === 0;
}

/** Fills an empty database; answers whether it did. Deterministic: the same size gives the same data. */
export async function seedIfEmpty(db: Db, size: DemoData, clock: Clock, log: (line: string) => void = () => {}) {
  if (size === 'none' || !(await isEmpty(db))) return false;
  const started = Date.now();
  log(`Первый запуск: заполняем базу демо-данными (${size})…`);
  const auth = createAuthService({ db, clock });
  const userIds = {} as Record<DemoRole, string>;
  for (const account of DEMO_ACCOUNTS) {
    userIds[account.role] = await auth.ensureUser({
      email: account.email,
      password: DEMO_PASSWORD,
      fullName: account.fullName,
      role: account.platformRole,
    });
  }
  const organizations = generateDemoOrganizations(DEMO_SIZES[size]);
  let lastShown = 0;
  const organizationIds = await insertDemoOrganizations(db, organizations, {
    applicantId: userIds.operator,
    deciderId: userIds.operator,
    onProgress: (done, total) => {
      if (done === total || done - lastShown >= total / 10) {
        lastShown = done;
        log(`  организации: ${done} из ${total} (${Math.round((done / total) * 100)}%)`);
      }
    },
  });
  const accountOrganizations = await seedDemoAccountOrganizations(db, userIds, clock.now());
  await insertDemoMeasures(db, clock.now());
  await seedDemoApplications(db, size, clock.now(), userIds, organizations, organizationIds, accountOrganizations);
  log('  открытые инновации: площадки, запросы, отклики, пилоты…');
  await seedDemoInnovation(db, { size, now: clock.now(), userIds, organizations, organizationIds, log });
  log('  проекты и инвестиции: инвесторы, стартапы, проекты с партнёрами, сделки…');
  await seedDemoVentures(db, { size, now: clock.now(), userIds, log });
  log(`Демо-данные готовы за ${((Date.now() - started) / 1000).toFixed(1)} с`);
  return true;
}

/**
 * The demo's applications: to the archived rounds of past years first (their numbers come first) — decided files,
 * most of them paid out and reported on — then to the current catalogue, every status.
 */
export function generateSeedApplications(
  size: DemoData,
  now: Date,
  applicants: DemoApplicant[],
  pinned: PinnedDemoApplication[],
): DemoApplication[] {
  // demoMeasures fills every column the generator reads
  const withReports = (m: ReturnType<typeof demoMeasures>[number]) => ({
    ...m,
    reportCount: m.reportCount ?? 1,
    reportIntervalMonths: m.reportIntervalMonths ?? 12,
  });
  const archived = generateDemoApplications({
    ...DEMO_ARCHIVE[size],
    now,
    measures: demoArchivedMeasures(now).map(withReports),
    applicants,
    historyDays: 366 * 8,
    statusWeights: ARCHIVE_STATUS_WEIGHTS,
    seed: 2019,
  });
  const current = generateDemoApplications({
    count: DEMO_APPLICATION_COUNTS[size],
    now,
    measures: demoMeasures(now).map(withReports),
    applicants,
    firstNumber: archived.length + 1,
    pinned,
  });
  return [...archived, ...current];
}

/** Applications of admitted participants to the demo measures, in every status, and the demo company's own. */
async function seedDemoApplications(
  db: Db,
  size: DemoData,
  now: Date,
  userIds: Record<DemoRole, string>,
  organizations: DemoOrganization[],
  organizationIds: string[],
  accountOrganizations: Array<{ owner: DemoRole; id: string; inn: string; applicant: DemoApplicant }>,
) {
  const applicants: DemoApplicant[] = organizations
    .filter((org) => org.membershipStatus === 'participant')
    .map((org) => ({ key: org.inn, facts: org, admittedAt: org.admittedAt, description: org.description }));
  const company = accountOrganizations.find((o) => o.owner === 'company');
  if (company) applicants.push(company.applicant);
  const pinned = company
    ? DEMO_COMPANY_APPLICATIONS.map((p) => ({
        organizationKey: company.inn,
        measureCode: p.measureCode,
        status: p.status,
      }))
    : [];
  const apps = generateSeedApplications(size, now, applicants, pinned);
  const measures = demoMeasures(now);
  const archivedMeasures = demoArchivedMeasures(now);
  const measureIds = new Map<string, string>();
  for (const m of [...measures, ...archivedMeasures]) {
    const id = await measuresRepo.findMeasureIdByCode(db, m.code);
    if (id) measureIds.set(m.code, id);
  }
  const orgIds = new Map(organizations.map((org, i) => [org.inn, organizationIds[i]]));
  for (const o of accountOrganizations) orgIds.set(o.inn, o.id);
  await insertDemoApplications(db, apps, {
    organizationIds: orgIds,
    measureIds,
    operatorId: userIds.operator,
    defaultApplicantId: userIds.operator,
    ownerIds: new Map(accountOrganizations.map((o) => [o.inn, userIds[o.owner]])),
    expertUserId: userIds.expert,
    expertise: ['ai', 'robotics', 'energy', 'medtech', 'smart_city'],
    now,
  });
}

async function seedDemoAccountOrganizations(db: Db, userIds: Record<DemoRole, string>, now: Date) {
  const seeded: Array<{ owner: DemoRole; id: string; inn: string; applicant: DemoApplicant }> = [];
  // admitted half a year ago, so their applications have room for a history
  const admittedAt = new Date(now.getTime() - DEMO_ADMITTED_DAYS_AGO * 24 * 3600 * 1000);
  for (const [index, demo] of DEMO_ORGANIZATIONS.entries()) {
    await db.transaction(async (tx) => {
      const inserted = await orgRepo.insertOrganization(tx, {
        legalType: 'legal_entity',
        inn: innWithCheckDigits(`99090000${index + 1}`),
        ogrn: ogrnWithCheckDigit(`10277990000${index + 1}`),
        kpp: '770101001',
        fullName: demo.fullName,
        shortName: demo.shortName,
        legalForm: demo.legalForm,
        regionCode: '77',
        district: 'ЦАО',
        address: `г. Москва, ул. Тверская, д. ${index + 1}`,
        okvedMain: demo.okvedMain,
        okvedSection: okvedSectionOf(demo.okvedMain)!,
        smeCategory: demo.smeCategory,
        foundedOn: '2015-03-01',
        description: demo.description,
        technologies: demo.technologies,
        capabilities: demo.capabilities,
      });
      if (!('row' in inserted)) return;
      const orgId = inserted.row.id;
      await orgRepo.insertMember(tx, orgId, userIds[demo.owner], 'owner');
      if (!demo.admitted) return;
      const appliedAt = new Date(admittedAt.getTime() - 14 * 24 * 3600 * 1000); // applied two weeks before admission
      const application = await membershipRepo.insertApplication(tx, {
        organizationId: orgId,
        kind: 'participant',
        applicantId: userIds[demo.owner],
        at: appliedAt,
      });
      if (!application) return;
      await membershipRepo.transitionApplication(tx, {
        id: application.id,
        from: 'applied',
        to: 'participant',
        reason: ADMISSION_REASON,
        actorId: userIds.operator,
        at: admittedAt,
        decided: true,
      });
      for (const [status, actor, reason, at] of [
        ['applied', demo.owner, null, appliedAt],
        ['participant', 'operator', ADMISSION_REASON, admittedAt],
      ] as const) {
        await membershipRepo.insertEvent(tx, {
          applicationId: application.id,
          status,
          reason,
          actorId: userIds[actor],
          at,
        });
      }
      await membershipRepo.setOrganizationMembership(tx, orgId, {
        membershipStatus: 'participant',
        membershipKind: 'participant',
        registryNumber: formatRegistryNumber(
          admittedAt.getUTCFullYear(),
          await membershipRepo.nextRegistrySequence(tx),
        ),
        admittedAt,
        at: admittedAt,
      });
      const row = inserted.row;
      seeded.push({
        owner: demo.owner,
        id: orgId,
        inn: row.inn,
        applicant: {
          key: row.inn,
          facts: { ...row, membershipStatus: 'participant', membershipKind: 'participant' },
          admittedAt,
          description: row.description,
        },
      });
    });
  }
  return seeded;
}
