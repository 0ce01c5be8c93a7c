import type { Static } from 'typebox';
import { isCalendarDate, moscowToday } from '../../../shared/calendar-dates.ts';
import type { StartupStage, TechnologyArea } from '../../../shared/domain.ts';
import type { DealInstrument, DealRound, DealStatus, Market } from '../../../shared/ventures.ts';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { type Actor, isOperator, requireUser } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalidFields, notFound } from '../../http/app-error.ts';
import { formatRubles } from '../applications/money.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as timelines from '../audit/status-events.repository.ts';
import { notifyOperators, notifyOrganization } from '../notifications/notify.ts';
import { actorOrganizationIds, orgRoleOf } from '../organizations/org-role.ts';
import {
  type ConfirmationState,
  confirmDeal,
  countsAsInvestment,
  type DealEvent,
  type DealSide,
  disputeDeal,
  isDealOpen,
  nextDealStatus,
  otherSide,
} from './deal-status.ts';
import * as policy from './investments.policy.ts';
import * as repo from './investments.repository.ts';
import type {
  CloseDealBody,
  CreateDealBody,
  CreateInvestorBody,
  PatchDealBody,
  PutInvestorBody,
  PutNeedsBody,
} from './investments.schemas.ts';
import { type InvestorCriteria, matchReasons, type StartupFacts } from './matching.ts';

export type InvestorProfileInput = Omit<Static<typeof CreateInvestorBody>, 'organizationId'> & { version?: number };
export type PutInvestorInput = Static<typeof PutInvestorBody>;
export type NeedsInput = Static<typeof PutNeedsBody>;
export type CreateDealInput = Static<typeof CreateDealBody>;
export type PatchDealInput = Static<typeof PatchDealBody>;
export type CloseDealInput = Static<typeof CloseDealBody>;

type FieldErrors = NonNullable<AppError['fields']>;

export const DEAL_STATUS_NAMES_RU: Record<DealStatus, string> = {
  intro: 'знакомство',
  due_diligence: 'проверка (due diligence)',
  term_sheet: 'term sheet',
  closed: 'закрыта',
  dropped: 'прекращена',
};

const SIDE_NAMES_RU: Record<DealSide, string> = { investor: 'инвестор', company: 'компания' };

export const COUNTING_RULE_RU =
  'Сумма закрытых сделок, которые подтвердили обе стороны — инвестор и компания — и которые никто не оспорил.';

export function formatDealNumber(year: number, sequence: number): string {
  return `СД-${year}-${String(sequence).padStart(6, '0')}`;
}

const kopecks = (value: bigint | null) => value?.toString() ?? null;
const toBigint = (value: string | null | undefined) => (value === undefined || value === null ? null : BigInt(value));

function toProfile(row: repo.InvestorProfileRow, organizationName: string) {
  return {
    organizationId: row.organizationId,
    organizationName,
    type: row.type,
    stages: row.stages as StartupStage[],
    technologies: row.technologies as TechnologyArea[],
    markets: row.markets as Market[],
    ticketMinKopecks: kopecks(row.ticketMinKopecks),
    ticketMaxKopecks: kopecks(row.ticketMaxKopecks),
    fundSizeKopecks: kopecks(row.fundSizeKopecks),
    description: row.description,
    public: row.public,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const criteriaOf = (row: repo.InvestorProfileRow): InvestorCriteria => ({
  stages: row.stages,
  technologies: row.technologies,
  markets: row.markets,
  ticketMinKopecks: row.ticketMinKopecks,
  ticketMaxKopecks: row.ticketMaxKopecks,
});

function toNeedsFields(
  row: Pick<repo.NeedsRow, 'rounds' | 'instruments' | 'markets' | 'amountKopecks' | 'pitch'> | null | undefined,
) {
  return {
    rounds: (row?.rounds ?? []) as DealRound[],
    instruments: (row?.instruments ?? []) as DealInstrument[],
    markets: (row?.markets ?? []) as Market[],
    amountKopecks: kopecks(row?.amountKopecks ?? null),
    pitch: row?.pitch ?? '',
  };
}

const confirmationState = (row: repo.DealRow): ConfirmationState => ({
  status: row.status,
  investorConfirmed: row.investorConfirmedAt !== null,
  companyConfirmed: row.companyConfirmedAt !== null,
  disputed: row.disputedAt !== null,
});

function toConfirmation(row: repo.DealRow) {
  const state = confirmationState(row);
  return {
    investorConfirmedAt: row.investorConfirmedAt?.toISOString() ?? null,
    companyConfirmedAt: row.companyConfirmedAt?.toISOString() ?? null,
    disputedAt: row.disputedAt?.toISOString() ?? null,
    disputedByOrganizationId: row.disputedByOrganizationId,
    confirmedByBoth: state.investorConfirmed && state.companyConfirmed,
    countsAsInvestment: countsAsInvestment(state),
  };
}

function toDealSummary(row: repo.DealRow, names: { investorName: string; companyName: string }) {
  return {
    id: row.id,
    number: row.number,
    investorOrganizationId: row.investorOrganizationId,
    investorName: names.investorName,
    organizationId: row.organizationId,
    companyName: names.companyName,
    projectId: row.projectId,
    round: row.round,
    instrument: row.instrument,
    amountKopecks: row.amountKopecks.toString(),
    date: row.dealDate,
    status: row.status,
    closedAt: row.closedAt?.toISOString() ?? null,
    ...toConfirmation(row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const sideOrganization = (row: repo.DealRow, side: DealSide) =>
  side === 'investor' ? row.investorOrganizationId : row.organizationId;

export function createInvestmentsService({ db, clock }: { db: Db; clock: Clock }) {
  /** The actor's role in an existing organization: 404 to those who are not its members (403 to the operator). */
  async function memberOf(actor: Actor | null, organizationId: string) {
    const user = requireUser(actor);
    const org = await repo.findOrganization(db, organizationId);
    const orgRole = org ? await orgRoleOf(db, user, org.id) : undefined;
    return { user, org, orgRole };
  }

  /** For changes made for an organization: its owners and managers. */
  async function actorFor(actor: Actor | null, organizationId: string) {
    const { user, org, orgRole } = await memberOf(actor, organizationId);
    if (!org || !orgRole) throw org && isOperator(user) ? forbidden() : notFound('organization.not_found');
    if (!policy.canActFor(orgRole)) throw forbidden();
    return { user, org };
  }

  /** For reading what only the organization's members and the operator see. */
  async function readerOf(actor: Actor | null, organizationId: string) {
    const { user, org, orgRole } = await memberOf(actor, organizationId);
    if (!org || (!orgRole && !isOperator(user))) throw notFound('organization.not_found');
    return { user, org };
  }

  function checkProfile(input: InvestorProfileInput) {
    const fields: FieldErrors = policy.ticketRangeFields(
      toBigint(input.ticketMinKopecks),
      toBigint(input.ticketMaxKopecks),
    );
    if (Object.keys(fields).length) throw invalidFields(fields);
  }

  const profileValues = (input: InvestorProfileInput, now: Date) => ({
    type: input.type,
    stages: input.stages,
    technologies: input.technologies,
    markets: input.markets ?? [],
    ticketMinKopecks: toBigint(input.ticketMinKopecks),
    ticketMaxKopecks: toBigint(input.ticketMaxKopecks),
    fundSizeKopecks: toBigint(input.fundSizeKopecks),
    description: input.description?.trim() ?? '',
    public: input.public ?? true,
    updatedAt: now,
  });

  async function insertProfile(
    tx: DbOrTx,
    org: repo.OrganizationFacts,
    input: InvestorProfileInput,
    actorId: string,
    now: Date,
    requestId?: string,
  ) {
    const row = await repo.insertInvestorProfile(tx, {
      organizationId: org.id,
      ...profileValues(input, now),
      createdAt: now,
    });
    if (!row) return undefined;
    await recordAudit(tx, {
      actorId,
      action: 'investor.created',
      entity: 'investor_profile',
      entityId: org.id,
      after: { type: row.type, stages: row.stages, technologies: row.technologies, public: row.public },
      requestId,
      at: now,
    });
    return toProfile(row, org.shortName);
  }

  /** Who the actor is to a deal's two sides. */
  async function standingOf(actor: Actor, row: repo.DealRow): Promise<policy.DealStanding> {
    const [investorRole, companyRole] = await Promise.all([
      orgRoleOf(db, actor, row.investorOrganizationId),
      orgRoleOf(db, actor, row.organizationId),
    ]);
    return { investorRole, companyRole, operator: isOperator(actor) };
  }

  /** The deal with the actor's standing; 404 for those who may not know it exists. */
  async function load(actor: Actor | null, id: string) {
    const user = requireUser(actor);
    const row = await repo.findDeal(db, id);
    if (!row) throw notFound('deal.not_found');
    const standing = await standingOf(user, row);
    if (!policy.canSeeDeal(standing)) throw notFound('deal.not_found');
    return { user, row, standing };
  }

  /** For the moves either side makes: its owners and managers. */
  async function loadForSide(actor: Actor | null, id: string) {
    const loaded = await load(actor, id);
    const side = policy.actingSide(loaded.standing);
    if (!side) throw forbidden();
    return { ...loaded, side };
  }

  async function namesOf(tx: DbOrTx, row: repo.DealRow) {
    const names = await repo.findOrganizationNames(tx, [row.investorOrganizationId, row.organizationId]);
    return {
      investorName: names.get(row.investorOrganizationId) ?? '',
      companyName: names.get(row.organizationId) ?? '',
    };
  }

  /** One query after another: `tx` may be a transaction, whose one connection runs one query at a time. */
  async function detail(tx: DbOrTx, row: repo.DealRow, standing: policy.DealStanding) {
    const names = await namesOf(tx, row);
    const project = row.projectId ? await repo.findProject(tx, row.projectId) : undefined;
    const timeline = await timelines.listStatusEvents(tx, 'deal', row.id);
    return {
      ...toDealSummary(row, names),
      project: project ?? null,
      disputeReason: row.disputeReason,
      lastComment: row.lastComment,
      timeline: timeline.map((e) => ({
        fromStatus: e.fromStatus as DealStatus | null,
        toStatus: e.toStatus as DealStatus,
        comment: e.comment,
        actorName: e.actorName,
        at: e.at.toISOString(),
      })),
      viewer: policy.viewerOf(standing, confirmationState(row)),
    };
  }

  /** A notice to the members of one side of the deal, in its transaction. */
  async function tell(
    tx: DbOrTx,
    row: repo.DealRow,
    side: DealSide,
    message: { kind: string; title: string; body: string },
    at: Date,
  ) {
    await notifyOrganization(tx, sideOrganization(row, side), { ...message, link: `/deals/${row.id}` }, at);
  }

  /** One step of the state machine: 409 when the step is not allowed now or someone acted first. */
  async function step(
    actor: Actor | null,
    id: string,
    event: DealEvent,
    how: {
      comment?: string | null;
      set?: Partial<repo.NewDeal>;
      requestId?: string;
      check?: (row: repo.DealRow) => void;
    },
  ) {
    const { user, row, standing, side } = await loadForSide(actor, id);
    const to = nextDealStatus(row.status, event);
    if (!to) throw conflict('deal.transition', { event, status: row.status });
    how.check?.(row);
    const now = clock.now();
    return db.transaction(async (tx) => {
      const updated = await repo.transitionDeal(tx, {
        id,
        from: row.status,
        to,
        actorId: user.userId,
        comment: how.comment ?? null,
        at: now,
        set: how.set,
      });
      if (!updated) throw conflict('deal.stale');
      await recordAudit(tx, {
        actorId: user.userId,
        action: `deal.${event}`,
        entity: 'deal',
        entityId: id,
        before: { status: row.status, amountKopecks: row.amountKopecks.toString(), date: row.dealDate },
        after: { status: updated.status, amountKopecks: updated.amountKopecks.toString(), date: updated.dealDate },
        reason: how.comment ?? null,
        requestId: how.requestId,
        at: now,
      });
      const names = await namesOf(tx, updated);
      const statusName = DEAL_STATUS_NAMES_RU[updated.status];
      const by = side === 'investor' ? names.investorName : names.companyName;
      const reason = how.comment ? `\nПричина: ${how.comment}` : '';
      const confirmHint =
        updated.status === 'closed'
          ? `\nСумма: ${formatRubles(updated.amountKopecks)}, дата: ${updated.dealDate}. Подтвердите сделку или оспорьте её: в показатели привлечённых инвестиций она войдёт, когда её подтвердят обе стороны.`
          : '';
      await tell(
        tx,
        updated,
        otherSide(side),
        {
          kind: `deal.${event}`,
          title: `Сделка ${updated.number}: ${statusName}`,
          body: `${by} — сделка ${updated.number} (${names.investorName} → ${names.companyName}): ${statusName}.${reason}${confirmHint}`,
        },
        now,
      );
      return detail(tx, updated, standing);
    });
  }

  return {
    // ---- investor profiles

    async listInvestors(query: {
      type?: string;
      stage?: string;
      technology?: string;
      market?: string;
      limit: number;
      offset: number;
    }) {
      const page = await repo.listPublicInvestorProfiles(db, query);
      return {
        items: page.items.map((i) => toProfile(i.profile, i.organizationName)),
        total: page.total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    /** A public profile for everyone; a hidden one for its organization's members and the operator. */
    async getInvestor(actor: Actor | null, organizationId: string) {
      const found = await repo.findInvestorProfile(db, organizationId);
      if (!found) throw notFound('investor.not_found');
      if (!found.profile.public) {
        const orgRole = actor ? await orgRoleOf(db, actor, organizationId) : undefined;
        if (!orgRole && !isOperator(actor)) throw notFound('investor.not_found');
      }
      return toProfile(found.profile, found.organizationName);
    },

    /** Creates the profile; 409 when the organization has one already. */
    async createInvestor(actor: Actor | null, organizationId: string, input: InvestorProfileInput, requestId?: string) {
      const { user, org } = await actorFor(actor, organizationId);
      if (!org.capabilities.includes('investor')) throw new AppError('investor.not_investor', 'forbidden');
      checkProfile(input);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const profile = await insertProfile(tx, org, input, user.userId, now, requestId);
        if (!profile) throw conflict('investor.exists');
        return profile;
      });
    },

    /** Creates the profile or replaces it whole (at `version`, when given). */
    async putInvestor(actor: Actor | null, organizationId: string, input: PutInvestorInput, requestId?: string) {
      const { user, org } = await actorFor(actor, organizationId);
      if (!org.capabilities.includes('investor')) throw new AppError('investor.not_investor', 'forbidden');
      checkProfile(input);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const existing = await repo.findInvestorProfile(tx, organizationId);
        if (!existing) {
          const profile = await insertProfile(tx, org, input, user.userId, now, requestId);
          // a colleague created it at the same moment: this request read no version to replace
          if (!profile) throw conflict('investor.stale');
          return { profile, created: true };
        }
        const row = await repo.replaceInvestorProfile(tx, organizationId, input.version, profileValues(input, now));
        if (!row) throw conflict('investor.stale');
        const before = existing.profile;
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'investor.updated',
          entity: 'investor_profile',
          entityId: organizationId,
          before: {
            version: before.version,
            type: before.type,
            stages: before.stages,
            technologies: before.technologies,
            ticketMinKopecks: kopecks(before.ticketMinKopecks),
            ticketMaxKopecks: kopecks(before.ticketMaxKopecks),
            public: before.public,
          },
          after: {
            version: row.version,
            type: row.type,
            stages: row.stages,
            technologies: row.technologies,
            ticketMinKopecks: kopecks(row.ticketMinKopecks),
            ticketMaxKopecks: kopecks(row.ticketMaxKopecks),
            public: row.public,
          },
          requestId,
          at: now,
        });
        return { profile: toProfile(row, org.shortName), created: false };
      });
    },

    /** The investor's startups: registry startups matching the profile, best first, with the reasons. */
    async investorMatches(actor: Actor | null, organizationId: string, page: { limit: number; offset: number }) {
      await readerOf(actor, organizationId);
      const found = await repo.findInvestorProfile(db, organizationId);
      if (!found) throw notFound('investor.not_found');
      const criteria = criteriaOf(found.profile);
      const result = await repo.matchStartups(db, { investorOrganizationId: organizationId, ...criteria, ...page });
      return {
        items: result.items.map((s) => {
          const needs = s.needs?.organizationId ? s.needs : null;
          const facts: StartupFacts = {
            stage: s.stage,
            technologies: s.technologies,
            needs: needs && { amountKopecks: needs.amountKopecks, rounds: needs.rounds, markets: needs.markets },
          };
          const match = matchReasons(criteria, facts);
          return {
            organizationId: s.id,
            name: s.name,
            // the query asked for startups with one of the profile's stages
            stage: s.stage as NonNullable<typeof s.stage>,
            technologies: s.technologies as TechnologyArea[],
            district: s.district,
            needs: needs ? toNeedsFields(needs) : null,
            score: match.score,
            reasons: match.reasons,
          };
        }),
        total: result.total,
        ...page,
      };
    },

    // ---- startups

    /** Public for registry startups; any startup for its members and the operator. */
    async getNeeds(actor: Actor | null, organizationId: string) {
      const org = await repo.findOrganization(db, organizationId);
      if (!org) throw notFound('organization.not_found');
      const orgRole = actor ? await orgRoleOf(db, actor, org.id) : undefined;
      const visible =
        orgRole !== undefined ||
        isOperator(actor) ||
        (org.isStartup && policy.isPublicOrganization(org.membershipStatus));
      if (!visible) throw notFound('organization.not_found');
      const needs = await repo.findNeeds(db, organizationId);
      return {
        organizationId,
        organizationName: org.shortName,
        stage: org.startupStage,
        technologies: org.technologies as TechnologyArea[],
        ...toNeedsFields(needs),
        updatedAt: needs?.updatedAt.toISOString() ?? null,
      };
    },

    async putNeeds(actor: Actor | null, organizationId: string, input: NeedsInput, requestId?: string) {
      const { user, org } = await actorFor(actor, organizationId);
      if (!org.isStartup) throw new AppError('startup.not_startup', 'forbidden');
      const now = clock.now();
      return db.transaction(async (tx) => {
        const before = await repo.findNeeds(tx, organizationId);
        const row = await repo.upsertNeeds(tx, {
          organizationId,
          rounds: input.rounds,
          instruments: input.instruments,
          markets: input.markets,
          amountKopecks: toBigint(input.amountKopecks),
          pitch: input.pitch?.trim() ?? '',
          updatedAt: now,
        });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'startup.needs_updated',
          entity: 'startup_needs',
          entityId: organizationId,
          before: before ? { ...toNeedsFields(before), pitch: undefined } : null,
          after: { ...toNeedsFields(row), pitch: undefined },
          requestId,
          at: now,
        });
        return {
          organizationId,
          organizationName: org.shortName,
          stage: org.startupStage,
          technologies: org.technologies as TechnologyArea[],
          ...toNeedsFields(row),
          updatedAt: row.updatedAt.toISOString(),
        };
      });
    },

    /** The startup's investors: public profiles matching it, best first, with the reasons. */
    async startupMatches(actor: Actor | null, organizationId: string, page: { limit: number; offset: number }) {
      const { org } = await readerOf(actor, organizationId);
      if (!org.isStartup) throw new AppError('startup.not_startup', 'forbidden');
      if (!org.startupStage) return { items: [], total: 0, ...page };
      const needs = await repo.findNeeds(db, organizationId);
      const result = await repo.matchInvestors(db, {
        organizationId,
        stage: org.startupStage,
        technologies: org.technologies,
        markets: needs?.markets ?? [],
        amountKopecks: needs?.amountKopecks ?? null,
        ...page,
      });
      const facts: StartupFacts = {
        stage: org.startupStage,
        technologies: org.technologies,
        needs: needs ? { amountKopecks: needs.amountKopecks, rounds: needs.rounds, markets: needs.markets } : null,
      };
      return {
        items: result.items.map(({ profile, organizationName }) => {
          const match = matchReasons(criteriaOf(profile), facts);
          const { organizationId: id, type, stages, technologies, markets } = toProfile(profile, organizationName);
          return {
            organizationId: id,
            name: organizationName,
            type,
            stages,
            technologies,
            markets,
            ticketMinKopecks: kopecks(profile.ticketMinKopecks),
            ticketMaxKopecks: kopecks(profile.ticketMaxKopecks),
            fundSizeKopecks: kopecks(profile.fundSizeKopecks),
            description: profile.description,
            score: match.score,
            reasons: match.reasons,
          };
        }),
        total: result.total,
        ...page,
      };
    },

    // ---- deals

    /** The deals of the caller's organizations on either side; every deal for the operator. */
    async listDeals(
      actor: Actor | null,
      query: { status?: DealStatus[]; organizationId?: string; limit: number; offset: number },
    ) {
      const user = requireUser(actor);
      let organizationIds: string[] | undefined;
      if (isOperator(user)) {
        organizationIds = query.organizationId ? [query.organizationId] : undefined;
      } else {
        const mine = await actorOrganizationIds(db, user);
        if (query.organizationId && !mine.includes(query.organizationId)) throw notFound('organization.not_found');
        organizationIds = query.organizationId ? [query.organizationId] : mine;
      }
      const page = await repo.listDeals(db, {
        organizationIds,
        statuses: query.status,
        limit: query.limit,
        offset: query.offset,
      });
      return {
        items: page.items.map((i) => toDealSummary(i.deal, i)),
        total: page.total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    /** Either side opens a deal at the intro stage; the other side hears of it. */
    async createDeal(actor: Actor | null, input: CreateDealInput, requestId?: string) {
      const user = requireUser(actor);
      if (input.investorOrganizationId === input.organizationId) {
        throw invalidFields({ organizationId: 'deal.same_sides' });
      }
      const [investorOrg, companyOrg, investorProfile] = await Promise.all([
        repo.findOrganization(db, input.investorOrganizationId),
        repo.findOrganization(db, input.organizationId),
        repo.findInvestorProfile(db, input.investorOrganizationId),
      ]);
      const [investorRole, companyRole] = await Promise.all([
        investorOrg ? orgRoleOf(db, user, investorOrg.id) : undefined,
        companyOrg ? orgRoleOf(db, user, companyOrg.id) : undefined,
      ]);
      const standing: policy.DealStanding = { investorRole, companyRole, operator: isOperator(user) };
      const side = policy.actingSide(standing);
      if (!side) throw forbidden();
      // the other side must be an organization the caller may know of: never confirm that a hidden one exists
      const fields: FieldErrors = {};
      const investorKnown =
        investorOrg &&
        (investorRole !== undefined ||
          policy.isPublicOrganization(investorOrg.membershipStatus) ||
          investorProfile?.profile.public === true);
      const companyKnown =
        companyOrg && (companyRole !== undefined || policy.isPublicOrganization(companyOrg.membershipStatus));
      if (!investorOrg || !investorKnown) fields.investorOrganizationId = 'deal.party_unknown';
      else if (!policy.isInvestorSide(investorOrg.capabilities, investorProfile !== undefined)) {
        fields.investorOrganizationId = 'deal.not_investor';
      }
      if (!companyOrg || !companyKnown) fields.organizationId = 'deal.party_unknown';
      if (!isCalendarDate(input.date)) fields.date = 'field.format';
      if (input.projectId && companyOrg && !(await repo.projectInvolves(db, input.projectId, companyOrg.id))) {
        fields.projectId = 'deal.project_unrelated';
      }
      if (Object.keys(fields).length || !investorOrg || !companyOrg) throw invalidFields(fields);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const number = formatDealNumber(now.getUTCFullYear(), await repo.nextDealSequence(tx));
        const row = await repo.insertDeal(tx, {
          number,
          investorOrganizationId: investorOrg.id,
          organizationId: companyOrg.id,
          projectId: input.projectId ?? null,
          round: input.round,
          instrument: input.instrument,
          amountKopecks: BigInt(input.amountKopecks),
          dealDate: input.date,
          status: 'intro',
          createdBy: user.userId,
          createdAt: now,
          updatedAt: now,
        });
        await timelines.insertStatusEvent(tx, 'deal', {
          entityId: row.id,
          fromStatus: null,
          toStatus: 'intro',
          actorId: user.userId,
          comment: null,
          at: now,
        });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'deal.created',
          entity: 'deal',
          entityId: row.id,
          after: {
            number,
            status: 'intro',
            investorOrganizationId: row.investorOrganizationId,
            organizationId: row.organizationId,
            round: row.round,
            instrument: row.instrument,
            amountKopecks: row.amountKopecks.toString(),
            date: row.dealDate,
            projectId: row.projectId,
          },
          requestId,
          at: now,
        });
        const by = side === 'investor' ? investorOrg.shortName : companyOrg.shortName;
        await tell(
          tx,
          row,
          otherSide(side),
          {
            kind: 'deal.created',
            title: `Новая сделка ${number}`,
            body: `${by} открыл(а) сделку ${number}: ${investorOrg.shortName} → ${companyOrg.shortName}, ${formatRubles(row.amountKopecks)}.`,
          },
          now,
        );
        return detail(tx, row, standing);
      });
    },

    async getDeal(actor: Actor | null, id: string) {
      const { row, standing } = await load(actor, id);
      return detail(db, row, standing);
    },

    /** Either side changes the terms of an open deal; a closed one is only confirmed or disputed. */
    async updateDeal(actor: Actor | null, id: string, patch: PatchDealInput, requestId?: string) {
      const { user, row, standing, side } = await loadForSide(actor, id);
      if (!isDealOpen(row.status)) throw conflict('deal.not_editable', { status: row.status });
      const fields: FieldErrors = {};
      if (patch.date !== undefined && !isCalendarDate(patch.date)) fields.date = 'field.format';
      if (patch.projectId && !(await repo.projectInvolves(db, patch.projectId, row.organizationId))) {
        fields.projectId = 'deal.project_unrelated';
      }
      if (Object.keys(fields).length) throw invalidFields(fields);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const updated = await repo.updateOpenDeal(
          tx,
          id,
          patch.version ?? row.version,
          {
            ...(patch.round !== undefined ? { round: patch.round } : {}),
            ...(patch.instrument !== undefined ? { instrument: patch.instrument } : {}),
            ...(patch.amountKopecks !== undefined ? { amountKopecks: BigInt(patch.amountKopecks) } : {}),
            ...(patch.date !== undefined ? { dealDate: patch.date } : {}),
            ...(patch.projectId !== undefined ? { projectId: patch.projectId } : {}),
          },
          now,
        );
        if (!updated) {
          const current = await repo.findDeal(tx, id);
          if (current && !isDealOpen(current.status)) throw conflict('deal.not_editable', { status: current.status });
          throw conflict('deal.stale');
        }
        const changed = Object.keys(patch).filter((k) => k !== 'version');
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'deal.updated',
          entity: 'deal',
          entityId: id,
          before: {
            version: row.version,
            round: row.round,
            instrument: row.instrument,
            amountKopecks: row.amountKopecks.toString(),
            date: row.dealDate,
            projectId: row.projectId,
          },
          after: {
            version: updated.version,
            round: updated.round,
            instrument: updated.instrument,
            amountKopecks: updated.amountKopecks.toString(),
            date: updated.dealDate,
            projectId: updated.projectId,
            fields: changed,
          },
          requestId,
          at: now,
        });
        const names = await namesOf(tx, updated);
        await tell(
          tx,
          updated,
          otherSide(side),
          {
            kind: 'deal.updated',
            title: `Сделка ${updated.number}: изменены условия`,
            body: `${side === 'investor' ? names.investorName : names.companyName} изменил(а) условия сделки ${updated.number}: сумма ${formatRubles(updated.amountKopecks)}, дата ${updated.dealDate}.`,
          },
          now,
        );
        return detail(tx, updated, standing);
      });
    },

    advance(actor: Actor | null, id: string, requestId?: string) {
      return step(actor, id, 'advance', { requestId });
    },

    /** Closes the deal, with the final amount and date when they differ from the agreed ones. */
    close(actor: Actor | null, id: string, input: CloseDealInput, requestId?: string) {
      const now = clock.now();
      return step(actor, id, 'close', {
        requestId,
        check: () => {
          if (input.date !== undefined && !isCalendarDate(input.date)) throw invalidFields({ date: 'field.format' });
          if (input.date !== undefined && input.date > moscowToday(now)) {
            throw invalidFields({ date: 'deal.date_future' });
          }
        },
        set: {
          closedAt: now,
          ...(input.amountKopecks !== undefined ? { amountKopecks: BigInt(input.amountKopecks) } : {}),
          ...(input.date !== undefined ? { dealDate: input.date } : {}),
        },
      });
    },

    drop(actor: Actor | null, id: string, reason: string, requestId?: string) {
      const comment = reason.trim();
      if (!comment) throw invalidFields({ reason: 'field.reason_required' });
      return step(actor, id, 'drop', { requestId, comment, set: { lastComment: comment } });
    },

    /**
     * One side confirms the closed deal. Confirming again answers the same without a change; the side completing the
     * pair makes the deal count, and both sides hear of it once.
     */
    async confirm(actor: Actor | null, id: string, organizationId: string, requestId?: string) {
      const { user, row, standing } = await load(actor, id);
      const side: DealSide | null =
        organizationId === row.investorOrganizationId
          ? 'investor'
          : organizationId === row.organizationId
            ? 'company'
            : null;
      if (!side) throw invalidFields({ organizationId: 'deal.not_a_side' });
      if (!policy.canActFor(policy.roleOnSide(standing, side))) throw forbidden();
      const answer = (r: repo.DealRow) => ({ id: r.id, status: r.status, ...toConfirmation(r) });
      const otherConfirmer = (r: repo.DealRow) => (side === 'investor' ? r.companyConfirmedBy : r.investorConfirmedBy);
      const refuse = (r: repo.DealRow) => {
        const outcome = confirmDeal(confirmationState(r), side);
        if (!outcome.ok) return conflict(outcome.code);
        if (!outcome.changed) return undefined;
        // one person holding both sides cannot make a deal count alone
        if (otherConfirmer(r) === user.userId) return conflict('deal.same_person');
        return null;
      };
      const early = refuse(row);
      if (early) throw early;
      if (early === undefined) return answer(row);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const updated = await repo.confirmSide(tx, { id, side, userId: user.userId, at: now });
        if (!updated) {
          // someone acted in between: a double click (same answer), a dispute, or the other side by the same person
          const current = await repo.findDeal(tx, id);
          if (!current) throw notFound('deal.not_found');
          const late = refuse(current);
          if (late === undefined) return answer(current);
          throw late ?? conflict('deal.stale');
        }
        const both = updated.investorConfirmedAt !== null && updated.companyConfirmedAt !== null;
        const names = await namesOf(tx, updated);
        const sideName = side === 'investor' ? names.investorName : names.companyName;
        await timelines.insertStatusEvent(tx, 'deal', {
          entityId: id,
          fromStatus: 'closed',
          toStatus: 'closed',
          actorId: user.userId,
          comment: `Подтверждено: ${SIDE_NAMES_RU[side]} «${sideName}»${both ? '. Сделку подтвердили обе стороны.' : ''}`,
          at: now,
        });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'deal.confirmed',
          entity: 'deal',
          entityId: id,
          before: confirmationState(row),
          after: { ...confirmationState(updated), side, organizationId, confirmedByBoth: both },
          requestId,
          at: now,
        });
        if (both) {
          const message = {
            kind: 'deal.confirmed_by_both',
            title: `Сделка ${updated.number} подтверждена обеими сторонами`,
            body: `Сделку ${updated.number} (${names.investorName} → ${names.companyName}, ${formatRubles(updated.amountKopecks)}) подтвердили обе стороны: она учтена в привлечённых через платформу инвестициях.`,
          };
          await tell(tx, updated, 'investor', message, now);
          await tell(tx, updated, 'company', message, now);
        } else {
          await tell(
            tx,
            updated,
            otherSide(side),
            {
              kind: 'deal.confirmed',
              title: `Сделка ${updated.number}: ${SIDE_NAMES_RU[side]} подтвердил(а) сделку`,
              body: `${sideName} подтвердил(а) сделку ${updated.number} на ${formatRubles(updated.amountKopecks)}. Подтвердите её или оспорьте.`,
            },
            now,
          );
        }
        return answer(updated);
      });
    },

    /** A side that has not confirmed disputes the closed deal; it then never counts, and the operator looks into it. */
    async dispute(actor: Actor | null, id: string, organizationId: string, reason: string, requestId?: string) {
      const { user, row, standing } = await load(actor, id);
      const side: DealSide | null =
        organizationId === row.investorOrganizationId
          ? 'investor'
          : organizationId === row.organizationId
            ? 'company'
            : null;
      if (!side) throw invalidFields({ organizationId: 'deal.not_a_side' });
      if (!policy.canActFor(policy.roleOnSide(standing, side))) throw forbidden();
      const comment = reason.trim();
      if (!comment) throw invalidFields({ reason: 'field.reason_required' });
      const outcome = disputeDeal(confirmationState(row), side);
      if (!outcome.ok) throw conflict(outcome.code);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const updated = await repo.disputeSide(tx, { id, side, organizationId, reason: comment, at: now });
        if (!updated) {
          const current = await repo.findDeal(tx, id);
          const late = current ? disputeDeal(confirmationState(current), side) : undefined;
          throw late && !late.ok ? conflict(late.code) : conflict('deal.stale');
        }
        const names = await namesOf(tx, updated);
        const sideName = side === 'investor' ? names.investorName : names.companyName;
        await timelines.insertStatusEvent(tx, 'deal', {
          entityId: id,
          fromStatus: 'closed',
          toStatus: 'closed',
          actorId: user.userId,
          comment: `Оспорено: ${SIDE_NAMES_RU[side]} «${sideName}». ${comment}`,
          at: now,
        });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'deal.disputed',
          entity: 'deal',
          entityId: id,
          before: confirmationState(row),
          after: { ...confirmationState(updated), side, organizationId },
          reason: comment,
          requestId,
          at: now,
        });
        const message = {
          kind: 'deal.disputed',
          title: `Сделка ${updated.number} оспорена`,
          body: `${sideName} оспорил(а) сделку ${updated.number} (${names.investorName} → ${names.companyName}, ${formatRubles(updated.amountKopecks)}).\nПричина: ${comment}`,
        };
        await tell(tx, updated, otherSide(side), message, now);
        await notifyOperators(tx, { ...message, link: `/deals/${id}` }, now);
        return detail(tx, updated, standing);
      });
    },

    /** The public figure: deals that count, their sum and number. */
    async totals() {
      const totals = await repo.investmentTotals(db);
      return { ...totals, rule: COUNTING_RULE_RU };
    },
  };
}

export type InvestmentsService = ReturnType<typeof createInvestmentsService>;
