import { Anchor, Box, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import {
  IconArrowRight,
  IconBuildingCommunity,
  IconCertificate,
  IconSearch,
  IconUsersGroup,
} from '@tabler/icons-react';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOME_FIGURES } from '../features/analytics/components/figure-values.ts';
import { HeadlineFigures } from '../features/analytics/components/HeadlineFigures.tsx';
import { useSession } from '../features/auth/api/session.ts';
import { useRegistrySearch } from '../features/registry/api/registry.ts';
import { SoonestRequests } from '../features/requests/components/SoonestRequests.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { usePageTitle } from '../lib/use-page-title.ts';
import { rootRoute } from './root.tsx';

const BENEFITS = [
  { key: 'registry', icon: IconCertificate },
  { key: 'network', icon: IconUsersGroup },
  { key: 'support', icon: IconBuildingCommunity },
] as const;

function HomePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const { user } = useSession();
  const [query, setQuery] = useState('');
  const participants = useRegistrySearch({ page: 1 });
  usePageTitle(undefined);

  const search = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ to: '/registry', search: { q: query.trim() || undefined } });
  };

  return (
    <Stack gap="xl">
      <Box className="hero" p={{ base: 'lg', sm: 40 }}>
        <Stack gap="md" maw={760}>
          <Title order={1} fz={{ base: 28, sm: 40 }} c="white">
            {t('home.title')}
          </Title>
          <Text size="lg" c="white">
            {t('home.lead')}
          </Text>
          {participants.data && (
            <Text size="md" c="white" fw={600}>
              {t('home.participantsCount', {
                count: participants.data.total,
                formatted: formatNumber(participants.data.total, language),
              })}
            </Text>
          )}
          <Group gap="sm" mt="xs">
            <Button
              component={Link}
              to={user ? '/organizations/new' : '/register'}
              size="md"
              variant="white"
              color="klaster"
            >
              {t('home.join')}
            </Button>
            <Button
              component={Link}
              to="/registry"
              size="md"
              variant="outline"
              color="white"
              styles={{ root: { color: 'white', borderColor: 'white' } }}
            >
              {t('home.openRegistry')}
            </Button>
          </Group>
        </Stack>
      </Box>

      <Stack gap="sm" component="section" aria-labelledby="home-figures-title" data-testid="home-figures">
        <Group justify="space-between" align="baseline" gap="sm" wrap="wrap">
          <Title order={2} size="h3" id="home-figures-title">
            {t('home.figuresTitle')}
          </Title>
          <Anchor renderRoot={(props) => <Link {...props} to="/figures" />} fw={600}>
            <Group gap={4} component="span" wrap="nowrap">
              {t('home.figuresLink')}
              <IconArrowRight size={16} aria-hidden />
            </Group>
          </Anchor>
        </Group>
        <HeadlineFigures figures={HOME_FIGURES} withRules={false} />
      </Stack>

      <Card withBorder padding="lg">
        <search aria-label={t('home.searchTitle')}>
          <form onSubmit={search}>
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('home.searchTitle')}
              </Title>
              <Group align="flex-end" gap="sm" wrap="nowrap">
                <TextInput
                  label={t('registry.searchLabel')}
                  description={t('registry.searchHint')}
                  placeholder={t('registry.searchPlaceholder')}
                  value={query}
                  onChange={(event) => setQuery(event.currentTarget.value)}
                  leftSection={<IconSearch size={16} aria-hidden />}
                  type="search"
                  style={{ flex: 1 }}
                />
                <Button type="submit">{t('common.find')}</Button>
              </Group>
            </Stack>
          </form>
        </search>
      </Card>

      <SoonestRequests />

      <Stack gap="md">
        <Title order={2} size="h3">
          {t('home.whyTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {BENEFITS.map(({ key, icon: Icon }) => (
            <Card key={key} withBorder padding="lg">
              <Stack gap="sm">
                <ThemeIcon size={44} radius="md" variant="filled" color="klaster.8" aria-hidden>
                  <Icon size={24} />
                </ThemeIcon>
                <Title order={3} size="h4">
                  {t(`home.benefits.${key}.title`)}
                </Title>
                <Text>{t(`home.benefits.${key}.text`)}</Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>

      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('home.howTitle')}
          </Title>
          <Box component="ol" m={0} pl="lg">
            {(['account', 'organization', 'apply', 'decision'] as const).map((step) => (
              <Text component="li" key={step} mb={6}>
                {t(`home.steps.${step}`)}
              </Text>
            ))}
          </Box>
          <Group>
            <Button component={Link} to={user ? '/organizations/new' : '/register'}>
              {t('home.join')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}

export const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: HomePage,
});
