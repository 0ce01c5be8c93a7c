// An organization's cluster membership: the current application with its timeline,
// or the form to apply (again) when there is none or it ended.
import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type MembershipKind, MOSCOW_REGION_CODE } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../../../components/ui/LoadingBlock.tsx';
import { MembershipStatusBadge } from '../../../components/ui/MembershipStatusBadge.tsx';
import { splitFieldErrors } from '../../../lib/form-errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useApplyForMembership, useCurrentMembership } from '../api/membership.ts';
import { MembershipTimeline } from './MembershipTimeline.tsx';

const STATUSES_ALLOWING_NEW_APPLICATION = new Set(['rejected', 'excluded']);

interface MembershipPanelProps {
  organizationId: string;
  regionCode: string;
  registryNumber: string | null;
  /** Owners and managers apply; members only see the status. */
  canApply: boolean;
}

function ApplyForm({ organizationId, regionCode }: { organizationId: string; regionCode: string }) {
  const { t } = useTranslation();
  const apply = useApplyForMembership(organizationId);
  const moscow = regionCode === MOSCOW_REGION_CODE;
  const form = useForm<{ kind: MembershipKind; comment: string }>({
    initialValues: { kind: moscow ? 'participant' : 'partner', comment: '' },
  });
  const { unmatched } = splitFieldErrors(apply.error, ['kind', 'comment']);

  const submit = form.onSubmit((values) =>
    apply.mutate(
      { kind: values.kind, comment: values.comment.trim() || undefined },
      {
        onSuccess: () => notifySuccess(t('membership.applied')),
        onError: (error) => form.setErrors(splitFieldErrors(error, ['kind', 'comment']).fieldErrors),
      },
    ),
  );

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={3} size="h4">
            {t('membership.applyTitle')}
          </Title>
          <Text>{t('membership.applyIntro')}</Text>
          <ErrorAlert error={apply.error} extraMessages={unmatched} />
          <Radio.Group label={t('membership.kind')} required {...form.getInputProps('kind')}>
            <Stack gap="sm" mt="xs">
              <Radio
                value="participant"
                disabled={!moscow}
                label={t('enums.membershipKind.participant')}
                description={t('membership.participantHint')}
              />
              <Radio
                value="partner"
                label={t('enums.membershipKind.partner')}
                description={t('membership.partnerHint')}
              />
            </Stack>
          </Radio.Group>
          {!moscow && (
            <Alert color="klaster" icon={<IconInfoCircle aria-hidden />}>
              {t('membership.participantMoscowOnly', { region: regionCode })}
            </Alert>
          )}
          <Textarea
            label={t('membership.comment')}
            description={t('membership.commentHint')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('comment')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={apply.isPending}>
              {t('membership.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function MembershipPanel({ organizationId, regionCode, registryNumber, canApply }: MembershipPanelProps) {
  const { t } = useTranslation();
  const current = useCurrentMembership(organizationId);

  if (current.isPending) return <LoadingBlock />;
  if (current.isError) return <ErrorAlert error={current.error} />;

  const application = current.data.application;
  const mayApplyAgain = !application || STATUSES_ALLOWING_NEW_APPLICATION.has(application.status);

  return (
    <Stack gap="lg">
      {application ? (
        <Paper withBorder p="md">
          <Stack gap="md">
            <Group justify="space-between" wrap="wrap">
              <Title order={2} size="h4">
                {t('membership.currentTitle')}
              </Title>
              <MembershipStatusBadge status={application.status} size="lg" />
            </Group>
            <Text>
              {t('membership.appliedAs', {
                kind: t(`enums.membershipKind.${application.kind}`),
                date: formatDate(application.createdAt),
              })}
            </Text>
            {application.status === 'participant' && registryNumber && (
              <Text fw={600}>
                {t('cluster.registryNumber')}: {registryNumber}
              </Text>
            )}
            {application.lastReason && (
              <Text>
                {t('membership.lastReason')}: {application.lastReason}
              </Text>
            )}
            <Title order={3} size="h5">
              {t('membership.timeline')}
            </Title>
            <MembershipTimeline entries={application.timeline} />
          </Stack>
        </Paper>
      ) : (
        <Alert color="klaster" icon={<IconInfoCircle aria-hidden />} title={t('membership.noneTitle')}>
          {t('membership.noneText')}
        </Alert>
      )}
      {mayApplyAgain &&
        (canApply ? (
          <ApplyForm organizationId={organizationId} regionCode={regionCode} />
        ) : (
          <Text c="dimmed">{t('membership.onlyOwnersApply')}</Text>
        ))}
    </Stack>
  );
}
