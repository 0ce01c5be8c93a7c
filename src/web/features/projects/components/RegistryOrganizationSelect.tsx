// Picks an organization of the public registry by name or INN: the list follows what is typed.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrganizationOption, useRegistryOrganizations } from '../api/projects.ts';

interface RegistryOrganizationSelectProps {
  label: string;
  description?: string;
  value: OrganizationOption | null;
  onChange: (organization: OrganizationOption | null) => void;
  /** organizations that may not be picked (the lead itself, partners already listed) */
  exclude?: readonly string[];
  error?: string;
  required?: boolean;
  /** focused first when a dialog opens */
  autoFocus?: boolean;
}

const labelOf = (organization: OrganizationOption) => `${organization.shortName} · ${organization.inn}`;

export function RegistryOrganizationSelect({
  label,
  description,
  value,
  onChange,
  exclude = [],
  error,
  required,
  autoFocus,
}: RegistryOrganizationSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  // the chosen organization's label is not a question to the registry
  const question = value && debounced === labelOf(value) ? '' : debounced;
  const found = useRegistryOrganizations(question);
  const options = (found.data ?? []).filter((organization) => !exclude.includes(organization.id));
  if (value && !options.some((organization) => organization.id === value.id)) options.unshift(value);
  const kindText = (organization: OrganizationOption) =>
    organization.membershipKind === 'participant'
      ? t('projects.invite.participant')
      : organization.membershipKind === 'partner'
        ? t('projects.invite.clusterPartner')
        : '';

  return (
    <Select
      label={label}
      description={description}
      required={required}
      data-autofocus={autoFocus || undefined}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('projects.invite.clear') }}
      searchValue={search}
      onSearchChange={setSearch}
      // the registry has already searched (by INN too): show what it found as it is
      filter={({ options: all }) => all}
      data={options.map((organization) => ({
        value: organization.id,
        label: labelOf(organization),
      }))}
      renderOption={({ option }) => {
        const organization = options.find((item) => item.id === option.value);
        const kind = organization ? kindText(organization) : '';
        return (
          <span>
            {option.label}
            {kind ? ` · ${kind}` : ''}
          </span>
        );
      }}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((organization) => organization.id === id) ?? null)}
      nothingFoundMessage={
        question.trim().length < 2
          ? t('projects.invite.typeMore')
          : found.isFetching
            ? t('common.loading')
            : t('projects.invite.nothing')
      }
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
