// The one search box: what the person may read, grouped by kind with counts and the matches marked. Guests search
// the public records; members also their organizations' own (drafts, applications, solutions); the operator all
// but other people's applications and solutions, which are found in the operator's queues.
import { CACHE_NAMESPACES, type Cache, createMemoryCache } from '../../cache.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { isOperator } from '../../http/actor.ts';
import { invalidFields } from '../../http/app-error.ts';
import { actorOrganizationIds } from '../organizations/org-role.ts';
import {
  COUNT_CAP,
  parseQuestion,
  SEARCH_TYPES,
  type SearchHit,
  type SearchType,
  type SearchViewer,
  searchKind,
} from './search.repository.ts';

export interface SearchRequest {
  q: string;
  type?: SearchType;
  limit?: number;
  offset?: number;
}

/** Kinds that exist only for the organizations one acts for. */
const OWN_ONLY: ReadonlySet<SearchType> = new Set(['applications', 'solutions']);

export interface TextPart {
  text: string;
  match: boolean;
}

/** «⟦Нейро⟧тек лаб» → parts with the marked ones flagged; pure. */
export function markedParts(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  for (const [i, piece] of marked.split(/[⟦⟧]/).entries()) {
    if (piece) parts.push({ text: piece, match: i % 2 === 1 });
  }
  return parts;
}

function linkOf(type: SearchType, hit: SearchHit): string {
  switch (type) {
    case 'organizations':
    case 'investors':
      return `/organizations/${hit.id}`;
    default:
      return `/${type}/${hit.id}`;
  }
}

/**
 * A guest's answer is everyone's: the same question asked again within a minute is answered from the cache (shared
 * through Redis with REDIS_URL). Changes do not clear it — a new record is found at most a minute late.
 */
export const SEARCH_TTL_SECONDS = 60;

export function createSearchService(deps: { db: Db; cache?: Cache }) {
  const { db } = deps;
  const cache = deps.cache ?? createMemoryCache();

  async function viewerOf(actor: Actor | null): Promise<SearchViewer> {
    if (!actor) return { organizationIds: [], operator: false };
    return { organizationIds: await actorOrganizationIds(db, actor), operator: isOperator(actor) };
  }

  async function answer(actor: Actor | null, question: ReturnType<typeof parseQuestion>, request: SearchRequest) {
    const viewer = await viewerOf(actor);
    const types = (request.type ? [request.type] : SEARCH_TYPES).filter(
      (type) => !OWN_ONLY.has(type) || viewer.organizationIds.length > 0,
    );
    const limit = request.limit ?? (request.type ? 20 : 5);
    const groups = await Promise.all(
      types.map(async (type) => {
        const found = await searchKind(db, type, question, viewer, { limit, offset: request.offset ?? 0 });
        return {
          type,
          total: Math.min(found.total, COUNT_CAP),
          more: found.total > COUNT_CAP,
          items: found.items.map((hit) => ({
            id: hit.id,
            title: hit.title,
            titleParts: markedParts(hit.titleMarked),
            snippetParts: markedParts(hit.snippetMarked),
            subtitle: hit.subtitle,
            status: hit.status,
            link: linkOf(type, hit),
          })),
        };
      }),
    );
    return { q: question.text, groups };
  }

  return {
    async search(actor: Actor | null, request: SearchRequest) {
      const question = parseQuestion(request.q);
      if (!question.text) throw invalidFields({ q: 'search.empty' });
      if (!actor) {
        const key = JSON.stringify([question.text, request.type ?? null, request.limit ?? null, request.offset ?? 0]);
        return cache.remember(CACHE_NAMESPACES.search, key, SEARCH_TTL_SECONDS, () => answer(null, question, request));
      }
      return answer(actor, question, request);
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
