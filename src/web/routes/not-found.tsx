import { Button, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/ui/PageHeader.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640}>
      <PageHeader title={t('notFound.title')} />
      <Text>{t('notFound.text')}</Text>
      <Group>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
        <Button component={Link} to="/registry" variant="default">
          {t('nav.registry')}
        </Button>
      </Group>
    </Stack>
  );
}
