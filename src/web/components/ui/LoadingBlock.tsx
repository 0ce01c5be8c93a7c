import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { placeholderKeys } from './placeholder-keys.ts';

/** Placeholder lines while a page's data loads; announced once to screen readers. */
export function LoadingBlock({ lines = 4 }: { lines?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-busy="true" aria-label={t('common.loading')} role="status">
      <Skeleton height={28} width="40%" />
      {placeholderKeys(lines).map((key, index) => (
        <Skeleton key={key} height={16} width={`${90 - index * 8}%`} />
      ))}
    </Stack>
  );
}
