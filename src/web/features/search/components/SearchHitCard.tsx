import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchType } from '../api/search.ts';
import { MarkedText } from './MarkedText.tsx';

/** Where each kind's status names are translated. */
const STATUS_KEYS: Partial<Record<SearchType, string>> = {
  organizations: 'enums.membershipStatus',
  requests: 'requests.status',
  measures: 'exportsPage.measureStatus',
  projects: 'projects.status',
  applications: 'enums.applicationStatus',
  solutions: 'solutions.status',
};

/** One result: the title (a link) with the matches marked, what it is, and the fragment of text that matched. */
export function SearchHitCard({ type, hit }: { type: SearchType; hit: SearchHit }) {
  const { t } = useTranslation();
  const statusKey = STATUS_KEYS[type];
  const subtitle = !hit.subtitle
    ? null
    : type === 'investors'
      ? t(`investments.investorType.${hit.subtitle}`)
      : type === 'organizations'
        ? t('search.innSubtitle', { value: hit.subtitle })
        : hit.subtitle;
  return (
    <Paper withBorder p="sm" component="article">
      <Stack gap={4}>
        <Anchor component={Link} to={hit.link} fw={600}>
          <MarkedText parts={hit.titleParts.length ? hit.titleParts : [{ text: hit.title, match: false }]} />
        </Anchor>
        <Group gap="xs">
          {subtitle && (
            <Text size="sm" c="dimmed">
              {subtitle}
            </Text>
          )}
          {statusKey && hit.status && (
            <Badge variant="light" color="gray" size="sm">
              {t(`${statusKey}.${hit.status}`)}
            </Badge>
          )}
        </Group>
        {hit.snippetParts.length > 0 && (
          <Text size="sm">
            <MarkedText parts={hit.snippetParts} />
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
