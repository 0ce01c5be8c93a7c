import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  type Budget,
  commitApproval,
  type Disbursement,
  formatRubles,
  isFullyPaid,
  payTranche,
  remainingKopecks,
} from './money.ts';

const kopecks = (max: bigint) => fc.bigInt({ min: 1n, max });

test('money: no sequence of approvals commits more than the budget, and the books add up', () => {
  fc.assert(
    fc.property(kopecks(10n ** 15n), fc.array(kopecks(10n ** 14n), { maxLength: 60 }), (budgetKopecks, approvals) => {
      let budget: Budget = { budgetKopecks, committedKopecks: 0n };
      let accepted = 0n;
      for (const amount of approvals) {
        const next = commitApproval(budget, amount);
        if (next) {
          accepted += amount;
          budget = next;
        } else {
          // refused only when it truly does not fit
          assert.ok(amount > remainingKopecks(budget));
        }
        assert.ok(budget.committedKopecks <= budget.budgetKopecks);
        assert.ok(remainingKopecks(budget) >= 0n);
      }
      assert.equal(budget.committedKopecks, accepted);
    }),
  );
});

test('money: no sequence of tranches pays more than approved; paying the rest completes it exactly', () => {
  fc.assert(
    fc.property(kopecks(10n ** 12n), fc.array(kopecks(10n ** 11n), { maxLength: 40 }), (approvedKopecks, tranches) => {
      let d: Disbursement = { approvedKopecks, paidKopecks: 0n };
      for (const amount of tranches) {
        const next = payTranche(d, amount);
        if (next) d = next;
        else assert.ok(d.paidKopecks + amount > d.approvedKopecks);
        assert.ok(d.paidKopecks >= 0n && d.paidKopecks <= d.approvedKopecks);
      }
      const rest = d.approvedKopecks - d.paidKopecks;
      if (rest > 0n) d = payTranche(d, rest)!;
      assert.ok(isFullyPaid(d));
      assert.equal(payTranche(d, 1n), undefined);
    }),
  );
});

test('money: zero and negative amounts are refused', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(10n ** 12n), max: 0n }), (amount) => {
      assert.equal(commitApproval({ budgetKopecks: 10n ** 13n, committedKopecks: 0n }, amount), undefined);
      assert.equal(payTranche({ approvedKopecks: 10n ** 13n, paidKopecks: 0n }, amount), undefined);
    }),
  );
});

test('money: rubles for people', () => {
  assert.equal(formatRubles(123456789n), '1\u00a0234\u00a0567,89\u00a0₽');
  assert.equal(formatRubles(5n), '0,05\u00a0₽');
});
