// Why an investor and a startup suit each other: pure, so the reasons can be tested by a table. The database does
// the filtering and the ordering over every startup (the same rules and weights, in SQL: see the repository); this
// code explains the page it returns.
import type { StartupStage } from '../../../shared/domain.ts';
import { formatRubles } from '../applications/money.ts';

export const MATCH_REASON_KINDS = ['stage', 'technology', 'ticket', 'market'] as const;
export type MatchReasonKind = (typeof MATCH_REASON_KINDS)[number];

export interface MatchReason {
  kind: MatchReasonKind;
  /** for people, in Russian */
  detail: string;
  /** the stored values behind the reason (stage, technologies, markets, the amount in kopecks) for the UI */
  values: string[];
}

/** What an investor looks for: its profile. */
export interface InvestorCriteria {
  stages: readonly string[];
  technologies: readonly string[];
  markets: readonly string[];
  ticketMinKopecks: bigint | null;
  ticketMaxKopecks: bigint | null;
}

/** What is known of a startup: its registry profile and what it seeks. */
export interface StartupFacts {
  stage: StartupStage | null;
  technologies: readonly string[];
  needs: { amountKopecks: bigint | null; rounds: readonly string[]; markets: readonly string[] } | null;
}

/**
 * Points of each reason; the score orders the matches, best first. The repository's SQL uses the same weights,
 * so the order of a page and the scores on it agree.
 */
export const MATCH_WEIGHTS = { stage: 3, technology: 2, ticket: 3, market: 1 } as const;

export const STAGE_NAMES_RU: Record<StartupStage, string> = {
  idea: 'идея',
  seed: 'посевная',
  early: 'ранняя',
  growth: 'рост',
  maturity: 'зрелость',
};

const overlap = (a: readonly string[], b: readonly string[]) => {
  const other = new Set(b);
  return [...new Set(a)].filter((x) => other.has(x)).sort();
};

/** The needed amount lies in the investor's ticket range; an investor without a range says nothing of tickets. */
export function ticketFits(criteria: InvestorCriteria, amount: bigint | null): boolean {
  if (amount === null) return false;
  if (criteria.ticketMinKopecks === null && criteria.ticketMaxKopecks === null) return false;
  if (criteria.ticketMinKopecks !== null && amount < criteria.ticketMinKopecks) return false;
  if (criteria.ticketMaxKopecks !== null && amount > criteria.ticketMaxKopecks) return false;
  return true;
}

export interface MatchResult {
  /** stage and technology both match: the startup is shown to the investor and the investor to the startup */
  matches: boolean;
  score: number;
  reasons: MatchReason[];
}

/**
 * A startup matches an investor when its stage is one the investor invests at AND they share a technology. The
 * ticket (the amount sought within the investor's range) and shared markets are further reasons that rank it higher.
 */
export function matchReasons(investor: InvestorCriteria, startup: StartupFacts): MatchResult {
  const reasons: MatchReason[] = [];
  let score = 0;
  const stageMatches = startup.stage !== null && investor.stages.includes(startup.stage);
  if (stageMatches && startup.stage) {
    reasons.push({ kind: 'stage', detail: `Стадия: ${STAGE_NAMES_RU[startup.stage]}`, values: [startup.stage] });
    score += MATCH_WEIGHTS.stage;
  }
  const technologies = overlap(startup.technologies, investor.technologies);
  if (technologies.length) {
    reasons.push({
      kind: 'technology',
      detail: `Общие технологии: ${technologies.join(', ')}`,
      values: technologies,
    });
    score += MATCH_WEIGHTS.technology * technologies.length;
  }
  const amount = startup.needs?.amountKopecks ?? null;
  if (amount !== null && ticketFits(investor, amount)) {
    reasons.push({
      kind: 'ticket',
      detail: `Нужная сумма ${formatRubles(amount)} в пределах чека инвестора`,
      values: [amount.toString()],
    });
    score += MATCH_WEIGHTS.ticket;
  }
  const markets = overlap(startup.needs?.markets ?? [], investor.markets);
  if (markets.length) {
    reasons.push({ kind: 'market', detail: `Общие рынки: ${markets.join(', ')}`, values: markets });
    score += MATCH_WEIGHTS.market * markets.length;
  }
  return { matches: stageMatches && technologies.length > 0, score, reasons };
}
