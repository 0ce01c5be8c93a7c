import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Criterion } from '../../../shared/measures.ts';
import { consensusOf, weightedScore } from './consensus.ts';

const criteria: Criterion[] = [
  { key: 'team', name: 'Команда', weight: 2, maxScore: 10 },
  { key: 'novelty', name: 'Новизна', weight: 1, maxScore: 5 },
  { key: 'plan', name: 'План', weight: 1, maxScore: 10 },
];

describe('weighted score', () => {
  const table: Array<[string, Record<string, number>, number]> = [
    ['all zeros', { team: 0, novelty: 0, plan: 0 }, 0],
    ['all maximal', { team: 10, novelty: 5, plan: 10 }, 100],
    ['half everywhere', { team: 5, novelty: 2.5, plan: 5 }, 50],
    // (2·8/10 + 1·3/5 + 1·4/10) / 4 = (1.6 + 0.6 + 0.4) / 4 = 0.65
    ['weights count', { team: 8, novelty: 3, plan: 4 }, 65],
    // (2·10/10 + 0 + 0) / 4 = 0.5: the heavy criterion alone is half
    ['heavy criterion alone', { team: 10, novelty: 0, plan: 0 }, 50],
  ];
  for (const [name, scores, expected] of table) {
    test(name, () => {
      const list = Object.entries(scores).map(([criterion, score]) => ({ criterion, score }));
      assert.equal(weightedScore(criteria, list), expected);
    });
  }
});

describe('consensus and divergence', () => {
  const table: Array<[string, number[], number | null, number | null, boolean]> = [
    ['no submitted reviews', [], null, null, false],
    ['one expert', [72], 72, 0, false],
    ['two close', [70, 80], 75, 10, false],
    ['spread of exactly 20 is not divergent', [60, 80], 70, 20, false],
    ['spread over 20 is divergent', [50, 71], 60.5, 21, true],
    ['three experts, one apart', [90, 85, 40], 71.7, 50, true],
  ];
  for (const [name, scores, consensus, spread, divergent] of table) {
    test(name, () => assert.deepEqual(consensusOf(scores), { consensus, spread, divergent }));
  }

  const scoresArb = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 10 });

  test('the consensus lies between the lowest and highest score', () => {
    fc.assert(
      fc.property(scoresArb, (scores) => {
        const { consensus } = consensusOf(scores);
        return consensus! >= Math.min(...scores) && consensus! <= Math.max(...scores);
      }),
    );
  });

  test('the order of the reviews does not matter', () => {
    fc.assert(
      fc.property(scoresArb, fc.integer(), (scores, seed) => {
        const shuffled = [...scores].sort((a, b) => ((a * 31 + seed) % 7) - ((b * 31 + seed) % 7));
        assert.deepEqual(consensusOf(shuffled), consensusOf(scores));
      }),
    );
  });

  test('divergent exactly when the spread exceeds 20', () => {
    fc.assert(
      fc.property(scoresArb, (scores) => {
        const { divergent } = consensusOf(scores);
        return divergent === Math.max(...scores) - Math.min(...scores) > 20;
      }),
    );
  });

  test('a weighted score is always on the 0..100 scale', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(10), fc.nat(5), fc.nat(10)), ([team, novelty, plan]) => {
        const s = weightedScore(criteria, [
          { criterion: 'team', score: team },
          { criterion: 'novelty', score: novelty },
          { criterion: 'plan', score: plan },
        ]);
        return Number.isInteger(s) && s >= 0 && s <= 100;
      }),
    );
  });
});
