import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealStatus } from '../../../../shared/ventures.ts';

// Filled colours with at least 4.5:1 contrast for their text; the text names the status.
const STATUS_COLOR: Record<DealStatus, { bg: string; fg: string }> = {
  intro: { bg: '#1d4585', fg: '#ffffff' },
  due_diligence: { bg: '#5f3dc4', fg: '#ffffff' },
  term_sheet: { bg: '#8a4b00', fg: '#ffffff' },
  closed: { bg: '#1e6f36', fg: '#ffffff' },
  dropped: { bg: '#343a40', fg: '#ffffff' },
};

interface DealStatusBadgeProps extends Omit<BadgeProps, 'color' | 'variant'> {
  status: DealStatus | string;
}

/** The stage of a deal as a coloured badge with its name (never colour alone). */
export function DealStatusBadge({ status, ...props }: DealStatusBadgeProps) {
  const { t } = useTranslation();
  const style = STATUS_COLOR[status as DealStatus] ?? STATUS_COLOR.intro;
  return (
    <Badge variant="filled" color={style.bg} c={style.fg} miw="max-content" {...props}>
      {t(`investments.dealStatus.${status}`)}
    </Badge>
  );
}

/** Whether a closed deal counts as investment attracted: confirmed by both sides and not disputed. */
export function CountedBadge({
  deal,
  ...props
}: Omit<BadgeProps, 'color' | 'variant'> & {
  deal: { status: string; countsAsInvestment: boolean; disputedAt: string | null };
}) {
  const { t } = useTranslation();
  if (deal.status !== 'closed') return null;
  if (deal.countsAsInvestment)
    return (
      <Badge variant="filled" color="#143466" c="#ffffff" miw="max-content" {...props}>
        {t('investments.deal.counted')}
      </Badge>
    );
  if (deal.disputedAt)
    return (
      <Badge variant="filled" color="#b02525" c="#ffffff" miw="max-content" {...props}>
        {t('investments.deal.disputed')}
      </Badge>
    );
  return (
    <Badge variant="outline" color="#8a4b00" c="#8a4b00" miw="max-content" {...props}>
      {t('investments.deal.awaitingConfirmation')}
    </Badge>
  );
}
