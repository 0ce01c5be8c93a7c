import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import type { InvestorProfile } from '../api/investments.ts';
import { amountOrNone, ticketText } from './investment-labels.ts';

type InvestorFacts = Pick<
  InvestorProfile,
  'type' | 'stages' | 'technologies' | 'markets' | 'ticketMinKopecks' | 'ticketMaxKopecks' | 'fundSizeKopecks'
>;

/** Type, stages, technologies, markets, ticket range and fund size as a short table. */
export function InvestorFactsTable({ investor }: { investor: InvestorFacts }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const list = (values: readonly string[], key: string) =>
    values.length ? values.map((value) => t(`${key}.${value}`)).join(', ') : t('investments.notStated');
  const rows: Array<[string, string]> = [
    [t('investments.facts.stages'), list(investor.stages, 'enums.startupStage')],
    [t('investments.facts.technologies'), list(investor.technologies, 'enums.technology')],
    [t('investments.facts.markets'), list(investor.markets, 'investments.market')],
    [t('investments.facts.ticket'), ticketText(investor, t, language)],
    [t('investments.facts.fundSize'), amountOrNone(investor.fundSizeKopecks, t, language)],
  ];
  return (
    <Table variant="vertical" layout="fixed" fz="sm" verticalSpacing={4}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="34%">
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One public investor: name, type, what it invests in. */
export function InvestorCard({ investor }: { investor: InvestorProfile }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="article">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} size="h4" style={{ flex: 1, minWidth: 200 }}>
            <Link to="/organizations/$id" params={{ id: investor.organizationId }} className="card-title-link">
              {investor.organizationName}
            </Link>
          </Title>
          <Badge variant="filled" color="#143466" c="#ffffff" miw="max-content">
            {t(`investments.investorType.${investor.type}`)}
          </Badge>
        </Group>
        {investor.description && (
          <Text size="sm" lineClamp={3}>
            {investor.description}
          </Text>
        )}
        <InvestorFactsTable investor={investor} />
      </Stack>
    </Card>
  );
}
