import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { openDataUrl, type SeriesPeriod } from '../api/figures.ts';

/** The same figures as files at stable addresses, in the reader's language and the period chosen on the page. */
export function OpenDataLinks({ period }: { period: SeriesPeriod }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const periodPhrase = t(`figures.periodPhrase.${period}`);
  const links = [
    {
      key: 'kpis-json',
      href: openDataUrl('kpis', 'json', language),
      label: t('figures.openData.kpis', { format: 'JSON' }),
    },
    {
      key: 'kpis-csv',
      href: openDataUrl('kpis', 'csv', language),
      label: t('figures.openData.kpis', { format: 'CSV' }),
    },
    {
      key: 'series-json',
      href: openDataUrl('series', 'json', language, period),
      label: t('figures.openData.series', { period: periodPhrase, format: 'JSON' }),
    },
    {
      key: 'series-csv',
      href: openDataUrl('series', 'csv', language, period),
      label: t('figures.openData.series', { period: periodPhrase, format: 'CSV' }),
    },
  ];
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="figures-open-data-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="figures-open-data-title">
          {t('figures.openData.title')}
        </Title>
        <Text>{t('figures.openData.text')}</Text>
        <List spacing={6} icon={<IconFileSpreadsheet size={18} aria-hidden />} center>
          {links.map((link) => (
            <List.Item key={link.key}>
              <Anchor href={link.href} data-testid={`open-data-${link.key}`}>
                {link.label}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
