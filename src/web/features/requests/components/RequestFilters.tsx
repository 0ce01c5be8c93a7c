import { Button, Collapse, Select, SimpleGrid, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatNumber } from '../../../lib/format.ts';
import {
  REQUEST_FACETS,
  REQUEST_SORTS,
  type RequestFacetName,
  type RequestSort,
  type RequestsAnswer,
  type RequestsFilter,
} from '../api/requests.ts';

/** Where each facet's values are translated. */
const FACET_LABELS: Record<RequestFacetName, string> = {
  kind: 'requests.kind',
  scope: 'requests.scope',
  technology: 'enums.technology',
  problemType: 'requests.problemType',
};

interface RequestFiltersProps {
  filter: RequestsFilter;
  facets: RequestsAnswer['facets'] | undefined;
  onChange: (change: Partial<RequestsFilter>) => void;
  onReset: () => void;
}

/** Kind, scope, technology and problem type with the number of requests behind each value; the sort. */
export function RequestFilters({ filter, facets, onChange, onReset }: RequestFiltersProps) {
  const { t } = useTranslation();
  const language = currentLanguage();

  const labelOf = (facet: RequestFacetName, value: string) => t(`${FACET_LABELS[facet]}.${value}`);

  const optionsFor = (facet: RequestFacetName) => {
    const values = facets?.[facet] ?? [];
    const options = values.map(({ value, count }) => ({
      value,
      label: `${labelOf(facet, value)} (${formatNumber(count, language)})`,
    }));
    const selected = filter[facet];
    // the chosen value stays selectable even when the other filters leave it no results
    if (selected && !values.some((option) => option.value === selected)) {
      options.unshift({ value: selected, label: labelOf(facet, selected) });
    }
    return options;
  };

  const activeFilters = REQUEST_FACETS.filter((facet) => filter[facet]).length;
  const hasFilters = activeFilters > 0 || Boolean(filter.q) || Boolean(filter.sort);
  const sorts = REQUEST_SORTS.filter((sort) => sort !== 'relevance' || filter.q);
  // on a phone five selects would push the results off the screen: they fold behind a button
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [opened, toggle] = useDisclosure(false);

  return (
    <Stack gap="sm">
      {phone && (
        <Button
          variant="default"
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
          aria-expanded={opened}
          aria-controls="request-filters"
          onClick={toggle.toggle}
        >
          {activeFilters > 0 ? t('requests.filtersActive', { count: activeFilters }) : t('requests.filters')}
        </Button>
      )}
      <Collapse expanded={!phone || opened} id="request-filters">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {REQUEST_FACETS.map((facet) => (
            <Select
              key={facet}
              label={t(`requests.filter.${facet}`)}
              placeholder={t('requests.any')}
              data={optionsFor(facet)}
              value={filter[facet] ?? null}
              onChange={(value) => onChange({ [facet]: value ?? undefined, page: 1 })}
              clearable
              clearButtonProps={{ 'aria-label': t('requests.clearFilter') }}
              searchable={facet === 'technology' || facet === 'scope'}
              nothingFoundMessage={t('requests.noOptions')}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
          <Select
            label={t('requests.sort.label')}
            data={sorts.map((sort) => ({ value: sort, label: t(`requests.sort.${sort}`) }))}
            value={filter.sort ?? (filter.q ? 'relevance' : 'deadline')}
            onChange={(value) => onChange({ sort: (value as RequestSort | null) ?? undefined, page: 1 })}
            allowDeselect={false}
          />
          {hasFilters && (
            <Button variant="default" onClick={onReset} style={{ alignSelf: 'end' }}>
              {t('requests.reset')}
            </Button>
          )}
        </SimpleGrid>
      </Collapse>
    </Stack>
  );
}
