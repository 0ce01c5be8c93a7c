import { Text, Timeline } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format.ts';

export interface StatusTimelineEntry {
  status: string;
  at: string;
  actorName?: string | null;
  comment?: string | null;
}

interface StatusTimelineProps {
  entries: StatusTimelineEntry[];
  /** the status as a badge with its name */
  badge: (status: string) => ReactNode;
  label: string;
  /** «Комментарий» in the interface language */
  commentLabel: string;
}

/** The statuses a record went through, oldest first, with dates, comments and who acted. */
export function StatusTimeline({ entries, badge, label, commentLabel }: StatusTimelineProps) {
  return (
    <Timeline active={entries.length - 1} bulletSize={16} lineWidth={2} aria-label={label}>
      {entries.map((entry) => (
        <Timeline.Item key={`${entry.at}-${entry.status}`} title={badge(entry.status)}>
          <Text size="sm" mt={4}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            {entry.actorName ? ` · ${entry.actorName}` : ''}
          </Text>
          {entry.comment && (
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-line' }}>
              {commentLabel}: {entry.comment}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
