// A pilot's particulars: the solution and request, the three sides, the site, the period, the plan, and once it is
// over the outcome, the report and the contract.
import { Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatKopecks } from '../../../lib/format.ts';
import type { PilotDetail } from '../api/pilots.ts';

export function PilotFacts({ pilot }: { pilot: PilotDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const row = (label: string, value: ReactNode) => (
    <Table.Tr>
      <Table.Th scope="row" w="34%">
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Table variant="vertical" layout="fixed" aria-label={t('pilots.facts.title')}>
      <Table.Tbody>
        {row(
          t('pilots.facts.solution'),
          <>
            <Link to="/solutions/$id" params={{ id: pilot.solutionId }}>
              {pilot.solutionNumber}
            </Link>
            {` · ${t(`solutions.status.${pilot.solutionStatus}`)}`}
            <Text size="sm" mt={2}>
              {pilot.solutionSummary}
            </Text>
          </>,
        )}
        {row(t('pilots.facts.request'), pilot.requestTitle)}
        {row(t('pilots.facts.company'), pilot.organizationName)}
        {row(t('pilots.facts.customer'), pilot.customerName)}
        {row(
          t('pilots.facts.site'),
          <>
            {pilot.siteName}
            <Text size="sm" mt={2}>
              {pilot.siteAddress} · {pilot.siteDistrict}
            </Text>
            <Text size="sm">
              {t('pilots.sites.owner')}: {pilot.siteOwnerName}
            </Text>
          </>,
        )}
        {row(t('pilots.facts.period'), `${formatDate(pilot.startsOn)} — ${formatDate(pilot.endsOn)}`)}
        {row('TRL', pilot.trl)}
        {row(t('pilots.facts.plan'), <span style={{ whiteSpace: 'pre-line' }}>{pilot.plan}</span>)}
        {pilot.startedAt && row(t('pilots.facts.startedAt'), formatDate(pilot.startedAt))}
        {pilot.outcome && row(t('pilots.facts.outcome'), t(`pilots.outcome.${pilot.outcome}`))}
        {pilot.resultReport &&
          row(t('pilots.facts.report'), <span style={{ whiteSpace: 'pre-line' }}>{pilot.resultReport}</span>)}
        {pilot.contract &&
          row(
            t('pilots.facts.contract'),
            t('pilots.facts.contractText', {
              amount: formatKopecks(pilot.contract.amountKopecks, language),
              date: formatDate(pilot.contract.signedOn),
            }),
          )}
      </Table.Tbody>
    </Table>
  );
}
