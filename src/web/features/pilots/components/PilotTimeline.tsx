import { useTranslation } from 'react-i18next';
import { StatusTimeline } from '../../../components/ui/StatusTimeline.tsx';
import type { PilotDetail } from '../api/pilots.ts';
import { PilotStatusBadge } from './PilotStatusBadge.tsx';

/** The statuses the pilot went through, oldest first, with dates, comments and who acted. */
export function PilotTimeline({ entries }: { entries: PilotDetail['timeline'] }) {
  const { t } = useTranslation();
  return (
    <StatusTimeline
      entries={entries}
      badge={(status) => <PilotStatusBadge status={status} />}
      label={t('pilots.timeline')}
      commentLabel={t('pilots.comment')}
    />
  );
}
