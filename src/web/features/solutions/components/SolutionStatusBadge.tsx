import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SolutionStatus } from '../../../../shared/innovation.ts';

// Filled colours with at least 4.5:1 contrast for their text; the text names the status.
const STATUS_COLOR: Record<SolutionStatus, { bg: string; fg: string }> = {
  draft: { bg: '#495057', fg: '#ffffff' },
  submitted: { bg: '#1d4585', fg: '#ffffff' },
  shortlisted: { bg: '#5f3dc4', fg: '#ffffff' },
  declined: { bg: '#b02525', fg: '#ffffff' },
  pilot: { bg: '#8a4b00', fg: '#ffffff' },
  contract: { bg: '#1e6f36', fg: '#ffffff' },
  not_adopted: { bg: '#343a40', fg: '#ffffff' },
  withdrawn: { bg: '#343a40', fg: '#ffffff' },
};

interface SolutionStatusBadgeProps extends Omit<BadgeProps, 'color' | 'variant'> {
  status: SolutionStatus | string;
}

/** The status of a solution as a coloured badge with its name (never colour alone). */
export function SolutionStatusBadge({ status, ...props }: SolutionStatusBadgeProps) {
  const { t } = useTranslation();
  const style = STATUS_COLOR[status as SolutionStatus] ?? STATUS_COLOR.draft;
  return (
    <Badge variant="filled" color={style.bg} c={style.fg} miw="max-content" {...props}>
      {t(`solutions.status.${status}`)}
    </Badge>
  );
}
