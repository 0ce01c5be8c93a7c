import { useTranslation } from 'react-i18next';
import { StatusTimeline } from '../../../components/ui/StatusTimeline.tsx';
import type { SolutionDetail } from '../api/solutions.ts';
import { SolutionStatusBadge } from './SolutionStatusBadge.tsx';

/** The statuses the solution went through, oldest first, with dates, reasons and who acted. */
export function SolutionTimeline({ entries }: { entries: SolutionDetail['timeline'] }) {
  const { t } = useTranslation();
  return (
    <StatusTimeline
      entries={entries}
      badge={(status) => <SolutionStatusBadge status={status} />}
      label={t('solutions.timeline')}
      commentLabel={t('solutions.comment')}
    />
  );
}
