import { Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApplicationStatusBadge } from '../../../components/ui/ApplicationStatusBadge.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatKopecks } from '../../../lib/format.ts';
import { useApplications } from '../api/applications.ts';

/** An organization's applications for support measures, newest first, each linking to its page. */
export function MyApplicationsList({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const applications = useApplications({ organizationId, page: 1 });
  if (applications.isPending) return <Skeleton height={60} />;
  if (applications.isError) return <ErrorAlert error={applications.error} />;
  if (applications.data.items.length === 0) {
    return (
      <Text size="sm">
        {t('applications.noneYet')}{' '}
        <Link to="/measures" search={{ org: organizationId }}>
          {t('applications.toCatalogue')}
        </Link>
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {applications.data.items.map((item) => (
        <Card key={item.id} withBorder padding="sm" component="li">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Link to="/applications/$id" params={{ id: item.id }} className="card-title-link">
                {item.measureTitle}
              </Link>
              <Text size="sm">
                {item.number} · {formatKopecks(item.requestedAmountKopecks, language)} · {formatDate(item.updatedAt)}
              </Text>
            </Stack>
            <ApplicationStatusBadge status={item.status} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
