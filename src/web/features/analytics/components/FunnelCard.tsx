// One funnel: its counting rule, the filters it took, its steps as bars and, for reading aloud or copying, as a
// table with the conversions and the median days between steps.
import { Box, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import type { Funnel } from '../api/funnels.ts';
import { type FilterGroup, filterGroups } from '../api/funnels-search.ts';
import { barShares, formatDays, formatPercent, NO_VALUE } from './funnel-format.ts';

interface FunnelCardProps {
  funnel: Funnel;
  language: 'ru' | 'en';
  /** the filters the operator set, whether or not this funnel takes them */
  activeFilters: FilterGroup[];
  /** a filter with its value, as a person reads it: «мера MIK-PILOT · Грант на пилотное тестирование» */
  describeFilter: (group: FilterGroup) => string;
}

function FunnelBars({ funnel, language }: Pick<FunnelCardProps, 'funnel' | 'language'>) {
  const { t } = useTranslation();
  const shares = barShares(funnel.steps.map((step) => step.count));
  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" fw={600} size="sm" mb="xs">
        {t('funnels.chartTitle', { funnel: funnel.label })}
      </Text>
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {funnel.steps.map((step, index) => (
          <li key={step.key}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
              <Text size="sm">{`${index + 1}. ${step.label}`}</Text>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {t('funnels.barValue', {
                  count: formatNumber(step.count, language),
                  share: formatPercent(step.conversionFromFirst, language),
                })}
              </Text>
            </Group>
            <Box h={12} bg="gray.1" style={{ borderRadius: 'var(--mantine-radius-sm)' }} aria-hidden>
              <Box
                h="100%"
                bg="klaster.7"
                w={`${shares[index]}%`}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              />
            </Box>
          </li>
        ))}
      </Stack>
    </Box>
  );
}

function FunnelTable({ funnel, language }: Pick<FunnelCardProps, 'funnel' | 'language'>) {
  const { t } = useTranslation();
  // the requests funnel also counts the solutions, pilots and contracts themselves
  const withItems = funnel.steps.some((step) => step.items !== undefined);
  return (
    // on a phone the table scrolls sideways: the keyboard reaches it too
    <Table.ScrollContainer
      minWidth={withItems ? 720 : 600}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={t('funnels.tableCaption', { funnel: funnel.label })}
    >
      <Table striped verticalSpacing="xs" captionSide="top" data-testid={`funnel-table-${funnel.key}`}>
        <Table.Caption style={{ textAlign: 'start' }}>
          {t('funnels.tableCaption', { funnel: funnel.label })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" miw={180}>
              {t('funnels.table.step')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('funnels.table.count')}
            </Table.Th>
            {withItems && (
              <Table.Th scope="col" ta="end">
                {t('funnels.table.items')}
              </Table.Th>
            )}
            <Table.Th scope="col" ta="end">
              {t('funnels.table.fromPrevious')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('funnels.table.fromFirst')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('funnels.table.medianDays')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {funnel.steps.map((step) => (
            <Table.Tr key={step.key}>
              <Table.Th scope="row" fw={500}>
                {step.label}
              </Table.Th>
              <Table.Td ta="end">{formatNumber(step.count, language)}</Table.Td>
              {withItems && (
                <Table.Td ta="end">{step.items === undefined ? NO_VALUE : formatNumber(step.items, language)}</Table.Td>
              )}
              <Table.Td ta="end">{formatPercent(step.conversionFromPrevious, language)}</Table.Td>
              <Table.Td ta="end">{formatPercent(step.conversionFromFirst, language)}</Table.Td>
              <Table.Td ta="end">{formatDays(step.medianDaysFromPrevious, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function FunnelCard({ funnel, language, activeFilters, describeFilter }: FunnelCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const taken = filterGroups(funnel.filters);
  const ignored = activeFilters.filter((group) => !taken.includes(group));
  const empty = (funnel.steps[0]?.count ?? 0) === 0;

  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'md' }} aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={titleId}>
          {funnel.label}
        </Title>
        <Text size="sm">
          <Text span fw={600}>
            {t('funnels.rule')}
          </Text>{' '}
          {funnel.rule}
        </Text>
        <Text size="sm" data-testid={`funnel-filters-${funnel.key}`}>
          <Text span fw={600}>
            {t('funnels.filtersTaken')}
          </Text>{' '}
          {taken.length > 0 ? taken.map(describeFilter).join('; ') : t('funnels.noFilters')}
        </Text>
        {ignored.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('funnels.filtersIgnored', {
              filters: ignored.map((group) => t(`funnels.filterName.${group}`)).join(', '),
            })}
          </Text>
        )}
        {empty ? (
          <Text size="sm" fs="italic">
            {t('funnels.emptyFunnel')}
          </Text>
        ) : (
          <FunnelBars funnel={funnel} language={language} />
        )}
        <FunnelTable funnel={funnel} language={language} />
      </Stack>
    </Paper>
  );
}
