// What every catalogue page shares (registry, measures, requests, projects, pilot sites, investors): the search field,
// the count read out when it changes, skeleton cards while the first page loads, the cards, an empty state that says
// what to do next, and the pages.
import { Box, Button, Card, Group, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ListPagination } from './ListPagination.tsx';
import { placeholderKeys } from './placeholder-keys.ts';

export interface SearchText {
  text: string;
  setText: (text: string) => void;
  onSubmit: (event: FormEvent) => void;
}

/**
 * The words typed in a catalogue's search field: kept in step with the URL's `q` (back, a shared link, a reset) and
 * handed to `submit` trimmed, or undefined when blank.
 */
export function useSearchText(q: string | undefined, submit: (q: string | undefined) => void): SearchText {
  const [text, setText] = useState(q ?? '');
  useEffect(() => setText(q ?? ''), [q]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(text.trim() || undefined);
  };
  return { text, setText, onSubmit };
}

/** A search landmark with one labelled field and its own «Найти» button. */
export function CatalogueSearchField({
  label,
  hint,
  placeholder,
  search,
}: {
  label: string;
  hint?: string;
  placeholder?: string;
  search: SearchText;
}) {
  const { t } = useTranslation();
  return (
    <search aria-label={label}>
      <form onSubmit={search.onSubmit}>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            label={label}
            description={hint}
            placeholder={placeholder}
            value={search.text}
            onChange={(event) => search.setText(event.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            style={{ flex: 1 }}
            type="search"
            maxLength={200}
          />
          <Button type="submit">{t('common.find')}</Button>
        </Group>
      </form>
    </search>
  );
}

/** The part of a TanStack Query result the list reads. */
interface ListQuery {
  isPending: boolean;
  isSuccess: boolean;
  isFetching: boolean;
  isPlaceholderData?: boolean;
  error: unknown;
}

export function CatalogueResults<T>({
  query,
  items,
  renderItem,
  total,
  countText,
  testId,
  empty,
  pageSize,
  page,
  onPage,
}: {
  query: ListQuery;
  /** the page's items, each drawn as a card with its own key */
  items: readonly T[];
  renderItem: (item: T) => ReactNode;
  total: number | undefined;
  /** the sentence that counts what was found, e.g. «Найдено 12 организаций» */
  countText: (total: number) => string;
  testId?: string;
  /** shown instead of the cards when the page is empty: what happened and what to do next */
  empty: { title: string; text: string; actions?: ReactNode };
  pageSize: number;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={query.error} />
      <Text fw={600} aria-live="polite" data-testid={testId}>
        {total === undefined ? t('common.loading') : countText(total)}
      </Text>
      <Box aria-busy={query.isFetching} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
        <Stack gap="md">
          {query.isPending &&
            placeholderKeys(3).map((key) => (
              <Card key={key} withBorder padding="lg">
                <Stack gap="xs">
                  <Skeleton height={20} width="50%" />
                  <Skeleton height={12} width="70%" />
                  <Skeleton height={12} width="90%" />
                </Stack>
              </Card>
            ))}
          {items.map(renderItem)}
          {query.isSuccess && items.length === 0 && (
            <Card withBorder padding="xl">
              <Stack gap="xs" align="flex-start">
                <Text fw={650} size="lg">
                  {empty.title}
                </Text>
                <Text>{empty.text}</Text>
                {empty.actions && <Group gap="sm">{empty.actions}</Group>}
              </Stack>
            </Card>
          )}
        </Stack>
      </Box>
      <ListPagination total={total ?? 0} pageSize={pageSize} page={page} onChange={onPage} />
    </>
  );
}
