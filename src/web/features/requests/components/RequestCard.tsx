import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequestStatusBadge } from '../../../components/ui/RequestStatusBadge.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate } from '../../../lib/format.ts';
import type { RequestListItem } from '../api/requests.ts';
import { RequestTags } from './RequestTags.tsx';
import { rewardText } from './request-labels.ts';

/** One request in a list: number, title, customer, kind, brief, deadline, reward and tags. */
export function RequestCard({ request, headingLevel = 2 }: { request: RequestListItem; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Card withBorder padding="lg" component="article">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={headingLevel} size="h4" style={{ flex: 1, minWidth: 220 }}>
            <Link to="/requests/$id" params={{ id: request.id }} className="card-title-link">
              {request.title}
            </Link>
          </Title>
          <Group gap={6}>
            {request.status !== 'published' && <RequestStatusBadge status={request.status} />}
            <Badge variant="outline" color="#143466" c="#143466">
              {t(`requests.kind.${request.kind}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          {request.number} · {request.customer.shortName}
        </Text>
        <Text size="sm" fw={600}>
          {t('requests.deadlineOn', { date: formatDate(request.deadline) })} · {rewardText(request, t, language)}
          {request.pilotOffered ? ` · ${t('requests.pilotOfferedShort')}` : ''}
        </Text>
        <Text size="sm" lineClamp={3}>
          {request.brief}
        </Text>
        <RequestTags scopes={request.scopes} technologies={request.technologies} />
        {request.ndaRequired && (
          <Group gap={4} wrap="nowrap" align="flex-start">
            <IconLock size={14} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
            <Text size="sm">{t('requests.ndaRequiredShort')}</Text>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
