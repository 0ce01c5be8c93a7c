import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatDateTime, formatKopecks } from '../../../lib/format.ts';
import type { InnovationRequest } from '../api/requests.ts';

/** The request's terms at a glance: customer, kind, deadline, reward, minimum TRL, pilot. */
export function RequestFacts({ request }: { request: InnovationRequest }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows: [string, string][] = [
    [t('requests.number'), request.number],
    [t('requests.customer'), request.customer.shortName],
    [t('requests.kindLabel'), t(`requests.kind.${request.kind}`)],
    [t('requests.deadline'), t('requests.deadlineMoscow', { date: formatDateTime(request.deadline) })],
    [
      t(`requests.rewardKind.${request.rewardKind}`),
      request.budgetKopecks === null
        ? t('requests.reward.byAgreement')
        : formatKopecks(request.budgetKopecks, language),
    ],
    [t('requests.minTrl'), t('requests.trlValue', { trl: request.minTrl })],
    [t('requests.pilotOffered'), request.pilotOffered ? t('common.yes') : t('common.no')],
  ];
  if (request.publishedAt) rows.push([t('requests.publishedAt'), formatDate(request.publishedAt)]);
  return (
    <Table variant="vertical" layout="fixed" withTableBorder={false} aria-label={t('requests.facts')}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="45%">
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The criteria on which solutions are scored, with their weights. */
export function RequestCriteria({ request }: { request: InnovationRequest }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder aria-label={t('requests.criteria')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={70}>
            {t('requests.criterionKey')}
          </Table.Th>
          <Table.Th scope="col">{t('requests.criterionName')}</Table.Th>
          <Table.Th scope="col" w={90}>
            {t('requests.criterionWeight')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {request.criteria.map((criterion) => (
          <Table.Tr key={criterion.key}>
            <Table.Td>{criterion.key}</Table.Td>
            <Table.Td>{criterion.name}</Table.Td>
            <Table.Td>{`${criterion.weight} %`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
