// How a request's reward reads: «Бюджет: 1 500 000,00 ₽», «Приз: …», or that the amount is agreed later.
import type { TFunction } from 'i18next';
import type { FormatLanguage } from '../../../lib/format.ts';
import { formatKopecks } from '../../../lib/format.ts';

export function rewardText(
  request: { rewardKind: 'budget' | 'prize'; budgetKopecks: string | null },
  t: TFunction,
  language: FormatLanguage,
): string {
  if (request.budgetKopecks === null) return t(`requests.reward.${request.rewardKind}None`);
  return t(`requests.reward.${request.rewardKind}Amount`, { amount: formatKopecks(request.budgetKopecks, language) });
}
