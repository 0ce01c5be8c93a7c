import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApplicationStatusBadge } from '../../../components/ui/ApplicationStatusBadge.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { SupportApplication } from '../api/applications.ts';

/** The statuses an application went through, oldest first, with dates, comments and who acted. */
export function ApplicationTimeline({ entries }: { entries: SupportApplication['timeline'] }) {
  const { t } = useTranslation();
  return (
    <Timeline active={entries.length - 1} bulletSize={16} lineWidth={2} aria-label={t('applications.timeline')}>
      {entries.map((entry) => (
        <Timeline.Item key={`${entry.at}-${entry.status}`} title={<ApplicationStatusBadge status={entry.status} />}>
          <Text size="sm" mt={4}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            {entry.actorName ? ` · ${entry.actorName}` : ''}
          </Text>
          {entry.comment && (
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-line' }}>
              {t('applications.comment')}: {entry.comment}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
