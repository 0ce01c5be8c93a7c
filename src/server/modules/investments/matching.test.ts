import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type InvestorCriteria,
  type MatchReasonKind,
  matchReasons,
  type StartupFacts,
  ticketFits,
} from './matching.ts';

const investor: InvestorCriteria = {
  stages: ['seed', 'early'],
  technologies: ['ai', 'drones', 'iot'],
  markets: ['b2b', 'russia'],
  ticketMinKopecks: 1_000_000_00n, // 1 mln ₽
  ticketMaxKopecks: 50_000_000_00n, // 50 mln ₽
};

const startup = (overrides: Partial<StartupFacts> = {}): StartupFacts => ({
  stage: 'seed',
  technologies: ['ai', 'biotech'],
  needs: { amountKopecks: 10_000_000_00n, rounds: ['seed'], markets: ['b2b'] },
  ...overrides,
});

// [case, startup, matches, reason kinds in order, score]
const CASES: Array<[string, StartupFacts, boolean, MatchReasonKind[], number]> = [
  ['stage, one technology, ticket, one market', startup(), true, ['stage', 'technology', 'ticket', 'market'], 9],
  [
    'two technologies and two markets score more',
    startup({
      technologies: ['drones', 'ai'],
      needs: { amountKopecks: 10_000_000_00n, rounds: [], markets: ['russia', 'b2b', 'asia'] },
    }),
    true,
    ['stage', 'technology', 'ticket', 'market'],
    3 + 4 + 3 + 2,
  ],
  [
    'stage miss: no match, the technology still explained',
    startup({ stage: 'growth' }),
    false,
    ['technology', 'ticket', 'market'],
    6,
  ],
  ['no stage at all', startup({ stage: null }), false, ['technology', 'ticket', 'market'], 6],
  [
    'technology miss: no match',
    startup({ technologies: ['biotech', 'pharma'] }),
    false,
    ['stage', 'ticket', 'market'],
    7,
  ],
  [
    'ticket below the range',
    startup({ needs: { amountKopecks: 99_999_999n, rounds: [], markets: [] } }),
    true,
    ['stage', 'technology'],
    5,
  ],
  [
    'ticket above the range',
    startup({ needs: { amountKopecks: 50_000_000_01n, rounds: [], markets: [] } }),
    true,
    ['stage', 'technology'],
    5,
  ],
  [
    'ticket at the lower bound',
    startup({ needs: { amountKopecks: 1_000_000_00n, rounds: [], markets: [] } }),
    true,
    ['stage', 'technology', 'ticket'],
    8,
  ],
  [
    'ticket at the upper bound',
    startup({ needs: { amountKopecks: 50_000_000_00n, rounds: [], markets: [] } }),
    true,
    ['stage', 'technology', 'ticket'],
    8,
  ],
  ['no needs written: stage and technology only', startup({ needs: null }), true, ['stage', 'technology'], 5],
  [
    'no amount sought',
    startup({ needs: { amountKopecks: null, rounds: [], markets: ['b2b'] } }),
    true,
    ['stage', 'technology', 'market'],
    6,
  ],
];

test('matching: reasons, match and score for each case', () => {
  for (const [label, facts, matches, kinds, score] of CASES) {
    const result = matchReasons(investor, facts);
    assert.equal(result.matches, matches, label);
    assert.deepEqual(
      result.reasons.map((r) => r.kind),
      kinds,
      label,
    );
    assert.equal(result.score, score, label);
  }
});

test('matching: reasons carry the shared values, sorted and without duplicates', () => {
  const result = matchReasons(investor, {
    stage: 'early',
    technologies: ['iot', 'ai', 'ai'],
    needs: { amountKopecks: 2_500_000_00n, rounds: [], markets: ['russia', 'b2b'] },
  });
  const byKind = Object.fromEntries(result.reasons.map((r) => [r.kind, r]));
  assert.deepEqual(byKind.stage.values, ['early']);
  assert.match(byKind.stage.detail, /ранняя/);
  assert.deepEqual(byKind.technology.values, ['ai', 'iot']);
  assert.deepEqual(byKind.ticket.values, ['250000000']);
  assert.match(byKind.ticket.detail, /2\u00a0500\u00a0000,00\u00a0₽/);
  assert.deepEqual(byKind.market.values, ['b2b', 'russia']);
});

test('ticket: open-ended ranges, and no range says nothing', () => {
  const range = (min: bigint | null, max: bigint | null) => ({
    ...investor,
    ticketMinKopecks: min,
    ticketMaxKopecks: max,
  });
  const TABLE: Array<[bigint | null, bigint | null, bigint | null, boolean]> = [
    [null, null, 100n, false],
    [100n, null, 100n, true],
    [100n, null, 99n, false],
    [null, 100n, 100n, true],
    [null, 100n, 101n, false],
    [100n, 200n, 150n, true],
    [100n, 200n, null, false],
  ];
  for (const [min, max, amount, fits] of TABLE) {
    assert.equal(ticketFits(range(min, max), amount), fits, `${min}..${max} ∋ ${amount}`);
  }
});
