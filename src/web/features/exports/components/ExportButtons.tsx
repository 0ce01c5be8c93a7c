// CSV and XLSX download links of one list with the filters the operator is looking at.
import { Button, Group, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFilter, type ExportListName, exportUrl } from '../api/exports.ts';

interface ExportButtonsProps {
  list: ExportListName;
  filter?: ExportFilter;
  /** what the files hold, for screen readers: «Заявки на меры поддержки» */
  subject: string;
  /** the filters cannot be exported as they are (e.g. a period that ends before it starts) */
  disabled?: boolean;
}

export function ExportButtons({ list, filter, subject, disabled }: ExportButtonsProps) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Group gap="xs" role="group" aria-labelledby={labelId} wrap="nowrap">
      <Text id={labelId} size="sm" fw={500}>
        {t('exportsPage.download')}
      </Text>
      {EXPORT_FORMATS.map((format) => {
        const name = format.toUpperCase();
        return disabled ? (
          <Button
            key={format}
            size="xs"
            variant="default"
            disabled
            leftSection={<IconDownload size={14} aria-hidden />}
          >
            {name}
          </Button>
        ) : (
          <Button
            key={format}
            component="a"
            href={exportUrl(list, format, filter)}
            download
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            aria-label={t('exportsPage.downloadAs', { format: name, subject })}
            data-testid={`export-${list}-${format}`}
          >
            {name}
          </Button>
        );
      })}
    </Group>
  );
}
