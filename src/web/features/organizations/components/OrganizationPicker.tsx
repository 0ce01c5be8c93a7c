import { Select } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyOrganizations } from '../api/organizations.ts';

interface OrganizationPickerProps {
  value: string | undefined;
  onChange: (organizationId: string | undefined) => void;
  label?: string;
}

/** The organization a signed-in person acts for; the first one is chosen when none is. */
export function OrganizationPicker({ value, onChange, label }: OrganizationPickerProps) {
  const { t } = useTranslation();
  const organizations = useMyOrganizations();
  const items = organizations.data?.items ?? [];
  const first = items[0]?.id;

  useEffect(() => {
    if (!value && first) onChange(first);
  }, [value, first, onChange]);

  if (items.length === 0) return null;
  return (
    <Select
      label={label ?? t('measures.actingFor')}
      data={items.map((item) => ({ value: item.id, label: item.shortName }))}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      allowDeselect={false}
      maw={420}
    />
  );
}
