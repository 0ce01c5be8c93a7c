import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../../lib/use-page-title.ts';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Badges or buttons shown next to the title. */
  aside?: ReactNode;
}

/** The page's one h1, which also names the browser tab. */
export function PageHeader({ title, description, aside }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <Stack gap={4} mb="lg">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {title}
        </Title>
        {aside}
      </Group>
      {description && (
        <Text c="dimmed" size="md">
          {description}
        </Text>
      )}
    </Stack>
  );
}
