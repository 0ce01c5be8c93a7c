import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestStatus } from '../../../shared/innovation.ts';

// Filled colours with at least 4.5:1 contrast for their text; the text names the status.
const STATUS_COLOR: Record<RequestStatus, { bg: string; fg: string }> = {
  draft: { bg: '#495057', fg: '#ffffff' },
  moderation: { bg: '#5f3dc4', fg: '#ffffff' },
  published: { bg: '#1e6f36', fg: '#ffffff' },
  closed: { bg: '#8a4b00', fg: '#ffffff' },
  resolved: { bg: '#143466', fg: '#ffffff' },
  cancelled: { bg: '#343a40', fg: '#ffffff' },
};

interface RequestStatusBadgeProps extends Omit<BadgeProps, 'color' | 'variant'> {
  status: RequestStatus;
}

/** The status of a request for innovative solutions, as a coloured badge with its name. */
export function RequestStatusBadge({ status, ...props }: RequestStatusBadgeProps) {
  const { t } = useTranslation();
  const style = STATUS_COLOR[status] ?? STATUS_COLOR.draft;
  return (
    // never cut to «На моде…» in a narrow table column
    <Badge variant="filled" color={style.bg} c={style.fg} miw="max-content" {...props}>
      {t(`requests.status.${status}`)}
    </Badge>
  );
}
