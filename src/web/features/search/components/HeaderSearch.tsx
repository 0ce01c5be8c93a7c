// The search box of the header: what is typed opens the results page.
import { ActionIcon, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A field on wide screens; elsewhere a button to the search page (the phone menu has the field). */
export function HeaderSearch({ compact = false, onSearch }: { compact?: boolean; onSearch?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');

  if (compact) {
    return (
      <ActionIcon component={Link} to="/search" variant="subtle" size="lg" aria-label={t('search.open')}>
        <IconSearch size={20} aria-hidden />
      </ActionIcon>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (!q) return;
    setQuery('');
    onSearch?.();
    void navigate({ to: '/search', search: { q } });
  };
  return (
    <search aria-label={t('search.label')}>
      <form onSubmit={submit}>
        <TextInput
          type="search"
          size="sm"
          w={{ base: '100%', xl: 170 }}
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
        />
      </form>
    </search>
  );
}
