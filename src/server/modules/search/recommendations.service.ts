// Suggestions with the reason for each: requests for a company, companies for a request, support measures for a
// company, startups for an investor and investors for a startup. A person may hide one; it stays hidden for them.
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, isOperator, requireUser } from '../../http/actor.ts';
import { forbidden, invalidFields, notFound } from '../../http/app-error.ts';
import type { InvestmentsService } from '../investments/investments.service.ts';
import type { MeasuresService } from '../measures/measures.service.ts';
import { orgRoleOf } from '../organizations/org-role.ts';
import * as orgRepo from '../organizations/organizations.repository.ts';
import type { RecommendationKind } from './recommendations.repository.ts';
import * as repo from './recommendations.repository.ts';

export interface Reason {
  kind:
    | 'technology'
    | 'past_technology'
    | 'words'
    | 'experience'
    | 'eligible'
    | 'closes'
    | 'startup'
    | 'stage'
    | 'ticket'
    | 'market';
  values: string[];
}

export interface Recommendation {
  targetId: string;
  title: string;
  subtitle: string | null;
  link: string;
  score: number;
  reasons: Reason[];
}

export interface RecommendationQuery {
  organizationId?: string;
  requestId?: string;
  limit?: number;
}

const DAY = 86_400_000;
/** A measure closing within this many days says so among its reasons. */
const CLOSES_SOON_DAYS = 30;

export function createRecommendationsService(deps: {
  db: Db;
  clock: Clock;
  measures: MeasuresService;
  investments: InvestmentsService;
}) {
  const { db, clock } = deps;

  /** The organization the suggestions are for: its members and the operator; 404 when it does not exist. */
  async function forMember(actor: Actor | null, organizationId: string | undefined) {
    const user = requireUser(actor);
    if (!organizationId) throw invalidFields({ organizationId: 'recommendation.subject_required' });
    const org = await orgRepo.findOrganization(db, organizationId);
    if (!org) throw notFound('organization.not_found');
    if (!isOperator(user) && !(await orgRoleOf(db, user, organizationId))) throw forbidden();
    return { user, org };
  }

  /** The request the suggestions are for: its customer's members and the operator. */
  async function forCustomer(actor: Actor | null, requestId: string | undefined) {
    const user = requireUser(actor);
    if (!requestId) throw invalidFields({ requestId: 'recommendation.subject_required' });
    const request = await repo.findRequestOwner(db, requestId);
    const member = request && (await orgRoleOf(db, user, request.organizationId));
    if (isOperator(user) || member) return { user };
    // a request in preparation exists only for its customer
    if (!request || request.status === 'draft' || request.status === 'moderation') throw notFound('request.not_found');
    throw forbidden();
  }

  /** Who may see (and hide) the suggestions of a kind for a subject; answers the subject's id. */
  async function access(actor: Actor | null, kind: RecommendationKind, query: RecommendationQuery) {
    if (kind === 'organizations') {
      const { user } = await forCustomer(actor, query.requestId);
      return { user, subjectId: query.requestId! };
    }
    const { user } = await forMember(actor, query.organizationId);
    return { user, subjectId: query.organizationId! };
  }

  return {
    async recommend(actor: Actor | null, kind: RecommendationKind, query: RecommendationQuery) {
      const limit = query.limit ?? 10;
      const { user, subjectId } = await access(actor, kind, query);
      const now = clock.now();
      let items: Recommendation[];
      switch (kind) {
        case 'requests':
          items = (await repo.suggestRequests(db, { organizationId: subjectId, userId: user.userId, now, limit })).map(
            (r) => ({
              targetId: r.id,
              title: r.title,
              subtitle: r.number,
              link: `/requests/${r.id}`,
              score: r.score,
              reasons: [
                ...(r.sharedTechnologies.length ? [{ kind: 'technology' as const, values: r.sharedTechnologies }] : []),
                ...(r.pastTechnologies.length
                  ? [{ kind: 'past_technology' as const, values: r.pastTechnologies }]
                  : []),
                ...(r.words.length ? [{ kind: 'words' as const, values: r.words }] : []),
                { kind: 'closes' as const, values: [r.deadline.toISOString()] },
              ],
            }),
          );
          break;
        case 'organizations':
          items = (await repo.suggestOrganizations(db, { requestId: subjectId, userId: user.userId, limit })).map(
            (o) => ({
              targetId: o.id,
              title: o.shortName,
              subtitle: o.district,
              link: `/organizations/${o.id}`,
              score: o.score,
              reasons: [
                { kind: 'technology' as const, values: o.sharedTechnologies },
                ...(o.solutionsInArea ? [{ kind: 'experience' as const, values: [String(o.solutionsInArea)] }] : []),
                ...(o.words.length ? [{ kind: 'words' as const, values: o.words }] : []),
              ],
            }),
          );
          break;
        case 'measures': {
          const [catalogue, applied, hidden] = await Promise.all([
            deps.measures.list(user, { organizationId: subjectId, open: true, limit: 100, offset: 0 }),
            repo.listAppliedMeasureIds(db, subjectId),
            repo.listHiddenTargets(db, user.userId, kind, subjectId),
          ]);
          items = catalogue.items
            .filter((m) => 'eligible' in m && m.eligible && !applied.has(m.id) && !hidden.has(m.id))
            .map((m) => {
              const daysLeft = Math.ceil((Date.parse(m.closesAt) - now.getTime()) / DAY);
              const closesSoon = daysLeft <= CLOSES_SOON_DAYS;
              return {
                targetId: m.id,
                title: m.title,
                subtitle: m.code,
                link: `/measures/${m.id}`,
                // a window about to close comes first: it is what one can miss
                score: 1 + (closesSoon ? 1 : 0),
                reasons: [
                  { kind: 'eligible' as const, values: [] },
                  ...(closesSoon ? [{ kind: 'closes' as const, values: [m.closesAt] }] : []),
                ],
              };
            })
            .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'ru'))
            .slice(0, limit);
          break;
        }
        case 'startups':
        case 'investors': {
          const hidden = await repo.listHiddenTargets(db, user.userId, kind, subjectId);
          const page = { limit: limit + hidden.size, offset: 0 };
          const matches =
            kind === 'startups'
              ? (await deps.investments.investorMatches(user, subjectId, page)).items
              : (await deps.investments.startupMatches(user, subjectId, page)).items;
          items = matches
            .filter((m) => !hidden.has(m.organizationId))
            .slice(0, limit)
            .map((m) => ({
              targetId: m.organizationId,
              title: m.name,
              subtitle: null,
              link: `/organizations/${m.organizationId}`,
              score: m.score,
              reasons: m.reasons.map((r) => ({ kind: r.kind, values: r.values })),
            }));
          break;
        }
      }
      return { kind, subjectId, items };
    },

    async hide(actor: Actor | null, kind: RecommendationKind, input: RecommendationQuery & { targetId: string }) {
      const { user, subjectId } = await access(actor, kind, input);
      await repo.hide(db, { userId: user.userId, kind, subjectId, targetId: input.targetId, at: clock.now() });
      return { ok: true };
    },

    async unhideAll(actor: Actor | null, kind: RecommendationKind, input: RecommendationQuery) {
      const { user, subjectId } = await access(actor, kind, input);
      return { restored: await repo.unhideAll(db, user.userId, kind, subjectId) };
    },
  };
}

export type RecommendationsService = ReturnType<typeof createRecommendationsService>;
