// The open requests whose deadline comes first, for the home page; nothing while there are none.
import { Button, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSoonestRequests } from '../api/requests.ts';
import { RequestCard } from './RequestCard.tsx';

export function SoonestRequests({ count = 3 }: { count?: number }) {
  const { t } = useTranslation();
  const requests = useSoonestRequests(count);
  const items = requests.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="md" component="section" aria-labelledby="home-open-requests">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h3" id="home-open-requests">
          {t('requests.home.title')}
        </Title>
        <Button variant="default" renderRoot={(props) => <Link {...props} to="/requests" />}>
          {t('requests.home.all')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: Math.min(items.length, 3) }} spacing="md">
        {items.map((request) => (
          <RequestCard key={request.id} request={request} headingLevel={3} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
