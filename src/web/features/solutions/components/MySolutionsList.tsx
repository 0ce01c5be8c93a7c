import { Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useMySolutions } from '../api/solutions.ts';
import { SolutionStatusBadge } from './SolutionStatusBadge.tsx';

/** An organization's solutions to requests, newest first, each linking to its page. */
export function MySolutionsList({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const solutions = useMySolutions(organizationId);
  if (solutions.isPending) return <Skeleton height={60} />;
  if (solutions.isError) return <ErrorAlert error={solutions.error} />;
  if (solutions.data.items.length === 0) {
    return (
      <Text size="sm">
        {t('solutions.mine.none')} <Link to="/requests">{t('solutions.mine.toRequests')}</Link>
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('solutions.mine.title')}>
      {solutions.data.items.map((item) => (
        <Card key={item.id} withBorder padding="sm" component="li">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
              <Link to="/solutions/$id" params={{ id: item.id }} className="card-title-link">
                {item.requestTitle}
              </Link>
              <Text size="sm">
                {item.number} · {item.customerName} · {formatDate(item.updatedAt)}
              </Text>
              <Text size="sm" c="dimmed" lineClamp={2}>
                {item.summary}
              </Text>
            </Stack>
            <SolutionStatusBadge status={item.status} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
