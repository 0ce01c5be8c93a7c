// A short list of suggestions, each with why it is suggested and a way to hide it for good.
import { Anchor, Button, CloseButton, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatKopecks } from '../../../lib/format.ts';
import {
  type RecommendationKind,
  type RecommendationReason,
  type RecommendationSubject,
  useHideRecommendation,
  useRecommendations,
  useUnhideRecommendations,
} from '../api/recommendations.ts';

/** Why a suggestion was made, as a sentence. */
function ReasonText({ reason }: { reason: RecommendationReason }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const list = (prefix: string) => reason.values.map((v) => t(`${prefix}.${v}`, { defaultValue: v })).join(', ');
  switch (reason.kind) {
    case 'technology':
    case 'past_technology':
      return <>{t(`recommendations.reason.${reason.kind}`, { list: list('enums.technology') })}</>;
    case 'stage':
      return <>{t('recommendations.reason.stage', { list: list('enums.startupStage') })}</>;
    case 'market':
      return <>{t('recommendations.reason.market', { list: list('investments.market') })}</>;
    case 'ticket':
      return (
        <>
          {t('recommendations.reason.ticket', {
            amount: reason.values[0] && /^\d+$/.test(reason.values[0]) ? formatKopecks(reason.values[0], language) : '',
          })}
        </>
      );
    case 'words':
      return <>{t('recommendations.reason.words', { list: reason.values.join(', ') })}</>;
    case 'experience':
      return <>{t('recommendations.reason.experience', { count: Number(reason.values[0]) })}</>;
    case 'closes':
      return <>{t('recommendations.reason.closes', { date: formatDate(reason.values[0]) })}</>;
    default:
      return <>{t(`recommendations.reason.${reason.kind}`)}</>;
  }
}

export function RecommendationList({
  kind,
  subject,
  title,
}: {
  kind: RecommendationKind;
  subject: RecommendationSubject;
  title: string;
}) {
  const { t } = useTranslation();
  const found = useRecommendations(kind, subject);
  const hide = useHideRecommendation(kind, subject);
  const unhide = useUnhideRecommendations(kind, subject);
  const items = found.data?.items ?? [];
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Button variant="subtle" size="compact-xs" onClick={() => unhide.mutate()} loading={unhide.isPending}>
          {t('recommendations.showHidden')}
        </Button>
      </Group>
      <ErrorAlert error={found.error ?? hide.error ?? unhide.error} />
      {found.isPending && <Skeleton height={56} />}
      {found.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t(`recommendations.empty.${kind}`)}
        </Text>
      )}
      {items.map((item) => (
        <Paper key={item.targetId} withBorder p="sm" component="article">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Stack gap={2}>
              <Anchor component={Link} to={item.link} fw={600}>
                {item.title}
              </Anchor>
              {item.subtitle && (
                <Text size="xs" c="dimmed">
                  {item.subtitle}
                </Text>
              )}
              <Stack gap={0} component="ul" m={0} pl="md">
                {item.reasons.map((reason) => (
                  <Text component="li" size="sm" key={reason.kind}>
                    <ReasonText reason={reason} />
                  </Text>
                ))}
              </Stack>
            </Stack>
            <CloseButton
              aria-label={t('recommendations.hide', { title: item.title })}
              title={t('recommendations.hideHint')}
              onClick={() => hide.mutate(item.targetId)}
              disabled={hide.isPending}
            />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
