import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MembershipKind, MembershipStatus } from '../../../shared/domain.ts';

// Filled colours chosen for at least 4.5:1 contrast with their text; the text names the status,
// so colour is never the only signal.
const STATUS_STYLE: Record<MembershipStatus | 'none', { bg: string; fg: string; variant: 'filled' | 'outline' }> = {
  none: { bg: '#495057', fg: '#343a40', variant: 'outline' },
  applied: { bg: '#1d4585', fg: '#ffffff', variant: 'filled' },
  under_review: { bg: '#5f3dc4', fg: '#ffffff', variant: 'filled' },
  participant: { bg: '#1e6f36', fg: '#ffffff', variant: 'filled' },
  rejected: { bg: '#b02525', fg: '#ffffff', variant: 'filled' },
  suspended: { bg: '#ffd43b', fg: '#212529', variant: 'filled' },
  excluded: { bg: '#343a40', fg: '#ffffff', variant: 'filled' },
};

interface MembershipStatusBadgeProps extends Omit<BadgeProps, 'color' | 'variant'> {
  status: MembershipStatus | 'none';
}

/** The status of a cluster application, as a coloured badge with its name. */
export function MembershipStatusBadge({ status, ...props }: MembershipStatusBadgeProps) {
  const { t } = useTranslation();
  const style = STATUS_STYLE[status] ?? STATUS_STYLE.none;
  return (
    <Badge variant={style.variant} color={style.bg} c={style.fg} {...props}>
      {t(`enums.membershipStatus.${status}`)}
    </Badge>
  );
}

interface ClusterBadgeProps extends Omit<BadgeProps, 'color' | 'variant'> {
  kind: MembershipKind | null;
}

/** «Участник кластера» or «Партнёр кластера» for an admitted organization. */
export function ClusterBadge({ kind, ...props }: ClusterBadgeProps) {
  const { t } = useTranslation();
  const partner = kind === 'partner';
  return (
    <Badge variant="filled" color={partner ? '#143466' : '#1e6f36'} c="#ffffff" {...props}>
      {t(partner ? 'cluster.partnerBadge' : 'cluster.participantBadge')}
    </Badge>
  );
}
