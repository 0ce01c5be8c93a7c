// Budget arithmetic in integer kopecks (BigInt), never floats. The database enforces the same bounds with
// CHECKs and conditional UPDATEs; these pure functions say what those statements allow, for the service's
// answers and for property tests.

export interface Budget {
  budgetKopecks: bigint;
  committedKopecks: bigint;
}

export interface Disbursement {
  approvedKopecks: bigint;
  paidKopecks: bigint;
}

export function remainingKopecks(budget: Budget): bigint {
  return budget.budgetKopecks - budget.committedKopecks;
}

/** Commits an approval if it fits what is left of the budget; undefined when it does not. */
export function commitApproval(budget: Budget, amount: bigint): Budget | undefined {
  if (amount <= 0n) return undefined;
  if (budget.committedKopecks + amount > budget.budgetKopecks) return undefined;
  return { ...budget, committedKopecks: budget.committedKopecks + amount };
}

/** Pays a tranche if the total stays within the approved amount; undefined when it would not. */
export function payTranche(disbursement: Disbursement, amount: bigint): Disbursement | undefined {
  if (amount <= 0n) return undefined;
  if (disbursement.paidKopecks + amount > disbursement.approvedKopecks) return undefined;
  return { ...disbursement, paidKopecks: disbursement.paidKopecks + amount };
}

export const isFullyPaid = (disbursement: Disbursement) => disbursement.paidKopecks === disbursement.approvedKopecks;

/** 123456789n → «1 234 567,89 ₽» (non-breaking spaces between thousands), for messages to people. */
export function formatRubles(kopecks: bigint): string {
  const negative = kopecks < 0n;
  const abs = negative ? -kopecks : kopecks;
  const rubles = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '−' : ''}${rubles},${rest}\u00a0₽`;
}
