import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PartnerStatus, ProjectStatus } from '../../../../shared/ventures.ts';

// Filled colours with at least 4.5:1 contrast for their text; the text names the status.
const STATUS_COLOR: Record<ProjectStatus, { bg: string; fg: string }> = {
  planned: { bg: '#1d4585', fg: '#ffffff' },
  active: { bg: '#8a4b00', fg: '#ffffff' },
  implemented: { bg: '#1e6f36', fg: '#ffffff' },
  cancelled: { bg: '#343a40', fg: '#ffffff' },
};

interface ProjectStatusBadgeProps extends Omit<BadgeProps, 'color' | 'variant'> {
  status: ProjectStatus | string;
}

/** The status of a project as a coloured badge with its name (never colour alone). */
export function ProjectStatusBadge({ status, ...props }: ProjectStatusBadgeProps) {
  const { t } = useTranslation();
  const style = STATUS_COLOR[status as ProjectStatus] ?? STATUS_COLOR.planned;
  return (
    <Badge variant="filled" color={style.bg} c={style.fg} miw="max-content" {...props}>
      {t(`projects.status.${status}`)}
    </Badge>
  );
}

const PARTNER_STYLE: Record<PartnerStatus, { bg: string; fg: string; variant: 'filled' | 'outline' }> = {
  invited: { bg: '#1d4585', fg: '#1d4585', variant: 'outline' },
  confirmed: { bg: '#1e6f36', fg: '#ffffff', variant: 'filled' },
  declined: { bg: '#b02525', fg: '#ffffff', variant: 'filled' },
};

/** Whether a partner organization confirmed its participation, as a badge with text. */
export function PartnerStatusBadge({
  status,
  ...props
}: Omit<BadgeProps, 'color' | 'variant'> & { status: PartnerStatus }) {
  const { t } = useTranslation();
  const style = PARTNER_STYLE[status] ?? PARTNER_STYLE.invited;
  return (
    <Badge variant={style.variant} color={style.bg} c={style.fg} miw="max-content" {...props}>
      {t(`projects.partnerStatus.${status}`)}
    </Badge>
  );
}

/** «Совместный проект»: two or more cluster participants confirmed their part in it. */
export function JointBadge(props: Omit<BadgeProps, 'color' | 'variant'>) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color="#143466" c="#ffffff" miw="max-content" {...props}>
      {t('projects.jointBadge')}
    </Badge>
  );
}
