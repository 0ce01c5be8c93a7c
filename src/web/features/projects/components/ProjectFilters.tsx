import { Button, Collapse, Select, SimpleGrid, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatNumber } from '../../../lib/format.ts';
import {
  PROJECT_FACETS,
  PROJECT_SORTS,
  type ProjectFacetName,
  type ProjectSort,
  type ProjectsAnswer,
  type ProjectsFilter,
} from '../api/projects.ts';

interface ProjectFiltersProps {
  filter: ProjectsFilter;
  facets: ProjectsAnswer['facets'] | undefined;
  onChange: (change: Partial<ProjectsFilter>) => void;
  onReset: () => void;
}

/** The filter's value as the facet lists it: 'true' / 'false', a year, a technology key, a district. */
function selectedValue(filter: ProjectsFilter, facet: ProjectFacetName): string | undefined {
  const value = filter[facet];
  return value === undefined ? undefined : String(value);
}

function toFilterValue(facet: ProjectFacetName, value: string | null): Partial<ProjectsFilter> {
  if (value === null) return { [facet]: undefined };
  if (facet === 'joint') return { joint: value === 'true' };
  if (facet === 'year') return { year: Number(value) };
  return { [facet]: value } as Partial<ProjectsFilter>;
}

/** Technology area, joint or not, the year implemented and the lead's district, each value with its count. */
export function ProjectFilters({ filter, facets, onChange, onReset }: ProjectFiltersProps) {
  const { t } = useTranslation();
  const language = currentLanguage();

  const labelOf = (facet: ProjectFacetName, value: string) => {
    if (facet === 'technology') return t(`enums.technology.${value}`);
    if (facet === 'joint') return t(value === 'true' ? 'projects.jointOnly' : 'projects.notJoint');
    return value;
  };

  const optionsFor = (facet: ProjectFacetName) => {
    const values = [...(facets?.[facet] ?? [])];
    if (facet === 'year') values.sort((a, b) => b.value.localeCompare(a.value));
    const options = values.map(({ value, count }) => ({
      value,
      label: `${labelOf(facet, value)} (${formatNumber(count, language)})`,
    }));
    const selected = selectedValue(filter, facet);
    // the chosen value stays selectable even when the other filters leave it no results
    if (selected && !values.some((option) => option.value === selected)) {
      options.unshift({ value: selected, label: labelOf(facet, selected) });
    }
    return options;
  };

  const activeFilters = PROJECT_FACETS.filter((facet) => filter[facet] !== undefined).length;
  const hasFilters = activeFilters > 0 || Boolean(filter.q) || Boolean(filter.sort);
  const sorts = PROJECT_SORTS.filter((sort) => sort !== 'relevance' || filter.q);
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
          aria-controls="project-filters"
          onClick={toggle.toggle}
        >
          {activeFilters > 0 ? t('projects.filtersActive', { count: activeFilters }) : t('projects.filters')}
        </Button>
      )}
      <Collapse expanded={!phone || opened} id="project-filters">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {PROJECT_FACETS.map((facet) => (
            <Select
              key={facet}
              label={t(`projects.filter.${facet}`)}
              placeholder={t('projects.any')}
              data={optionsFor(facet)}
              value={selectedValue(filter, facet) ?? null}
              onChange={(value) => onChange({ ...toFilterValue(facet, value), page: 1 })}
              clearable
              clearButtonProps={{ 'aria-label': t('projects.clearFilter') }}
              searchable={facet === 'technology'}
              nothingFoundMessage={t('projects.noOptions')}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
          <Select
            label={t('projects.sort.label')}
            data={sorts.map((sort) => ({ value: sort, label: t(`projects.sort.${sort}`) }))}
            value={filter.sort ?? (filter.q ? 'relevance' : 'newest')}
            onChange={(value) => onChange({ sort: (value as ProjectSort | null) ?? undefined, page: 1 })}
            allowDeselect={false}
          />
          {hasFilters && (
            <Button variant="default" onClick={onReset} style={{ alignSelf: 'end' }}>
              {t('projects.reset')}
            </Button>
          )}
        </SimpleGrid>
      </Collapse>
    </Stack>
  );
}
