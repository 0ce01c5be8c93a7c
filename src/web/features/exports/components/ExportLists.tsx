// Every list the operator may download, by section: what it holds, an optional status, and the CSV and XLSX links.
import { Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_LIST_INFO, EXPORT_SECTIONS, type ExportListName, listsOfSection } from '../api/exports.ts';
import { ExportButtons } from './ExportButtons.tsx';

const ALL = 'all';

function ExportListCard({ list }: { list: ExportListName }) {
  const { t } = useTranslation();
  const titleId = useId();
  const info = EXPORT_LIST_INFO[list];
  const [status, setStatus] = useState<string>(ALL);
  const title = t(`exportsPage.lists.${list}.title`);

  return (
    <Paper component="article" withBorder p="md" aria-labelledby={titleId} data-testid={`export-list-${list}`}>
      <Stack gap="sm" h="100%" justify="space-between">
        <Stack gap={4}>
          <Title order={3} size="h5" id={titleId}>
            {title}
          </Title>
          <Text size="sm">{t(`exportsPage.lists.${list}.description`)}</Text>
        </Stack>
        <Stack gap="xs">
          {info.statuses.length > 0 && info.statusKeys && (
            <Select
              label={t('exportsPage.status')}
              size="sm"
              data={[
                { value: ALL, label: t('exportsPage.allStatuses') },
                ...info.statuses.map((value) => ({ value, label: t(`${info.statusKeys}.${value}`) })),
              ]}
              value={status}
              onChange={(value) => setStatus(value ?? ALL)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <ExportButtons list={list} filter={status === ALL ? {} : { status: [status] }} subject={title} />
        </Stack>
      </Stack>
    </Paper>
  );
}

export function ExportLists() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      {EXPORT_SECTIONS.map((section) => (
        <Stack component="section" gap="sm" key={section} aria-labelledby={`exports-${section}`}>
          <Title order={2} size="h3" id={`exports-${section}`}>
            {t(`exportsPage.sections.${section}`)}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {listsOfSection(section).map((list) => (
              <ExportListCard key={list} list={list} />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}
