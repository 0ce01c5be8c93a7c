import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MembershipStatusBadge } from '../../../components/ui/MembershipStatusBadge.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { TimelineEntry } from '../api/membership.ts';

/** The statuses an application went through, oldest first, with dates, reasons and who decided. */
export function MembershipTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <Timeline active={entries.length - 1} bulletSize={16} lineWidth={2} aria-label={t('membership.timeline')}>
      {entries.map((entry) => (
        <Timeline.Item key={`${entry.at}-${entry.status}`} title={<MembershipStatusBadge status={entry.status} />}>
          <Text size="sm" mt={4}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            {entry.actorName ? ` · ${entry.actorName}` : ''}
          </Text>
          {entry.reason && (
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-line' }}>
              {t('membership.reason')}: {entry.reason}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
