// What a startup seeks: rounds, instruments, markets, the amount and a pitch. The stage and technologies come from
// the organization's profile (edited there), so they are shown, not asked.
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEAL_INSTRUMENTS, DEAL_ROUNDS, MARKETS } from '../../../../shared/ventures.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { kopecksToRubles, rublesToKopecks } from '../../../lib/money-input.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { type StartupNeeds, type StartupNeedsBody, usePutStartupNeeds, useStartupNeeds } from '../api/investments.ts';

function NeedsForm({ needs, canEdit }: { needs: StartupNeeds; canEdit: boolean }) {
  const { t } = useTranslation();
  const put = usePutStartupNeeds(needs.organizationId);
  const [rounds, setRounds] = useState<string[]>([...needs.rounds]);
  const [instruments, setInstruments] = useState<string[]>([...needs.instruments]);
  const [markets, setMarkets] = useState<string[]>([...needs.markets]);
  const [amount, setAmount] = useState(kopecksToRubles(needs.amountKopecks));
  const [pitch, setPitch] = useState(needs.pitch);
  const [amountProblem, setAmountProblem] = useState(false);
  const fields = put.error instanceof ApiError ? put.error.fields : {};

  const save = () => {
    const kopecks = rublesToKopecks(amount);
    if (kopecks === null || kopecks === '0') return setAmountProblem(true);
    setAmountProblem(false);
    const body: StartupNeedsBody = {
      rounds: rounds as StartupNeedsBody['rounds'],
      instruments: instruments as StartupNeedsBody['instruments'],
      markets: markets as StartupNeedsBody['markets'],
      amountKopecks: kopecks || null,
      pitch: pitch.trim(),
    };
    put.mutate(body, { onSuccess: () => notifySuccess(t('investments.needs.saved')) });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Stack gap="md">
        <Checkbox.Group label={t('investments.needs.rounds')} value={rounds} onChange={setRounds} error={fields.rounds}>
          <Group gap="md" mt={6}>
            {DEAL_ROUNDS.map((round) => (
              <Checkbox key={round} value={round} label={t(`investments.round.${round}`)} disabled={!canEdit} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('investments.needs.instruments')}
          value={instruments}
          onChange={setInstruments}
          error={fields.instruments}
        >
          <Group gap="md" mt={6}>
            {DEAL_INSTRUMENTS.map((instrument) => (
              <Checkbox
                key={instrument}
                value={instrument}
                label={t(`investments.instrument.${instrument}`)}
                disabled={!canEdit}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <MultiSelect
          label={t('investments.needs.markets')}
          data={MARKETS.map((market) => ({ value: market, label: t(`investments.market.${market}`) }))}
          value={markets}
          onChange={setMarkets}
          clearable
          clearButtonProps={{ 'aria-label': t('investments.form.clearAll') }}
          disabled={!canEdit}
          error={fields.markets}
        />
        <TextInput
          label={t('investments.needs.amount')}
          description={t('investments.needs.amountHint')}
          inputMode="decimal"
          rightSection={<Text size="sm">₽</Text>}
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={amountProblem ? t('investments.form.amountInvalid') : fields.amountKopecks}
          disabled={!canEdit}
          maw={360}
        />
        <Textarea
          label={t('investments.needs.pitch')}
          description={t('investments.needs.pitchHint')}
          autosize
          minRows={3}
          maxLength={5000}
          value={pitch}
          onChange={(event) => setPitch(event.currentTarget.value)}
          error={fields.pitch}
          disabled={!canEdit}
        />
        <ErrorAlert error={Object.keys(fields).length > 0 ? null : put.error} />
        {canEdit && (
          <Group>
            <Button type="submit" loading={put.isPending}>
              {t('investments.needs.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The startup's stage and technologies (from its profile) and the needs form. */
export function StartupNeedsPanel({ organizationId, canEdit }: { organizationId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const needs = useStartupNeeds(organizationId);
  if (needs.isPending) return <Skeleton height={120} />;
  if (needs.isError) return <ErrorAlert error={needs.error} />;
  const data = needs.data;
  return (
    <Stack gap="md">
      <Text size="sm">
        {t('investments.needs.fromProfile', {
          stage: data.stage ? t(`enums.startupStage.${data.stage}`) : t('investments.notStated'),
          technologies: data.technologies.length
            ? data.technologies.map((technology) => t(`enums.technology.${technology}`)).join(', ')
            : t('investments.notStated'),
        })}{' '}
        <Anchor renderRoot={(props) => <Link {...props} to="/organizations/$id" params={{ id: organizationId }} />}>
          {t('investments.needs.editProfile')}
        </Anchor>
      </Text>
      <NeedsForm key={data.updatedAt ?? 'new'} needs={data} canEdit={canEdit} />
    </Stack>
  );
}
