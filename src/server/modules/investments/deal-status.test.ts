import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEAL_STATUSES, type DealStatus } from '../../../shared/ventures.ts';
import {
  allowedDealEvents,
  type ConfirmationState,
  confirmDeal,
  countsAsInvestment,
  DEAL_EVENTS,
  type DealEvent,
  type DealSide,
  disputeDeal,
  isDealOpen,
  nextDealStatus,
} from './deal-status.ts';

// every allowed transition; everything else must be refused
const ALLOWED: Array<[DealStatus, DealEvent, DealStatus]> = [
  ['intro', 'advance', 'due_diligence'],
  ['due_diligence', 'advance', 'term_sheet'],
  ['intro', 'close', 'closed'],
  ['due_diligence', 'close', 'closed'],
  ['term_sheet', 'close', 'closed'],
  ['intro', 'drop', 'dropped'],
  ['due_diligence', 'drop', 'dropped'],
  ['term_sheet', 'drop', 'dropped'],
];

test('deal: every status × event pair is allowed exactly as the table says', () => {
  for (const status of DEAL_STATUSES) {
    for (const event of DEAL_EVENTS) {
      const expected = ALLOWED.find(([s, e]) => s === status && e === event)?.[2] ?? null;
      assert.equal(nextDealStatus(status, event), expected, `${status} --${event}-->`);
    }
  }
});

test('deal: closed and dropped are final and not editable; the open steps are', () => {
  for (const final of ['closed', 'dropped'] as const) {
    assert.deepEqual(allowedDealEvents(final), [], final);
    assert.equal(isDealOpen(final), false, final);
  }
  for (const open of ['intro', 'due_diligence', 'term_sheet'] as const) assert.equal(isDealOpen(open), true, open);
  assert.deepEqual(allowedDealEvents('term_sheet'), ['close', 'drop']);
});

const state = (
  status: DealStatus,
  investorConfirmed = false,
  companyConfirmed = false,
  disputed = false,
): ConfirmationState => ({ status, investorConfirmed, companyConfirmed, disputed });

// [state, side, expected: refusal code | { both, changed }]
const CONFIRM: Array<[ConfirmationState, DealSide, string | { both: boolean; changed: boolean }]> = [
  [state('intro'), 'investor', 'deal.not_closed'],
  [state('term_sheet'), 'company', 'deal.not_closed'],
  [state('dropped'), 'company', 'deal.not_closed'],
  [state('closed'), 'investor', { both: false, changed: true }],
  [state('closed'), 'company', { both: false, changed: true }],
  [state('closed', true), 'company', { both: true, changed: true }],
  [state('closed', false, true), 'investor', { both: true, changed: true }],
  // confirming twice is a no-op, not an error
  [state('closed', true), 'investor', { both: false, changed: false }],
  [state('closed', true, true), 'company', { both: true, changed: false }],
  // a disputed deal takes no confirmation from anyone who has not confirmed yet
  [state('closed', false, false, true), 'investor', 'deal.disputed'],
  [state('closed', true, false, true), 'company', 'deal.disputed'],
  [state('closed', true, false, true), 'investor', { both: false, changed: false }],
];

test('confirmation: only a closed deal, once per side, never after a dispute', () => {
  for (const [s, side, expected] of CONFIRM) {
    const outcome = confirmDeal(s, side);
    const label = `${JSON.stringify(s)} ${side}`;
    if (typeof expected === 'string') {
      assert.deepEqual(outcome, { ok: false, code: expected }, label);
    } else {
      assert.equal(outcome.ok, true, label);
      if (!outcome.ok) continue;
      assert.equal(outcome.confirmedByBoth, expected.both, label);
      assert.equal(outcome.changed, expected.changed, label);
      assert.equal(side === 'investor' ? outcome.state.investorConfirmed : outcome.state.companyConfirmed, true);
    }
  }
});

const DISPUTE: Array<[ConfirmationState, DealSide, string | null]> = [
  [state('intro'), 'investor', 'deal.not_closed'],
  [state('due_diligence'), 'company', 'deal.not_closed'],
  [state('dropped'), 'company', 'deal.not_closed'],
  [state('closed'), 'investor', null],
  [state('closed'), 'company', null],
  // the side that has not confirmed may still dispute what the other confirmed
  [state('closed', true), 'company', null],
  [state('closed', false, true), 'investor', null],
  // a side that confirmed cannot take it back
  [state('closed', true), 'investor', 'deal.confirmed_cannot_dispute'],
  [state('closed', true, true), 'company', 'deal.confirmed_cannot_dispute'],
  [state('closed', false, false, true), 'company', 'deal.disputed'],
];

test('dispute: a side that has not confirmed a closed deal, once', () => {
  for (const [s, side, expected] of DISPUTE) {
    const outcome = disputeDeal(s, side);
    const label = `${JSON.stringify(s)} ${side}`;
    if (expected) assert.deepEqual(outcome, { ok: false, code: expected }, label);
    else assert.deepEqual(outcome, { ok: true, state: { ...s, disputed: true } }, label);
  }
});

test('counts as investment: closed, confirmed by both, not disputed — nothing else', () => {
  for (const status of DEAL_STATUSES) {
    for (const investorConfirmed of [false, true]) {
      for (const companyConfirmed of [false, true]) {
        for (const disputed of [false, true]) {
          const s = { status, investorConfirmed, companyConfirmed, disputed };
          const expected = status === 'closed' && investorConfirmed && companyConfirmed && !disputed;
          assert.equal(countsAsInvestment(s), expected, JSON.stringify(s));
        }
      }
    }
  }
});
