import { Button, Collapse, Select, SimpleGrid, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatNumber } from '../../../lib/format.ts';
import {
  FACET_NAMES,
  type FacetName,
  REGISTRY_SORTS,
  type RegistryAnswer,
  type RegistryFilter,
  type RegistrySort,
} from '../api/registry.ts';

/** Where each facet's values are translated; districts are proper names and stay as they are. */
const FACET_ENUM: Record<FacetName, string | null> = {
  technology: 'technology',
  okvedSection: 'okvedSection',
  smeCategory: 'smeCategory',
  district: null,
  stage: 'startupStage',
  kind: 'membershipKind',
};

interface RegistryFiltersProps {
  filter: RegistryFilter;
  facets: RegistryAnswer['facets'] | undefined;
  onChange: (change: Partial<RegistryFilter>) => void;
  onReset: () => void;
}

export function RegistryFilters({ filter, facets, onChange, onReset }: RegistryFiltersProps) {
  const { t } = useTranslation();
  const language = currentLanguage();

  const labelOf = (facet: FacetName, value: string) => {
    const group = FACET_ENUM[facet];
    return group ? t(`enums.${group}.${value}`) : value;
  };

  const optionsFor = (facet: FacetName) => {
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

  const activeFilters = FACET_NAMES.filter((facet) => filter[facet]).length;
  const hasFilters = activeFilters > 0 || Boolean(filter.q);
  // on a phone six selects would push the results off the screen: they fold behind a button
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [opened, toggle] = useDisclosure(false);

  return (
    <Stack gap="sm">
      {phone && (
        <Button
          variant="default"
          leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
          aria-expanded={opened}
          aria-controls="registry-filters"
          onClick={toggle.toggle}
        >
          {activeFilters > 0 ? t('registry.filtersActive', { count: activeFilters }) : t('registry.filters')}
        </Button>
      )}
      <Collapse expanded={!phone || opened} id="registry-filters">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {FACET_NAMES.map((facet) => (
            <Select
              key={facet}
              label={t(`registry.filter.${facet}`)}
              placeholder={t('registry.any')}
              data={optionsFor(facet)}
              value={filter[facet] ?? null}
              onChange={(value) => onChange({ [facet]: value ?? undefined, page: 1 })}
              clearable
              searchable={facet === 'technology' || facet === 'okvedSection'}
              nothingFoundMessage={t('registry.noOptions')}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
          <Select
            label={t('registry.sort.label')}
            data={REGISTRY_SORTS.map((sort) => ({ value: sort, label: t(`registry.sort.${sort}`) }))}
            value={filter.sort ?? (filter.q ? 'relevance' : 'name')}
            onChange={(value) => onChange({ sort: (value as RegistrySort | null) ?? undefined, page: 1 })}
            allowDeselect={false}
          />
          {hasFilters && (
            <Button variant="default" onClick={onReset} style={{ alignSelf: 'end' }}>
              {t('registry.reset')}
            </Button>
          )}
        </SimpleGrid>
      </Collapse>
    </Stack>
  );
}
