// Picks the customer (the organization that published requests) by name or INN; the list follows what is typed.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrganizationOption, useCustomerSearch, useOrganizationOption } from '../api/funnels.ts';

interface CustomerSelectProps {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}

const labelOf = (organization: OrganizationOption) => `${organization.shortName} · ${organization.inn}`;

export function CustomerSelect({ value, onChange }: CustomerSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  // a link names the customer by id only: its name comes from the organization itself
  const chosen = useOrganizationOption(value);
  const question = chosen.data && debounced === labelOf(chosen.data) ? '' : debounced;
  const found = useCustomerSearch(question);
  const options = [...(found.data ?? [])];
  if (chosen.data && !options.some((organization) => organization.id === chosen.data.id)) options.unshift(chosen.data);

  return (
    <Select
      label={t('funnels.filters.customer')}
      placeholder={t('funnels.filters.customerPlaceholder')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('funnels.filters.clearCustomer') }}
      searchValue={search}
      onSearchChange={setSearch}
      // the server has already searched (by INN too): show what it found as it is
      filter={({ options: all }) => all}
      data={options.map((organization) => ({ value: organization.id, label: labelOf(organization) }))}
      value={value && chosen.data ? value : null}
      onChange={(id) => onChange(id ?? undefined)}
      nothingFoundMessage={
        question.trim().length < 2
          ? t('funnels.filters.typeMore')
          : found.isFetching
            ? t('common.loading')
            : t('funnels.filters.nothingFound')
      }
      error={chosen.isError ? t('funnels.filters.customerMissing') : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
