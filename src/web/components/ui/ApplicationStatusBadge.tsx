import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../../shared/measures.ts';

// Filled colours with at least 4.5:1 contrast for their text; the text names the status.
const STATUS_COLOR: Record<ApplicationStatus, { bg: string; fg: string }> = {
  draft: { bg: '#495057', fg: '#ffffff' },
  submitted: { bg: '#1d4585', fg: '#ffffff' },
  returned: { bg: '#ffd43b', fg: '#212529' },
  registered: { bg: '#0b5c73', fg: '#ffffff' },
  under_review: { bg: '#5f3dc4', fg: '#ffffff' },
  approved: { bg: '#1e6f36', fg: '#ffffff' },
  rejected: { bg: '#b02525', fg: '#ffffff' },
  agreement_signed: { bg: '#1e6f36', fg: '#ffffff' },
  disbursing: { bg: '#143466', fg: '#ffffff' },
  reporting: { bg: '#8a4b00', fg: '#ffffff' },
  completed: { bg: '#343a40', fg: '#ffffff' },
  withdrawn: { bg: '#343a40', fg: '#ffffff' },
};

interface ApplicationStatusBadgeProps extends Omit<BadgeProps, 'color' | 'variant'> {
  status: ApplicationStatus;
}

/** The status of an application for a support measure, as a coloured badge with its name. */
export function ApplicationStatusBadge({ status, ...props }: ApplicationStatusBadgeProps) {
  const { t } = useTranslation();
  const style = STATUS_COLOR[status] ?? STATUS_COLOR.draft;
  return (
    <Badge variant="filled" color={style.bg} c={style.fg} {...props}>
      {t(`enums.applicationStatus.${status}`)}
    </Badge>
  );
}
