import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PilotStatus } from '../../../../shared/innovation.ts';

// Filled colours with at least 4.5:1 contrast for their text; the text names the status.
const STATUS_COLOR: Record<PilotStatus, { bg: string; fg: string }> = {
  proposed: { bg: '#1d4585', fg: '#ffffff' },
  approved: { bg: '#0b5c73', fg: '#ffffff' },
  rejected: { bg: '#b02525', fg: '#ffffff' },
  running: { bg: '#8a4b00', fg: '#ffffff' },
  completed: { bg: '#1e6f36', fg: '#ffffff' },
  cancelled: { bg: '#343a40', fg: '#ffffff' },
};

interface PilotStatusBadgeProps extends Omit<BadgeProps, 'color' | 'variant'> {
  status: PilotStatus | string;
}

/** The status of a pilot as a coloured badge with its name (never colour alone). */
export function PilotStatusBadge({ status, ...props }: PilotStatusBadgeProps) {
  const { t } = useTranslation();
  const style = STATUS_COLOR[status as PilotStatus] ?? STATUS_COLOR.proposed;
  return (
    <Badge variant="filled" color={style.bg} c={style.fg} miw="max-content" {...props}>
      {t(`pilots.status.${status}`)}
    </Badge>
  );
}
