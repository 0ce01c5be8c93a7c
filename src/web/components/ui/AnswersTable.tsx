// A filed application's answers, read-only, labelled by the form's questions: shared by the company's and the
// operator's application pages and the expert's workspace.
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormFieldType } from '../../../shared/measures.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDate, formatKopecks } from '../../lib/format.ts';

export interface AnswerField {
  key: string;
  label: string;
  type: FormFieldType;
}

interface AnswersTableProps {
  fields: AnswerField[];
  answers: Record<string, unknown>;
  documents: Array<{ fileId: string; fileName: string }>;
  /** shown first when given */
  requestedAmountKopecks?: string;
}

export function AnswersTable({ fields, answers, documents, requestedAmountKopecks }: AnswersTableProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const show = (field: AnswerField, value: unknown) => {
    if (value === undefined || value === null || value === '')
      return (
        <Text c="dimmed" size="sm">
          {t('applications.noAnswer')}
        </Text>
      );
    if (field.type === 'money') return formatKopecks(String(value), language);
    if (field.type === 'date') return formatDate(String(value));
    if (field.type === 'file') {
      const ids = Array.isArray(value) ? value.map(String) : [String(value)];
      return ids.map((id) => {
        const document = documents.find((item) => item.fileId === id);
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
        {requestedAmountKopecks !== undefined && (
          <Table.Tr>
            <Table.Th scope="row" w="40%">
              {t('applications.requestedAmount')}
            </Table.Th>
            <Table.Td>{formatKopecks(requestedAmountKopecks, language)}</Table.Td>
          </Table.Tr>
        )}
        {fields.map((field, index) => (
          <Table.Tr key={field.key}>
            <Table.Th scope="row" w={index === 0 && requestedAmountKopecks === undefined ? '40%' : undefined}>
              {field.label}
            </Table.Th>
            <Table.Td>{show(field, answers[field.key])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
