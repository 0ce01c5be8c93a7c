import { Button, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STARTUP_STAGES, TECHNOLOGY_AREAS } from '../../../../shared/domain.ts';
import { INVESTOR_TYPES, MARKETS } from '../../../../shared/ventures.ts';
import type { InvestorsFilter } from '../api/investments.ts';

interface InvestorFiltersProps {
  filter: InvestorsFilter;
  onChange: (change: Partial<InvestorsFilter>) => void;
  onReset: () => void;
}

/** The investor type, the startup stage, the technology and the market an investor looks at. */
export function InvestorFilters({ filter, onChange, onReset }: InvestorFiltersProps) {
  const { t } = useTranslation();
  const select = <K extends 'type' | 'stage' | 'technology' | 'market'>(
    key: K,
    values: readonly string[],
    labelKey: string,
  ) => (
    <Select
      label={t(`investments.filter.${key}`)}
      placeholder={t('investments.any')}
      data={values.map((value) => ({ value, label: t(`${labelKey}.${value}`) }))}
      value={filter[key] ?? null}
      onChange={(value) => onChange({ [key]: value ?? undefined, page: 1 } as Partial<InvestorsFilter>)}
      clearable
      clearButtonProps={{ 'aria-label': t('investments.clearFilter') }}
      searchable={key === 'technology'}
      nothingFoundMessage={t('investments.noOptions')}
      comboboxProps={{ withinPortal: true }}
    />
  );
  const active = Boolean(filter.type || filter.stage || filter.technology || filter.market);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      {select('type', INVESTOR_TYPES, 'investments.investorType')}
      {select('stage', STARTUP_STAGES, 'enums.startupStage')}
      {select('technology', TECHNOLOGY_AREAS, 'enums.technology')}
      {select('market', MARKETS, 'investments.market')}
      {active && (
        <Button variant="default" onClick={onReset} style={{ alignSelf: 'end' }}>
          {t('investments.reset')}
        </Button>
      )}
    </SimpleGrid>
  );
}
