import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../../shared/measures.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatKopecks } from '../../../lib/format.ts';
import type { SupportApplication } from '../api/applications.ts';

/** A filed application's answers, read-only, in the order of the form. */
export function ApplicationAnswers({ application, fields }: { application: SupportApplication; fields: FormField[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const show = (field: FormField, value: unknown) => {
    if (value === undefined || value === null || value === '') return <Text c="dimmed" size="sm">{t('applications.noAnswer')}</Text>;
    if (field.type === 'money') return formatKopecks(String(value), language);
    if (field.type === 'date') return formatDate(String(value));
    if (field.type === 'file') {
      const ids = Array.isArray(value) ? value.map(String) : [String(value)];
      return ids.map((id) => {
        const document = application.documents.find((item) => item.fileId === id);
        return (
          <Anchor key={id} href={`/api/files/${id}`} target="_blank" rel="noopener" display="block">
            {document?.fileName ?? t('applications.file')}
          </Anchor>
        );
      });
    }
    return <span style={{ whiteSpace: 'pre-line' }}>{String(value)}</span>;
  };
  return (
    <Table variant="vertical" layout="fixed">
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row" w="40%">
            {t('applications.requestedAmount')}
          </Table.Th>
          <Table.Td>{formatKopecks(application.requestedAmountKopecks, language)}</Table.Td>
        </Table.Tr>
        {fields.map((field) => (
          <Table.Tr key={field.key}>
            <Table.Th scope="row">{field.label}</Table.Th>
            <Table.Td>{show(field, application.answers[field.key])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
