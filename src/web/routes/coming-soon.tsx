import { Button, Card, Stack, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { createRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { rootRoute } from './root.tsx';

type Section = 'figures';

function ComingSoonPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={t(`nav.${section}`)} />
      <Card withBorder padding="xl">
        <Stack gap="sm" align="flex-start">
          <IconClockHour4 size={40} aria-hidden color="var(--mantine-color-klaster-8)" />
          <Text fw={650} size="lg">
            {t('comingSoon.title')}
          </Text>
          <Text>{t(`comingSoon.${section}`)}</Text>
          <Button component={Link} to="/registry" variant="default">
            {t('comingSoon.meanwhile')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}

const comingSoonRoute = (section: Section) =>
  createRoute({
    getParentRoute: () => rootRoute,
    path: `/${section}`,
    component: () => <ComingSoonPage section={section} />,
  });

export const figuresRoute = comingSoonRoute('figures');
