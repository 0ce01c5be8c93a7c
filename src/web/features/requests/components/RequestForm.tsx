// The customer's request form: written once as a draft (POST), then saved as it is typed (PATCH with the version
// read) and sent to moderation after a confirmation. Inline messages come from the browser's own checks and from
// the API's `error.fields`.
import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconCircleCheck, IconLoader2 } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TECHNOLOGY_AREAS } from '../../../../shared/domain.ts';
import {
  PROBLEM_TYPES,
  REQUEST_KINDS,
  REQUEST_SCOPES,
  REWARD_KINDS,
  TRL_MAX,
  TRL_MIN,
} from '../../../../shared/innovation.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type InnovationRequest,
  type MyOrganization,
  useCreateRequest,
  useRequestStep,
  useUpdateRequest,
} from '../api/requests.ts';
import {
  clientProblems,
  emptyFormValues,
  type FormField,
  formFieldOf,
  formValuesOf,
  type RequestFormValues,
  toCreateBody,
  toPatchBody,
} from './request-form-values.ts';

const SAVE_DELAY_MS = 800;
type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

function serverFieldErrors(error: unknown): { byField: Partial<Record<FormField, string>>; unmatched: string[] } {
  const byField: Partial<Record<FormField, string>> = {};
  const unmatched: string[] = [];
  if (!(error instanceof ApiError)) return { byField, unmatched };
  for (const [path, message] of Object.entries(error.fields)) {
    const field = formFieldOf(path);
    if (field) byField[field] ??= message;
    else unmatched.push(message);
  }
  return { byField, unmatched };
}

interface FieldsProps {
  values: RequestFormValues;
  set: <K extends keyof RequestFormValues>(field: K, value: RequestFormValues[K]) => void;
  touch: (field: FormField) => void;
  errorOf: (field: FormField) => string | undefined;
  organizations: MyOrganization[];
  /** the customer is chosen once, when the request is written */
  organizationFixed: string | null;
}

function RequestFields({ values, set, touch, errorOf, organizations, organizationFixed }: FieldsProps) {
  const { t } = useTranslation();
  const text = (field: 'title' | 'brief' | 'description' | 'expectedResult' | 'budget' | 'deadline' | 'ndaTerms') => ({
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
    onBlur: () => touch(field),
    error: errorOf(field),
  });

  return (
    <Stack gap="md">
      {organizationFixed === null ? (
        <Select
          label={t('requests.form.organization')}
          description={t('requests.form.organizationHint')}
          required
          data={organizations.map((org) => ({ value: org.id, label: org.shortName }))}
          value={values.organizationId || null}
          onChange={(value) => set('organizationId', value ?? '')}
          allowDeselect={false}
          error={errorOf('organizationId')}
          maw={520}
        />
      ) : (
        <Text>
          {t('requests.customer')}: <strong>{organizationFixed}</strong>
        </Text>
      )}
      <Radio.Group
        label={t('requests.kindLabel')}
        required
        value={values.kind}
        onChange={(value) => set('kind', value as RequestFormValues['kind'])}
        error={errorOf('kind')}
      >
        <Group gap="lg" mt={6}>
          {REQUEST_KINDS.map((kind) => (
            <Radio key={kind} value={kind} label={t(`requests.kind.${kind}`)} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput label={t('requests.form.title')} required maxLength={300} {...text('title')} />
      <Textarea
        label={t('requests.form.brief')}
        description={t('requests.form.briefHint')}
        required
        autosize
        minRows={3}
        maxLength={2000}
        {...text('brief')}
      />
      <Textarea
        label={t('requests.form.description')}
        description={t('requests.form.descriptionHint')}
        autosize
        minRows={6}
        maxLength={50_000}
        {...text('description')}
      />
      <MultiSelect
        label={t('requests.form.scopes')}
        data={REQUEST_SCOPES.map((scope) => ({ value: scope, label: t(`requests.scope.${scope}`) }))}
        value={values.scopes}
        onChange={(value) => set('scopes', value as RequestFormValues['scopes'])}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('requests.form.clearAll') }}
        nothingFoundMessage={t('requests.noOptions')}
        error={errorOf('scopes')}
      />
      <MultiSelect
        label={t('requests.form.technologies')}
        data={TECHNOLOGY_AREAS.map((technology) => ({ value: technology, label: t(`enums.technology.${technology}`) }))}
        value={values.technologies}
        onChange={(value) => set('technologies', value as RequestFormValues['technologies'])}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('requests.form.clearAll') }}
        nothingFoundMessage={t('requests.noOptions')}
        error={errorOf('technologies')}
      />
      <MultiSelect
        label={t('requests.form.problemTypes')}
        data={PROBLEM_TYPES.map((problem) => ({ value: problem, label: t(`requests.problemType.${problem}`) }))}
        value={values.problemTypes}
        onChange={(value) => set('problemTypes', value as RequestFormValues['problemTypes'])}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('requests.form.clearAll') }}
        nothingFoundMessage={t('requests.noOptions')}
        error={errorOf('problemTypes')}
      />
      <Textarea
        label={t('requests.expectedResult')}
        autosize
        minRows={3}
        maxLength={5000}
        {...text('expectedResult')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('requests.minTrl')}
          description={t('requests.form.minTrlHint')}
          required
          data={Array.from({ length: TRL_MAX - TRL_MIN + 1 }, (_, i) => String(TRL_MIN + i)).map((trl) => ({
            value: trl,
            label: t('requests.trlValue', { trl }),
          }))}
          value={values.minTrl}
          onChange={(value) => set('minTrl', value ?? '')}
          allowDeselect={false}
          error={errorOf('minTrl')}
        />
        <TextInput
          label={t('requests.form.deadline')}
          description={t('requests.form.deadlineHint')}
          required
          type="datetime-local"
          {...text('deadline')}
        />
      </SimpleGrid>
      <Radio.Group
        label={t('requests.form.rewardKind')}
        value={values.rewardKind}
        onChange={(value) => set('rewardKind', value as RequestFormValues['rewardKind'])}
        error={errorOf('rewardKind')}
      >
        <Group gap="lg" mt={6}>
          {REWARD_KINDS.map((kind) => (
            <Radio key={kind} value={kind} label={t(`requests.rewardKind.${kind}`)} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput
        label={t(`requests.form.amount.${values.rewardKind}`)}
        description={t('requests.form.amountHint')}
        inputMode="decimal"
        rightSection={<Text size="sm">₽</Text>}
        maw={360}
        {...text('budget')}
      />
      <Checkbox
        label={t('requests.form.pilotOffered')}
        checked={values.pilotOffered}
        onChange={(event) => set('pilotOffered', event.currentTarget.checked)}
        error={errorOf('pilotOffered')}
      />
      <Textarea
        label={t('requests.form.ndaTerms')}
        description={t('requests.form.ndaTermsHint')}
        autosize
        minRows={3}
        maxLength={20_000}
        {...text('ndaTerms')}
      />
    </Stack>
  );
}

function useFieldErrors(values: RequestFormValues) {
  const { t } = useTranslation();
  const [touched, setTouched] = useState<Set<FormField>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<FormField, string>>>({});
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const problems = clientProblems(values);

  const errorOf = (field: FormField) => {
    if (serverErrors[field]) return serverErrors[field];
    const problem = problems[field];
    return problem && (attempted || touched.has(field)) ? t(problem) : undefined;
  };
  const touch = (field: FormField) => setTouched((previous) => new Set(previous).add(field));
  const clear = (field: FormField) =>
    setServerErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));
  const fromServer = (error: unknown) => {
    const { byField, unmatched: rest } = serverFieldErrors(error);
    setServerErrors(byField);
    setUnmatched(rest);
  };
  const resetServer = () => {
    setServerErrors({});
    setUnmatched([]);
  };
  return { problems, errorOf, touch, clear, fromServer, resetServer, unmatched, attempted, setAttempted };
}

interface NewRequestFormProps {
  organizations: MyOrganization[];
  onCreated: (id: string) => void;
}

/** A new request: every required field, then one POST that writes the draft. */
export function NewRequestForm({ organizations, onCreated }: NewRequestFormProps) {
  const { t } = useTranslation();
  const create = useCreateRequest();
  const [values, setValues] = useState(() =>
    emptyFormValues(
      organizations[0]?.id ?? '',
      organizations[0]?.capabilities.includes('company') ? 'corporate' : 'city',
    ),
  );
  const errors = useFieldErrors(values);

  const set = <K extends keyof RequestFormValues>(field: K, value: RequestFormValues[K]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    errors.clear(field);
  };

  const save = () => {
    errors.setAttempted(true);
    if (Object.keys(errors.problems).length > 0) return;
    create.mutate(toCreateBody(values), {
      onSuccess: (answer) => {
        notifySuccess(t('requests.form.draftCreated', { number: answer.number }));
        onCreated(answer.id);
      },
      onError: errors.fromServer,
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
        <Text size="sm">{t('requests.form.newHint')}</Text>
        <RequestFields
          values={values}
          set={set}
          touch={errors.touch}
          errorOf={errors.errorOf}
          organizations={organizations}
          organizationFixed={null}
        />
        {errors.attempted && Object.keys(errors.problems).length > 0 && (
          <Text c="#b02525" fw={600} role="alert">
            {t('requests.form.fixErrors')}
          </Text>
        )}
        <ErrorAlert error={create.error} extraMessages={errors.unmatched} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('requests.form.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface EditRequestFormProps {
  request: InnovationRequest;
  onModerated: () => void;
}

/** A draft: saved as it is typed; sent to moderation after a confirmation. */
export function EditRequestForm({ request, onModerated }: EditRequestFormProps) {
  const { t } = useTranslation();
  const update = useUpdateRequest(request.id);
  const moderate = useRequestStep(request.id, 'moderate');
  const [values, setValues] = useState(() => formValuesOf(request));
  const errors = useFieldErrors(values);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [confirming, setConfirming] = useState(false);

  const versionRef = useRef(request.version);
  const latest = useRef(values);
  latest.current = values;
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const { fromServer, resetServer } = errors;
  const mutateAsync = update.mutateAsync;

  const doSave = useCallback(async (): Promise<boolean> => {
    if (!dirty.current) return true;
    dirty.current = false;
    setSaveState('saving');
    try {
      const answer = await mutateAsync(toPatchBody(latest.current, versionRef.current));
      versionRef.current = answer.version;
      resetServer();
      setSaveState('saved');
      return true;
    } catch (error) {
      fromServer(error);
      setSaveState('failed');
      return false;
    }
  }, [mutateAsync, fromServer, resetServer]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(doSave);
    return chain.current;
  }, [doSave]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const set = <K extends keyof RequestFormValues>(field: K, value: RequestFormValues[K]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    errors.clear(field);
    dirty.current = true;
    setSaveState('saving');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  const startModeration = async () => {
    errors.setAttempted(true);
    const saved = await flush();
    if (saved && Object.keys(clientProblems(latest.current)).length === 0) setConfirming(true);
  };

  const confirmModeration = () =>
    moderate.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        notifySuccess(t('requests.actions.moderateDone'));
        onModerated();
      },
      onError: (error) => {
        setConfirming(false);
        fromServer(error);
      },
    });

  const incomplete = Object.keys(errors.problems).length > 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('requests.form.autosaveHint')}
        </Text>
        <Text size="sm" role="status" aria-live="polite" fw={600} c={saveState === 'failed' ? '#b02525' : undefined}>
          {saveState === 'saving' && (
            <Group gap={4} component="span">
              <IconLoader2 size={14} aria-hidden />
              {t('requests.form.saving')}
            </Group>
          )}
          {saveState === 'saved' &&
            (incomplete ? (
              t('requests.form.savedPartly')
            ) : (
              <Group gap={4} component="span">
                <IconCircleCheck size={14} aria-hidden />
                {t('requests.form.saved')}
              </Group>
            ))}
          {saveState === 'failed' && t('requests.form.notSaved')}
        </Text>
      </Group>
      <RequestFields
        values={values}
        set={set}
        touch={errors.touch}
        errorOf={errors.errorOf}
        organizations={[]}
        organizationFixed={request.customer.shortName}
      />
      {errors.attempted && incomplete && (
        <Text c="#b02525" fw={600} role="alert">
          {t('requests.form.fixErrors')}
        </Text>
      )}
      <ErrorAlert
        error={moderate.error ?? (saveState === 'failed' ? update.error : null)}
        extraMessages={errors.unmatched}
      />
      <Group gap="sm">
        <Button variant="default" onClick={() => void flush()}>
          {t('requests.form.saveNow')}
        </Button>
        <Button onClick={() => void startModeration()} aria-haspopup="dialog">
          {t('requests.actions.moderate')}
        </Button>
      </Group>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('requests.actions.moderateTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>{t('requests.actions.moderateText', { number: request.number })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirmModeration} loading={moderate.isPending} data-autofocus>
              {t('requests.actions.moderateConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
