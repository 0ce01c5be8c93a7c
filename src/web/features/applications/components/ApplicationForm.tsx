// The application form generated from the measure's fields: saved as the company types (debounced,
// with the version), inline messages from the API's `error.fields`, and submission after a confirmation.
import { Anchor, Button, FileInput, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCircleCheck, IconLoader2, IconPaperclip } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../../shared/measures.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatKopecks } from '../../../lib/format.ts';
import { kopecksToRubles, rublesToKopecks } from '../../../lib/money-input.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type PatchApplicationBody,
  type SupportApplication,
  useApplicationStep,
  useSaveDraft,
  useUploadFile,
} from '../api/applications.ts';

const AMOUNT = '__amount';
const SAVE_DELAY_MS = 700;

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

function initialValue(field: FormField, answer: unknown): string {
  if (answer === undefined || answer === null) return '';
  if (field.type === 'money') return kopecksToRubles(String(answer));
  if (field.type === 'file') return Array.isArray(answer) ? String(answer[0] ?? '') : String(answer);
  return String(answer);
}

/** The answers the API takes, and the fields whose text is not yet a valid value. */
function toAnswers(fields: FormField[], values: Record<string, string>) {
  const answers: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const field of fields) {
    const raw = values[field.key] ?? '';
    if (raw.trim() === '') continue;
    if (field.type === 'number') {
      const number = Number(raw.replace(',', '.').replace(/\s/g, ''));
      if (Number.isFinite(number)) answers[field.key] = number;
      else invalid.push(field.key);
    } else if (field.type === 'money') {
      const kopecks = rublesToKopecks(raw);
      if (kopecks === null) invalid.push(field.key);
      else answers[field.key] = kopecks;
    } else {
      answers[field.key] = raw;
    }
  }
  return { answers, invalid };
}

function fieldErrorsOf(error: unknown): { byField: Record<string, string>; unmatched: string[] } {
  const byField: Record<string, string> = {};
  const unmatched: string[] = [];
  if (!(error instanceof ApiError)) return { byField, unmatched };
  for (const [path, message] of Object.entries(error.fields)) {
    if (path.startsWith('answers.')) byField[path.split('.')[1]] ??= message;
    else if (path.startsWith('requestedAmountKopecks')) byField[AMOUNT] ??= message;
    else unmatched.push(message);
  }
  return { byField, unmatched };
}

interface ApplicationFormProps {
  application: SupportApplication;
  fields: FormField[];
}

export function ApplicationForm({ application, fields }: ApplicationFormProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const save = useSaveDraft(application.id);
  const submit = useApplicationStep(application.id, 'submit');
  const upload = useUploadFile();

  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((field) => [field.key, initialValue(field, application.answers[field.key])])),
  );
  const [amount, setAmount] = useState(() => kopecksToRubles(application.requestedAmountKopecks));
  const [fileNames, setFileNames] = useState<Record<string, string>>(() =>
    Object.fromEntries(application.documents.map((document) => [document.fieldKey, document.fileName])),
  );
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [uploadErrors, setUploadErrors] = useState<Record<string, string>>({});

  const versionRef = useRef(application.version);
  const latest = useRef({ values, amount });
  latest.current = { values, amount };
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));

  const maxKopecks = BigInt(application.maxAmountKopecks);
  const amountKopecks = rublesToKopecks(amount);
  const amountError =
    amountKopecks === null || amountKopecks === '' || amountKopecks === '0'
      ? t('applications.amountInvalid')
      : BigInt(amountKopecks) > maxKopecks
        ? t('applications.amountOverCap', { cap: formatKopecks(application.maxAmountKopecks, language) })
        : null;
  const { invalid } = toAnswers(fields, values);

  const doSave = useCallback(async (): Promise<boolean> => {
    if (!dirty.current) return true;
    dirty.current = false;
    const { answers } = toAnswers(fields, latest.current.values);
    const kopecks = rublesToKopecks(latest.current.amount);
    const body: PatchApplicationBody = { answers, version: versionRef.current };
    if (kopecks && kopecks !== '0' && BigInt(kopecks) <= maxKopecks) body.requestedAmountKopecks = kopecks;
    setSaveState('saving');
    try {
      const answer = await save.mutateAsync(body);
      versionRef.current = answer.version;
      setServerErrors({});
      setUnmatched([]);
      setSaveState('saved');
      return true;
    } catch (error) {
      const { byField, unmatched: rest } = fieldErrorsOf(error);
      setServerErrors(byField);
      setUnmatched(rest);
      setSaveState('failed');
      return false;
    }
  }, [fields, maxKopecks, save]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(doSave);
    return chain.current;
  }, [doSave]);

  const changed = () => {
    dirty.current = true;
    setSaveState('saving');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  const setValue = (key: string, value: string) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setServerErrors((previous) => ({ ...previous, [key]: '' }));
    changed();
  };

  const attach = (field: FormField, file: File | null) => {
    if (!file) {
      setValue(field.key, '');
      setFileNames((previous) => ({ ...previous, [field.key]: '' }));
      return;
    }
    setUploadErrors((previous) => ({ ...previous, [field.key]: '' }));
    upload.mutate(
      { organizationId: application.organizationId, file },
      {
        onSuccess: (stored) => {
          setFileNames((previous) => ({ ...previous, [field.key]: stored.fileName }));
          setValue(field.key, stored.id);
        },
        onError: (error) =>
          setUploadErrors((previous) => ({
            ...previous,
            [field.key]: error instanceof ApiError ? error.message : t('errors.unexpected'),
          })),
      },
    );
  };

  const startSubmit = async () => {
    const saved = await flush();
    if (saved) setConfirming(true);
  };

  const confirmSubmit = () =>
    submit.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        notifySuccess(t('applications.submitted'));
      },
      onError: (error) => {
        setConfirming(false);
        const { byField, unmatched: rest } = fieldErrorsOf(error);
        setServerErrors(byField);
        setUnmatched(rest);
      },
    });

  const errorOf = (key: string) =>
    serverErrors[key] || uploadErrors[key] || (invalid.includes(key) ? t('applications.valueInvalid') : undefined);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('applications.autosaveHint')}
        </Text>
        <Text size="sm" role="status" aria-live="polite" fw={600} c={saveState === 'failed' ? '#b02525' : undefined}>
          {saveState === 'saving' && (
            <Group gap={4} component="span">
              <IconLoader2 size={14} aria-hidden />
              {t('applications.saving')}
            </Group>
          )}
          {saveState === 'saved' && (
            <Group gap={4} component="span">
              <IconCircleCheck size={14} aria-hidden />
              {t('applications.saved')}
            </Group>
          )}
          {saveState === 'failed' && t('applications.notSaved')}
        </Text>
      </Group>
      <ErrorAlert error={submit.error ?? (saveState === 'failed' ? save.error : null)} extraMessages={unmatched} />

      <TextInput
        label={t('applications.requestedAmount')}
        description={t('applications.amountCap', { cap: formatKopecks(application.maxAmountKopecks, language) })}
        required
        inputMode="decimal"
        value={amount}
        rightSection={<Text size="sm">₽</Text>}
        onChange={(event) => {
          setAmount(event.currentTarget.value);
          setServerErrors((previous) => ({ ...previous, [AMOUNT]: '' }));
          changed();
        }}
        error={serverErrors[AMOUNT] || amountError}
      />

      {fields.map((field) => {
        const common = {
          label: field.label,
          required: field.required,
          error: errorOf(field.key),
        };
        switch (field.type) {
          case 'text':
            return (field.maxLength ?? 0) > 300 ? (
              <Textarea
                key={field.key}
                {...common}
                autosize
                minRows={3}
                maxLength={field.maxLength}
                value={values[field.key]}
                onChange={(event) => setValue(field.key, event.currentTarget.value)}
              />
            ) : (
              <TextInput
                key={field.key}
                {...common}
                maxLength={field.maxLength}
                value={values[field.key]}
                onChange={(event) => setValue(field.key, event.currentTarget.value)}
              />
            );
          case 'number':
            return (
              <TextInput
                key={field.key}
                {...common}
                inputMode="numeric"
                description={
                  field.min !== undefined || field.max !== undefined
                    ? t('applications.numberBounds', { min: field.min ?? '—', max: field.max ?? '—' })
                    : undefined
                }
                value={values[field.key]}
                onChange={(event) => setValue(field.key, event.currentTarget.value)}
              />
            );
          case 'money':
            return (
              <TextInput
                key={field.key}
                {...common}
                inputMode="decimal"
                description={t('applications.moneyHint')}
                rightSection={<Text size="sm">₽</Text>}
                value={values[field.key]}
                onChange={(event) => setValue(field.key, event.currentTarget.value)}
              />
            );
          case 'date':
            return (
              <TextInput
                key={field.key}
                {...common}
                type="date"
                value={values[field.key]}
                onChange={(event) => setValue(field.key, event.currentTarget.value)}
                maw={240}
              />
            );
          case 'choice':
            return (
              <Select
                key={field.key}
                {...common}
                data={field.options ?? []}
                value={values[field.key] || null}
                onChange={(value) => setValue(field.key, value ?? '')}
                clearable={!field.required}
                clearButtonProps={{ 'aria-label': t('applications.clearChoice') }}
              />
            );
          case 'file':
            return (
              <Stack key={field.key} gap={4}>
                <FileInput
                  {...common}
                  accept={field.accept?.join(',')}
                  placeholder={fileNames[field.key] || t('applications.chooseFile')}
                  leftSection={<IconPaperclip size={16} aria-hidden />}
                  onChange={(file) => attach(field, file)}
                  description={t('applications.fileHint')}
                  clearable
                  clearButtonProps={{ 'aria-label': t('applications.removeFile') }}
                />
                {values[field.key] && (
                  <Text size="sm">
                    {t('applications.attached')}:{' '}
                    <Anchor href={`/api/files/${values[field.key]}`} target="_blank" rel="noopener">
                      {fileNames[field.key] || t('applications.file')}
                    </Anchor>
                  </Text>
                )}
              </Stack>
            );
          default:
            return null;
        }
      })}

      <Group>
        <Button onClick={() => void startSubmit()} loading={upload.isPending} disabled={Boolean(amountError)}>
          {t('applications.submit')}
        </Button>
      </Group>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('applications.confirmSubmitTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>{t('applications.confirmSubmitText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirmSubmit} loading={submit.isPending} data-autofocus>
              {t('applications.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
