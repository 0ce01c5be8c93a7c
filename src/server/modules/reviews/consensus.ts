// Scoring arithmetic, pure: one expert's weighted score, the consensus of several, and divergence.
import type { Criterion } from '../../../shared/measures.ts';

/** Scores further apart than this (on the 0..100 scale) are flagged for the operator. */
export const DIVERGENCE_THRESHOLD = 20;

/** One expert's scores as a weighted mean normalised to 0..100: Σ wᵢ·sᵢ/maxᵢ ÷ Σ wᵢ × 100, rounded. */
export function weightedScore(
  criteria: readonly Criterion[],
  scores: ReadonlyArray<{ criterion: string; score: number }>,
) {
  const byKey = new Map(scores.map((s) => [s.criterion, s.score]));
  let weighted = 0;
  let weights = 0;
  for (const c of criteria) {
    if (c.weight <= 0 || c.maxScore <= 0) continue;
    weighted += (c.weight * (byKey.get(c.key) ?? 0)) / c.maxScore;
    weights += c.weight;
  }
  return weights > 0 ? Math.round((weighted / weights) * 100) : 0;
}

export interface Consensus {
  /** the mean of the submitted experts' normalised scores, one decimal; null before any is submitted */
  consensus: number | null;
  /** the largest minus the smallest normalised score */
  spread: number | null;
  divergent: boolean;
}

export function consensusOf(normalisedScores: readonly number[]): Consensus {
  if (!normalisedScores.length) return { consensus: null, spread: null, divergent: false };
  const mean = normalisedScores.reduce((sum, s) => sum + s, 0) / normalisedScores.length;
  const spread = Math.max(...normalisedScores) - Math.min(...normalisedScores);
  return { consensus: Math.round(mean * 10) / 10, spread, divergent: spread > DIVERGENCE_THRESHOLD };
}
