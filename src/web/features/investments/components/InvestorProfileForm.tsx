// An investor organization writes its profile (PUT creates or replaces it whole, at the version read): the type,
// the stages and technologies it invests in, markets, the ticket range and the fund size, and whether it is public.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STARTUP_STAGES, TECHNOLOGY_AREAS } from '../../../../shared/domain.ts';
import { INVESTOR_TYPES, MARKETS } from '../../../../shared/ventures.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { kopecksToRubles, rublesToKopecks } from '../../../lib/money-input.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type InvestorProfile,
  type InvestorProfileBody,
  useInvestorProfile,
  usePutInvestorProfile,
} from '../api/investments.ts';
import { InvestorFactsTable } from './InvestorCard.tsx';

interface ProfileValues {
  type: string;
  stages: string[];
  technologies: string[];
  markets: string[];
  ticketMin: string;
  ticketMax: string;
  fundSize: string;
  description: string;
  public: boolean;
}

function valuesOf(profile: InvestorProfile | null): ProfileValues {
  return {
    type: profile?.type ?? '',
    stages: [...(profile?.stages ?? [])],
    technologies: [...(profile?.technologies ?? [])],
    markets: [...(profile?.markets ?? [])],
    ticketMin: kopecksToRubles(profile?.ticketMinKopecks),
    ticketMax: kopecksToRubles(profile?.ticketMaxKopecks),
    fundSize: kopecksToRubles(profile?.fundSizeKopecks),
    description: profile?.description ?? '',
    public: profile?.public ?? true,
  };
}

type Field = keyof ProfileValues;
const SERVER_FIELDS: Record<string, Field> = {
  type: 'type',
  stages: 'stages',
  technologies: 'technologies',
  markets: 'markets',
  ticketMinKopecks: 'ticketMin',
  ticketMaxKopecks: 'ticketMax',
  fundSizeKopecks: 'fundSize',
  description: 'description',
  public: 'public',
};

/** A positive amount of rubles as kopecks, '' when empty, null when it is not an amount above zero. */
function positiveKopecks(text: string): string | null {
  const kopecks = rublesToKopecks(text);
  if (kopecks === null) return null;
  if (kopecks === '') return '';
  return BigInt(kopecks) > 0n ? kopecks : null;
}

function problemsOf(values: ProfileValues): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  if (!values.type) problems.type = 'investments.form.required';
  if (values.stages.length === 0) problems.stages = 'investments.form.pickOne';
  if (values.technologies.length === 0) problems.technologies = 'investments.form.pickOne';
  const min = positiveKopecks(values.ticketMin);
  const max = positiveKopecks(values.ticketMax);
  if (min === null) problems.ticketMin = 'investments.form.amountInvalid';
  if (max === null) problems.ticketMax = 'investments.form.amountInvalid';
  if (min && max && BigInt(min) > BigInt(max)) problems.ticketMin = 'investments.form.minAboveMax';
  if (positiveKopecks(values.fundSize) === null) problems.fundSize = 'investments.form.amountInvalid';
  return problems;
}

function toBody(values: ProfileValues, version: number | undefined): InvestorProfileBody {
  return {
    type: values.type as InvestorProfileBody['type'],
    stages: values.stages as InvestorProfileBody['stages'],
    technologies: values.technologies as InvestorProfileBody['technologies'],
    markets: values.markets as NonNullable<InvestorProfileBody['markets']>,
    ticketMinKopecks: positiveKopecks(values.ticketMin) || null,
    ticketMaxKopecks: positiveKopecks(values.ticketMax) || null,
    fundSizeKopecks: positiveKopecks(values.fundSize) || null,
    description: values.description.trim(),
    public: values.public,
    ...(version ? { version } : {}),
  };
}

function ProfileForm({
  organizationId,
  profile,
  onSaved,
}: {
  organizationId: string;
  profile: InvestorProfile | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const put = usePutInvestorProfile(organizationId);
  const [values, setValues] = useState(() => valuesOf(profile));
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<Partial<Record<Field, string>>>({});
  const problems = problemsOf(values);
  const errorOf = (field: Field) => server[field] ?? (attempted && problems[field] ? t(problems[field]) : undefined);
  const set = <K extends Field>(field: K, value: ProfileValues[K]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setServer((previous) => ({ ...previous, [field]: undefined }));
  };
  const money = (field: 'ticketMin' | 'ticketMax' | 'fundSize') => ({
    label: t(`investments.form.${field}`),
    inputMode: 'decimal' as const,
    rightSection: <Text size="sm">₽</Text>,
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
    error: errorOf(field),
  });
  const save = () => {
    setAttempted(true);
    if (Object.keys(problems).length > 0) return;
    put.mutate(toBody(values, profile?.version), {
      onSuccess: () => {
        setServer({});
        notifySuccess(t('investments.form.profileSaved'));
        onSaved();
      },
      onError: (error) => {
        const byField: Partial<Record<Field, string>> = {};
        if (error instanceof ApiError)
          for (const [path, message] of Object.entries(error.fields)) {
            const field = SERVER_FIELDS[path.split('.')[0]];
            if (field) byField[field] ??= message;
          }
        setServer(byField);
      },
    });
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
        <Select
          label={t('investments.form.type')}
          required
          data={INVESTOR_TYPES.map((type) => ({ value: type, label: t(`investments.investorType.${type}`) }))}
          value={values.type || null}
          onChange={(value) => set('type', value ?? '')}
          allowDeselect={false}
          error={errorOf('type')}
          maw={420}
        />
        <Checkbox.Group
          label={t('investments.form.stages')}
          withAsterisk
          value={values.stages}
          onChange={(value) => set('stages', value)}
          error={errorOf('stages')}
        >
          <Group gap="md" mt={6}>
            {STARTUP_STAGES.map((stage) => (
              <Checkbox key={stage} value={stage} label={t(`enums.startupStage.${stage}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <MultiSelect
          label={t('investments.form.technologies')}
          required
          data={TECHNOLOGY_AREAS.map((technology) => ({
            value: technology,
            label: t(`enums.technology.${technology}`),
          }))}
          value={values.technologies}
          onChange={(value) => set('technologies', value)}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('investments.form.clearAll') }}
          nothingFoundMessage={t('investments.noOptions')}
          error={errorOf('technologies')}
        />
        <MultiSelect
          label={t('investments.form.markets')}
          data={MARKETS.map((market) => ({ value: market, label: t(`investments.market.${market}`) }))}
          value={values.markets}
          onChange={(value) => set('markets', value)}
          clearable
          clearButtonProps={{ 'aria-label': t('investments.form.clearAll') }}
          error={errorOf('markets')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput {...money('ticketMin')} />
          <TextInput {...money('ticketMax')} />
          <TextInput {...money('fundSize')} />
        </SimpleGrid>
        <Textarea
          label={t('investments.form.description')}
          autosize
          minRows={3}
          maxLength={5000}
          value={values.description}
          onChange={(event) => set('description', event.currentTarget.value)}
          error={errorOf('description')}
        />
        <Checkbox
          label={t('investments.form.public')}
          description={t('investments.form.publicHint')}
          checked={values.public}
          onChange={(event) => set('public', event.currentTarget.checked)}
        />
        {attempted && Object.keys(problems).length > 0 && (
          <Text c="#b02525" fw={600} role="alert">
            {t('investments.form.fixErrors')}
          </Text>
        )}
        <ErrorAlert error={Object.values(server).some(Boolean) ? null : put.error} />
        <Group>
          <Button type="submit" loading={put.isPending}>
            {t(profile ? 'investments.form.saveProfile' : 'investments.form.createProfile')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The profile of one investor organization: read, or written by its owners and managers. */
export function InvestorProfilePanel({ organizationId, canEdit }: { organizationId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const profile = useInvestorProfile(organizationId);
  const [editing, setEditing] = useState(false);
  if (profile.isPending) return <Skeleton height={120} />;
  if (profile.isError) return <ErrorAlert error={profile.error} />;
  const data = profile.data;
  if (!data && !canEdit) return <Text>{t('investments.profile.noneReadOnly')}</Text>;
  if (!data || editing) {
    return (
      <Stack gap="sm">
        {!data && <Alert color="blue">{t('investments.profile.noneYet')}</Alert>}
        <ProfileForm
          key={data?.version ?? 0}
          organizationId={organizationId}
          profile={data}
          onSaved={() => setEditing(false)}
        />
        {editing && (
          <Group>
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>{t(`investments.investorType.${data.type}`)}</Text>
        <Text size="sm">·</Text>
        <Text size="sm">{t(data.public ? 'investments.profile.public' : 'investments.profile.hidden')}</Text>
      </Group>
      {data.description && <Text style={{ whiteSpace: 'pre-line' }}>{data.description}</Text>}
      <InvestorFactsTable investor={data} />
      {canEdit && (
        <Group>
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('investments.profile.edit')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
