// The company's solution while it is a draft: saved as the company types (the first save creates the draft, later
// ones send the version), inline messages from the API's `error.fields`, attachments, and submission after a
// confirmation.
import {
  ActionIcon,
  Anchor,
  Button,
  Fieldset,
  FileInput,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconCircleCheck, IconLoader2, IconPaperclip, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SOLUTION_SUMMARY_MAX, TEAM_MAX, TRL_MAX, TRL_MIN } from '../../../../shared/innovation.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { kopecksToRubles, rublesToKopecks } from '../../../lib/money-input.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type ActingOrganization,
  type CreateSolutionBody,
  duplicateSolutionId,
  isNdaRequired,
  type PatchSolutionBody,
  type SolutionDetail,
  useCreateSolution,
  useSaveSolution,
  useSubmitSolution,
  useUploadSolutionFile,
} from '../api/solutions.ts';

const SAVE_DELAY_MS = 700;
const MAX_FILES = 20;

type SaveState = 'idle' | 'waiting' | 'saving' | 'saved' | 'failed';

interface TeamRow {
  key: string;
  name: string;
  role: string;
}

interface Values {
  summary: string;
  description: string;
  novelty: string;
  trl: string | null;
  team: TeamRow[];
  price: string;
  pilotPlan: string;
  files: Array<{ id: string; fileName: string }>;
}

let rowSequence = 0;
const newRow = (name = '', role = ''): TeamRow => {
  rowSequence += 1;
  return { key: `row-${rowSequence}`, name, role };
};

function initialValues(solution: SolutionDetail | undefined): Values {
  return {
    summary: solution?.summary ?? '',
    description: solution?.description ?? '',
    novelty: solution?.novelty ?? '',
    trl: solution ? String(solution.trl) : null,
    team: solution?.team.length ? solution.team.map((member) => newRow(member.name, member.role)) : [newRow()],
    price: kopecksToRubles(solution?.priceKopecks),
    pilotPlan: solution?.pilotPlan ?? '',
    files: solution?.documents.map((document) => ({ id: document.fileId, fileName: document.fileName })) ?? [],
  };
}

const filled = (text: string) => text.trim() !== '';
const completeRows = (team: TeamRow[]) => team.filter((row) => filled(row.name) && filled(row.role));
/** Rows with only one of name and role: the API refuses them, so the team is not sent until they are whole. */
const partialRows = (team: TeamRow[]) => team.filter((row) => filled(row.name) !== filled(row.role));

/** The API's field paths (`team.2.role`, `fileIds.0`) onto the form's inputs; the rest go to the summary alert. */
function fieldErrorsOf(error: unknown, team: TeamRow[]) {
  const byField: Record<string, string> = {};
  const unmatched: string[] = [];
  if (!(error instanceof ApiError)) return { byField, unmatched };
  const sent = completeRows(team);
  for (const [path, message] of Object.entries(error.fields)) {
    const [field, index, part] = path.split('.');
    if (field === 'team' && index !== undefined && part) {
      const row = sent[Number(index)];
      if (row) byField[`team.${row.key}.${part}`] ??= message;
      else unmatched.push(message);
    } else if (
      ['summary', 'description', 'novelty', 'trl', 'priceKopecks', 'pilotPlan', 'organizationId'].includes(field)
    )
      byField[field] ??= message;
    else if (field === 'team') byField.team ??= message;
    else unmatched.push(message);
  }
  return { byField, unmatched };
}

interface SolutionFormProps {
  requestId: string;
  /** the draft being edited; none when the company starts a new one */
  solution?: SolutionDetail;
  /** organizations the person may answer for (new drafts only) */
  organizations?: ActingOrganization[];
  organizationId: string | undefined;
  onOrganizationChange?: (organizationId: string) => void;
  minTrl?: number;
  onCreated?: (solution: { id: string; number: string }) => void;
  onSubmitted?: (id: string) => void;
}

export function SolutionForm({
  requestId,
  solution,
  organizations = [],
  organizationId,
  onOrganizationChange,
  minTrl,
  onCreated,
  onSubmitted,
}: SolutionFormProps) {
  const { t } = useTranslation();
  const create = useCreateSolution(requestId);
  const save = useSaveSolution();
  const submit = useSubmitSolution();
  const upload = useUploadSolutionFile();

  const [values, setValues] = useState<Values>(() => initialValues(solution));
  const [saveState, setSaveState] = useState<SaveState>(solution ? 'saved' : 'idle');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [created, setCreated] = useState<{ id: string; number: string } | null>(null);

  const idRef = useRef<string | null>(solution?.id ?? null);
  const versionRef = useRef<number | undefined>(solution?.version);
  const organizationRef = useRef(organizationId);
  organizationRef.current = organizationId;
  const idempotencyKey = useRef(crypto.randomUUID());
  const latest = useRef(values);
  latest.current = values;
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));

  const priceKopecks = rublesToKopecks(values.price);
  const priceError = priceKopecks === null ? t('solutions.form.priceInvalid') : undefined;

  const report = useCallback((error: unknown) => {
    const { byField, unmatched: rest } = fieldErrorsOf(error, latest.current.team);
    setServerErrors(byField);
    setUnmatched(rest);
    setSaveError(error);
    setSaveState('failed');
  }, []);

  const doSave = useCallback(async (): Promise<boolean> => {
    if (!dirty.current) return idRef.current !== null;
    const current = latest.current;
    const team = completeRows(current.team);
    const teamSendable = team.length > 0 && partialRows(current.team).length === 0;
    const kopecks = rublesToKopecks(current.price);
    const fileIds = current.files.map((file) => file.id);

    if (idRef.current === null) {
      // the API creates a draft only with its summary, TRL and one whole team member
      const organization = organizationRef.current;
      if (!organization || !filled(current.summary) || !current.trl || team.length === 0) {
        setSaveState('waiting');
        return false;
      }
      dirty.current = false;
      const body: CreateSolutionBody = {
        organizationId: organization,
        summary: current.summary,
        trl: Number(current.trl),
        team: team.map(({ name, role }) => ({ name, role })),
      };
      if (filled(current.description)) body.description = current.description;
      if (filled(current.novelty)) body.novelty = current.novelty;
      if (filled(current.pilotPlan)) body.pilotPlan = current.pilotPlan;
      if (kopecks) body.priceKopecks = kopecks;
      if (fileIds.length) body.fileIds = fileIds;
      setSaveState('saving');
      try {
        const answer = await create.mutateAsync({ body, idempotencyKey: idempotencyKey.current });
        idRef.current = answer.id;
        versionRef.current = answer.version;
        setCreated({ id: answer.id, number: answer.number });
        setServerErrors({});
        setUnmatched([]);
        setSaveError(null);
        setSaveState('saved');
        onCreated?.({ id: answer.id, number: answer.number });
        return true;
      } catch (error) {
        // try again on the next change (an NDA accepted meanwhile), but not when a solution already exists
        dirty.current = duplicateSolutionId(error) === null;
        report(error);
        return false;
      }
    }

    dirty.current = false;
    const body: PatchSolutionBody = {
      description: current.description,
      novelty: current.novelty,
      pilotPlan: current.pilotPlan,
      fileIds,
      version: versionRef.current,
    };
    if (filled(current.summary)) body.summary = current.summary;
    if (current.trl) body.trl = Number(current.trl);
    if (teamSendable) body.team = team.map(({ name, role }) => ({ name, role }));
    if (kopecks !== null) body.priceKopecks = kopecks === '' ? null : kopecks;
    setSaveState('saving');
    try {
      const answer = await save.mutateAsync({ id: idRef.current, body });
      versionRef.current = answer.version;
      setServerErrors({});
      setUnmatched([]);
      setSaveError(null);
      setSaveState('saved');
      return true;
    } catch (error) {
      // unsaved changes stay unsaved: the next change or the submit button tries again
      dirty.current = true;
      report(error);
      return false;
    }
  }, [create, save, onCreated, report]);

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

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setServerErrors((previous) => ({ ...previous, [key]: '' }));
    setLocalErrors((previous) => ({ ...previous, [key]: '' }));
    changed();
  };

  const setRow = (key: string, part: 'name' | 'role', text: string) => {
    setValues((previous) => ({
      ...previous,
      team: previous.team.map((row) => (row.key === key ? { ...row, [part]: text } : row)),
    }));
    setServerErrors((previous) => ({ ...previous, [`team.${key}.${part}`]: '', team: '' }));
    changed();
  };

  const addRow = () => {
    setValues((previous) => ({ ...previous, team: [...previous.team, newRow()] }));
  };

  const removeRow = (key: string) => {
    setValues((previous) => ({ ...previous, team: previous.team.filter((row) => row.key !== key) }));
    changed();
  };

  const attach = (file: File | null) => {
    if (!file) return;
    const organization = solution?.organizationId ?? organizationRef.current;
    if (!organization) return;
    setUploadError(null);
    upload.mutate(
      { organizationId: organization, file },
      {
        onSuccess: (stored) => {
          setFileInputKey((key) => key + 1);
          set('files', [...latest.current.files, { id: stored.id, fileName: stored.fileName }]);
        },
        onError: (error) => {
          setFileInputKey((key) => key + 1);
          setUploadError(error instanceof ApiError ? error.message : t('errors.unexpected'));
        },
      },
    );
  };

  /** What must be there before the customer can read it; the server checks the same again. */
  const missingForSubmit = () => {
    const current = latest.current;
    const next: Record<string, string> = {};
    if (!organizationRef.current) next.organizationId = t('solutions.form.organizationRequired');
    if (!filled(current.summary)) next.summary = t('solutions.form.required');
    if (!filled(current.description)) next.description = t('solutions.form.required');
    if (!current.trl) next.trl = t('solutions.form.trlRequired');
    if (completeRows(current.team).length === 0) next.team = t('solutions.form.teamRequired');
    return next;
  };

  const startSubmit = async () => {
    const missing = missingForSubmit();
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0 || partialRows(latest.current.team).length > 0 || priceError) return;
    const saved = await flush();
    if (saved && idRef.current) setConfirming(true);
  };

  const confirmSubmit = () => {
    const id = idRef.current;
    if (!id) return;
    submit.mutate(id, {
      onSuccess: () => {
        setConfirming(false);
        notifySuccess(t('solutions.form.submitted'));
        onSubmitted?.(id);
      },
      onError: (error) => {
        setConfirming(false);
        const { byField, unmatched: rest } = fieldErrorsOf(error, latest.current.team);
        setServerErrors(byField);
        setUnmatched(rest);
      },
    });
  };

  const errorOf = (key: string) => serverErrors[key] || localErrors[key] || undefined;
  const rowError = (row: TeamRow, part: 'name' | 'role') => {
    const server = serverErrors[`team.${row.key}.${part}`];
    if (server) return server;
    const other = part === 'name' ? row.role : row.name;
    if (filled(other) && !filled(row[part]))
      return t(part === 'name' ? 'solutions.form.nameRequired' : 'solutions.form.roleRequired');
    return undefined;
  };

  const duplicateId = duplicateSolutionId(saveError);
  const fileBase = solution ? `/api/solutions/${solution.id}/documents/` : '/api/files/';
  const trlOptions = Array.from({ length: TRL_MAX - TRL_MIN + 1 }, (_, index) => {
    const level = String(TRL_MIN + index);
    return { value: level, label: `${level} — ${t(`solutions.trl.${level}`)}` };
  });
  const creatingFor = organizations.find((organization) => organization.id === organizationId);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('solutions.form.autosaveHint')}
        </Text>
        <Text size="sm" role="status" aria-live="polite" fw={600} c={saveState === 'failed' ? '#b02525' : undefined}>
          {saveState === 'saving' && (
            <Group gap={4} component="span">
              <IconLoader2 size={14} aria-hidden />
              {t('solutions.form.saving')}
            </Group>
          )}
          {saveState === 'saved' && (
            <Group gap={4} component="span">
              <IconCircleCheck size={14} aria-hidden />
              {t('solutions.form.saved')}
            </Group>
          )}
          {saveState === 'waiting' && t('solutions.form.waiting')}
          {saveState === 'failed' && t('solutions.form.notSaved')}
        </Text>
      </Group>

      {created && !solution && (
        <Text size="sm">
          {t('solutions.form.draftCreated', { number: created.number })}{' '}
          <Link to="/solutions/$id" params={{ id: created.id }}>
            {t('solutions.form.openDraft')}
          </Link>
        </Text>
      )}

      <ErrorAlert error={submit.error ?? (saveState === 'failed' ? saveError : null)} extraMessages={unmatched}>
        {(isNdaRequired(submit.error) || isNdaRequired(saveError)) && (
          <Text size="sm" mt="xs">
            <Link to="/requests/$id" params={{ id: requestId }}>
              {t('solutions.form.toRequestNda')}
            </Link>
          </Text>
        )}
        {duplicateId && (
          <Text size="sm" mt="xs">
            <Link to="/solutions/$id" params={{ id: duplicateId }}>
              {t('solutions.form.openExisting')}
            </Link>
          </Text>
        )}
      </ErrorAlert>

      {solution || created ? null : (
        <Select
          label={t('solutions.form.organization')}
          description={t('solutions.form.organizationHint')}
          required
          data={organizations.map((organization) => ({ value: organization.id, label: organization.shortName }))}
          value={organizationId ?? null}
          onChange={(value) => value && onOrganizationChange?.(value)}
          allowDeselect={false}
          error={errorOf('organizationId')}
          maw={480}
        />
      )}
      {creatingFor && created && (
        <Text size="sm" c="dimmed">
          {t('solutions.form.answeringAs', { organization: creatingFor.shortName })}
        </Text>
      )}

      <Textarea
        label={t('solutions.form.summary')}
        description={t('solutions.form.summaryCounter', {
          count: values.summary.length,
          max: SOLUTION_SUMMARY_MAX,
        })}
        required
        autosize
        minRows={2}
        maxLength={SOLUTION_SUMMARY_MAX}
        value={values.summary}
        onChange={(event) => set('summary', event.currentTarget.value)}
        error={errorOf('summary')}
      />
      <Textarea
        label={t('solutions.form.description')}
        description={t('solutions.form.descriptionHint')}
        required
        autosize
        minRows={5}
        maxLength={20_000}
        value={values.description}
        onChange={(event) => set('description', event.currentTarget.value)}
        error={errorOf('description')}
      />
      <Textarea
        label={t('solutions.form.novelty')}
        autosize
        minRows={3}
        maxLength={10_000}
        value={values.novelty}
        onChange={(event) => set('novelty', event.currentTarget.value)}
        error={errorOf('novelty')}
      />
      <Select
        label={t('solutions.form.trl')}
        description={minTrl ? t('solutions.form.trlHint', { minTrl }) : t('solutions.form.trlHintPlain')}
        required
        data={trlOptions}
        value={values.trl}
        onChange={(value) => set('trl', value)}
        allowDeselect={false}
        error={errorOf('trl')}
        maw={560}
        comboboxProps={{ withinPortal: true }}
      />

      <Fieldset
        legend={
          <Text component="span" fw={600} size="sm">
            {t('solutions.form.team')}
          </Text>
        }
        variant="unstyled"
      >
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('solutions.form.teamHint', { max: TEAM_MAX })}
          </Text>
          {values.team.map((row, index) => (
            <Group key={row.key} align="flex-start" gap="xs" wrap="wrap">
              <TextInput
                label={t('solutions.form.memberName', { number: index + 1 })}
                required={index === 0}
                maxLength={200}
                value={row.name}
                onChange={(event) => setRow(row.key, 'name', event.currentTarget.value)}
                error={rowError(row, 'name')}
                style={{ flex: '1 1 200px' }}
              />
              <TextInput
                label={t('solutions.form.memberRole', { number: index + 1 })}
                required={index === 0}
                maxLength={200}
                value={row.role}
                onChange={(event) => setRow(row.key, 'role', event.currentTarget.value)}
                error={rowError(row, 'role')}
                style={{ flex: '1 1 200px' }}
              />
              <ActionIcon
                variant="default"
                size="lg"
                mt={26}
                onClick={() => removeRow(row.key)}
                disabled={values.team.length === 1}
                aria-label={t('solutions.form.removeMember', { number: index + 1 })}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          {errorOf('team') && (
            <Text size="sm" c="#b02525" role="alert">
              {errorOf('team')}
            </Text>
          )}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={addRow}
              disabled={values.team.length >= TEAM_MAX}
            >
              {t('solutions.form.addMember')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>

      <TextInput
        label={t('solutions.form.price')}
        description={t('solutions.form.priceHint')}
        inputMode="decimal"
        value={values.price}
        rightSection={<Text size="sm">₽</Text>}
        onChange={(event) => set('price', event.currentTarget.value)}
        error={errorOf('priceKopecks') || priceError}
        maw={320}
      />
      <Textarea
        label={t('solutions.form.pilotPlan')}
        description={t('solutions.form.pilotPlanHint')}
        autosize
        minRows={3}
        maxLength={10_000}
        value={values.pilotPlan}
        onChange={(event) => set('pilotPlan', event.currentTarget.value)}
        error={errorOf('pilotPlan')}
      />

      <Stack gap={4}>
        <FileInput
          key={fileInputKey}
          label={t('solutions.form.attachments')}
          description={t('solutions.form.attachmentsHint', { max: MAX_FILES })}
          placeholder={t('solutions.form.chooseFile')}
          leftSection={<IconPaperclip size={16} aria-hidden />}
          onChange={attach}
          disabled={values.files.length >= MAX_FILES || (!solution && !organizationId)}
          error={uploadError ?? undefined}
          maw={480}
        />
        {upload.isPending && (
          <Text size="sm" role="status">
            {t('solutions.form.uploading')}
          </Text>
        )}
        {values.files.length > 0 && (
          <List spacing={4} size="sm" aria-label={t('solutions.form.attached')}>
            {values.files.map((file) => (
              <List.Item key={file.id}>
                <Group gap="xs" wrap="nowrap">
                  <Anchor href={`${fileBase}${file.id}`} target="_blank" rel="noopener">
                    {file.fileName}
                  </Anchor>
                  <ActionIcon
                    variant="subtle"
                    color="#b02525"
                    onClick={() =>
                      set(
                        'files',
                        latest.current.files.filter((item) => item.id !== file.id),
                      )
                    }
                    aria-label={t('solutions.form.removeFile', { name: file.fileName })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>

      <Group>
        <Button onClick={() => void startSubmit()} loading={upload.isPending || submit.isPending}>
          {t('solutions.form.submit')}
        </Button>
      </Group>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('solutions.form.confirmSubmitTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>{t('solutions.form.confirmSubmitText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirmSubmit} loading={submit.isPending} data-autofocus>
              {t('solutions.form.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
