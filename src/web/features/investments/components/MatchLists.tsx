// Matches both ways, each with the reasons it was suggested as text: the startups for an investor's profile, the
// investors for a startup.
import { Badge, Card, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ListPagination } from '../../../components/ui/ListPagination.tsx';
import { placeholderKeys } from '../../../components/ui/placeholder-keys.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatKopecks } from '../../../lib/format.ts';
import { MATCHES_PAGE_SIZE, type MatchReason, useInvestorMatches, useStartupMatches } from '../api/investments.ts';
import { InvestorFactsTable } from './InvestorCard.tsx';

/** «Стадия: посевная», «Общие технологии: …», «Нужная сумма … в пределах чека», «Общие рынки: …». */
export function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const text = (reason: MatchReason) => {
    if (reason.kind === 'stage')
      return t('investments.reason.stage', { stage: t(`enums.startupStage.${reason.values[0]}`) });
    if (reason.kind === 'technology')
      return t('investments.reason.technology', {
        list: reason.values.map((value) => t(`enums.technology.${value}`)).join(', '),
      });
    if (reason.kind === 'ticket')
      return t('investments.reason.ticket', {
        amount: reason.values[0] ? formatKopecks(reason.values[0], language) : '',
      });
    if (reason.kind === 'market')
      return t('investments.reason.market', {
        list: reason.values.map((value) => t(`investments.market.${value}`)).join(', '),
      });
    return reason.detail;
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('investments.reason.title')}
      </Text>
      <List size="sm" spacing={2}>
        {reasons.map((reason) => (
          <List.Item key={reason.kind}>{text(reason)}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function Placeholder() {
  return (
    <Stack gap="sm">
      {placeholderKeys(3).map((key) => (
        <Skeleton key={key} height={90} />
      ))}
    </Stack>
  );
}

export function StartupMatchList({
  organizationId,
  page,
  onPage,
}: {
  organizationId: string;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const matches = useStartupMatches(organizationId, page);
  if (matches.isPending) return <Placeholder />;
  if (matches.isError) return <ErrorAlert error={matches.error} />;
  const { items, total } = matches.data;
  return (
    <Stack gap="md">
      <Text fw={600} aria-live="polite">
        {t('investments.matches.startupsFound', { count: total })}
      </Text>
      {items.length === 0 && <Text>{t('investments.matches.noStartups')}</Text>}
      {items.map((match) => (
        <Card key={match.organizationId} withBorder padding="md" component="article">
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={3} size="h5" style={{ flex: 1, minWidth: 200 }}>
                <Link to="/organizations/$id" params={{ id: match.organizationId }} className="card-title-link">
                  {match.name}
                </Link>
              </Title>
              <Badge variant="outline" color="#143466" c="#143466" miw="max-content">
                {t('investments.matches.score', { score: match.score })}
              </Badge>
            </Group>
            <Text size="sm">
              {t(`enums.startupStage.${match.stage}`)}
              {match.district ? ` · ${match.district}` : ''}
              {match.needs?.amountKopecks
                ? ` · ${t('investments.matches.seeks', { amount: formatKopecks(match.needs.amountKopecks, language) })}`
                : ''}
            </Text>
            {match.needs?.pitch && (
              <Text size="sm" lineClamp={3}>
                {match.needs.pitch}
              </Text>
            )}
            <MatchReasons reasons={match.reasons} />
          </Stack>
        </Card>
      ))}
      <ListPagination total={total} pageSize={MATCHES_PAGE_SIZE} page={page} onChange={onPage} />
    </Stack>
  );
}

export function InvestorMatchList({
  organizationId,
  page,
  onPage,
}: {
  organizationId: string;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const matches = useInvestorMatches(organizationId, page);
  if (matches.isPending) return <Placeholder />;
  if (matches.isError) return <ErrorAlert error={matches.error} />;
  const { items, total } = matches.data;
  return (
    <Stack gap="md">
      <Text fw={600} aria-live="polite">
        {t('investments.matches.investorsFound', { count: total })}
      </Text>
      {items.length === 0 && <Text>{t('investments.matches.noInvestors')}</Text>}
      {items.map((match) => (
        <Card key={match.organizationId} withBorder padding="md" component="article">
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={3} size="h5" style={{ flex: 1, minWidth: 200 }}>
                <Link to="/organizations/$id" params={{ id: match.organizationId }} className="card-title-link">
                  {match.name}
                </Link>
              </Title>
              <Group gap={6}>
                <Badge variant="filled" color="#143466" c="#ffffff" miw="max-content">
                  {t(`investments.investorType.${match.type}`)}
                </Badge>
                <Badge variant="outline" color="#143466" c="#143466" miw="max-content">
                  {t('investments.matches.score', { score: match.score })}
                </Badge>
              </Group>
            </Group>
            <MatchReasons reasons={match.reasons} />
            <InvestorFactsTable investor={match} />
          </Stack>
        </Card>
      ))}
      <ListPagination total={total} pageSize={MATCHES_PAGE_SIZE} page={page} onChange={onPage} />
    </Stack>
  );
}
