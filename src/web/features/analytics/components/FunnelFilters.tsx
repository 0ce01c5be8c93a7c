// The funnels' filters: the period, a support measure, a customer and a technology area. They live in the page
// address; this component shows them and reports changes.
import { Button, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TECHNOLOGY_AREAS, type TechnologyArea } from '../../../../shared/domain.ts';
import { useFunnelMeasures } from '../api/funnels.ts';
import {
  activeFilterNames,
  EARLIEST_DAY,
  type FunnelsFilter,
  isFilterDay,
  LATEST_DAY,
  periodIsValid,
} from '../api/funnels-search.ts';
import { CustomerSelect } from './CustomerSelect.tsx';

interface FunnelFiltersProps {
  filter: FunnelsFilter;
  onChange: (change: Partial<FunnelsFilter>) => void;
  onReset: () => void;
}

interface DayInputProps {
  label: string;
  value: string | undefined;
  onChange: (day: string | undefined) => void;
  error?: string;
}

/**
 * A day of the period. The browser's date field passes through year 0002 while a person types 2026: only a whole
 * day in range (or an emptied field) reaches the address.
 */
function DayInput({ label, value, onChange, error }: DayInputProps) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <TextInput
      type="date"
      label={label}
      value={text}
      min={EARLIEST_DAY}
      max={LATEST_DAY}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (next === '') onChange(undefined);
        else if (isFilterDay(next)) onChange(next);
      }}
      error={error}
    />
  );
}

export function FunnelFilters({ filter, onChange, onReset }: FunnelFiltersProps) {
  const { t } = useTranslation();
  const measures = useFunnelMeasures();
  const measureOptions = (measures.data ?? []).map((measure) => ({
    value: measure.id,
    label: `${measure.code} · ${measure.title}`,
  }));
  const technologyOptions = TECHNOLOGY_AREAS.map((area) => ({ value: area, label: t(`enums.technology.${area}`) }))
    // alphabetical in the reader's language: the stored order means nothing to a person
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="sm">
      <DayInput label={t('funnels.filters.from')} value={filter.from} onChange={(from) => onChange({ from })} />
      <DayInput
        label={t('funnels.filters.to')}
        value={filter.to}
        onChange={(to) => onChange({ to })}
        error={periodIsValid(filter) ? undefined : t('funnels.filters.toBeforeFrom')}
      />
      <Select
        label={t('funnels.filters.measure')}
        placeholder={t('funnels.filters.anyMeasure')}
        data={measureOptions}
        value={filter.measureId && measures.data ? filter.measureId : null}
        onChange={(measureId) => onChange({ measureId: measureId ?? undefined })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('funnels.filters.clearMeasure') }}
        nothingFoundMessage={measures.isPending ? t('common.loading') : t('funnels.filters.nothingFound')}
        error={measures.isError ? t('funnels.filters.measuresFailed') : undefined}
        comboboxProps={{ withinPortal: true }}
      />
      <CustomerSelect value={filter.customerId} onChange={(customerId) => onChange({ customerId })} />
      <Select
        label={t('funnels.filters.technology')}
        placeholder={t('funnels.filters.anyTechnology')}
        data={technologyOptions}
        value={filter.technology ?? null}
        onChange={(technology) => onChange({ technology: (technology as TechnologyArea | null) ?? undefined })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('funnels.filters.clearTechnology') }}
        nothingFoundMessage={t('funnels.filters.nothingFound')}
        comboboxProps={{ withinPortal: true }}
      />
      {activeFilterNames(filter).length > 0 && (
        <Button
          variant="default"
          onClick={onReset}
          leftSection={<IconFilterOff size={16} aria-hidden />}
          style={{ alignSelf: 'end' }}
        >
          {t('funnels.filters.reset')}
        </Button>
      )}
    </SimpleGrid>
  );
}
