// The lead's project form: a new project (POST) or an open project edited (PATCH with the version read). Inline
// messages come from the browser's own checks and from the API's `error.fields`.
import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moscowToday } from '../../../../shared/calendar-dates.ts';
import { TECHNOLOGY_AREAS } from '../../../../shared/domain.ts';
import { TRL_MAX, TRL_MIN } from '../../../../shared/innovation.ts';
import { PROJECT_STAGES, type ProjectStage } from '../../../../shared/ventures.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type MyOrganizationProfile,
  type ProjectDetail,
  type Technology,
  useCreateProject,
  useOriginOptions,
  useUpdateProject,
} from '../api/projects.ts';
import {
  emptyProjectValues,
  type ProjectFormField,
  type ProjectFormValues,
  projectFieldOf,
  projectProblems,
  projectValuesOf,
  toCreateProjectBody,
  toPatchProjectBody,
} from './project-form-values.ts';

function useProjectErrors(values: ProjectFormValues) {
  const { t } = useTranslation();
  const [touched, setTouched] = useState<Set<ProjectFormField>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<Partial<Record<ProjectFormField, string>>>({});
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const problems = projectProblems(values);
  return {
    problems,
    attempted,
    unmatched,
    errorOf: (field: ProjectFormField) => {
      if (server[field]) return server[field];
      const problem = problems[field];
      return problem && (attempted || touched.has(field)) ? t(problem) : undefined;
    },
    touch: (field: ProjectFormField) => setTouched((previous) => new Set(previous).add(field)),
    clear: (field: ProjectFormField) =>
      setServer((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous)),
    attempt: () => setAttempted(true),
    fromServer: (error: unknown) => {
      const byField: Partial<Record<ProjectFormField, string>> = {};
      const rest: string[] = [];
      if (error instanceof ApiError) {
        for (const [path, message] of Object.entries(error.fields)) {
          const field = projectFieldOf(path);
          if (field) byField[field] ??= message;
          else rest.push(message);
        }
      }
      setServer(byField);
      setUnmatched(rest);
    },
  };
}

interface ProjectFieldsProps {
  values: ProjectFormValues;
  set: <K extends keyof ProjectFormValues>(field: K, value: ProjectFormValues[K]) => void;
  errors: ReturnType<typeof useProjectErrors>;
  organizations: MyOrganizationProfile[];
  /** the lead is chosen once, when the project is recorded */
  leadFixed: string | null;
}

function ProjectFields({ values, set, errors, organizations, leadFixed }: ProjectFieldsProps) {
  const { t } = useTranslation();
  const origins = useOriginOptions(values.organizationId || undefined);
  const text = (field: 'title' | 'description' | 'budget' | 'startedOn' | 'plannedEndOn') => ({
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
    onBlur: () => errors.touch(field),
    error: errors.errorOf(field),
  });
  const originSelect = (
    field: 'originSolutionId' | 'originApplicationId' | 'originDealId',
    options: Array<{ id: string; label: string }> | undefined,
  ) => {
    const data = (options ?? []).map((option) => ({ value: option.id, label: option.label }));
    // an origin recorded earlier stays shown even when it is not among the first hundred
    if (values[field] && !data.some((option) => option.value === values[field])) {
      data.unshift({ value: values[field], label: t('projects.form.originKept') });
    }
    return (
      <Select
        label={t(`projects.form.${field}`)}
        placeholder={data.length === 0 ? t('projects.form.originNone') : t('projects.form.originPick')}
        data={data}
        value={values[field] || null}
        onChange={(value) => set(field, value ?? '')}
        clearable
        clearButtonProps={{ 'aria-label': t('projects.form.clearOrigin') }}
        searchable
        nothingFoundMessage={t('projects.noOptions')}
        disabled={data.length === 0}
        error={errors.errorOf(field)}
      />
    );
  };

  return (
    <Stack gap="md">
      {leadFixed === null ? (
        <Select
          label={t('projects.form.organization')}
          description={t('projects.form.organizationHint')}
          required
          data={organizations.map((org) => ({ value: org.id, label: org.shortName }))}
          value={values.organizationId || null}
          onChange={(value) => {
            set('organizationId', value ?? '');
            set('originSolutionId', '');
            set('originApplicationId', '');
            set('originDealId', '');
          }}
          allowDeselect={false}
          error={errors.errorOf('organizationId')}
          maw={520}
        />
      ) : (
        <Text>
          {t('projects.facts.lead')}: <strong>{leadFixed}</strong>
        </Text>
      )}
      <TextInput label={t('projects.form.title')} required maxLength={300} {...text('title')} />
      <Textarea
        label={t('projects.form.description')}
        description={t('projects.form.descriptionHint')}
        autosize
        minRows={5}
        maxLength={20_000}
        {...text('description')}
      />
      <MultiSelect
        label={t('projects.form.technologies')}
        data={TECHNOLOGY_AREAS.map((technology) => ({ value: technology, label: t(`enums.technology.${technology}`) }))}
        value={values.technologies}
        onChange={(value) => set('technologies', value as Technology[])}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('projects.form.clearAll') }}
        nothingFoundMessage={t('projects.noOptions')}
        error={errors.errorOf('technologies')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('projects.form.trl')}
          description={t('projects.form.trlHint')}
          required
          data={Array.from({ length: TRL_MAX - TRL_MIN + 1 }, (_, i) => String(TRL_MIN + i)).map((trl) => ({
            value: trl,
            label: t('projects.trlValue', { trl }),
          }))}
          value={values.trl || null}
          onChange={(value) => set('trl', value ?? '')}
          onBlur={() => errors.touch('trl')}
          allowDeselect={false}
          error={errors.errorOf('trl')}
        />
        <Select
          label={t('projects.form.stage')}
          required
          data={PROJECT_STAGES.map((stage) => ({ value: stage, label: t(`projects.stage.${stage}`) }))}
          value={values.stage}
          onChange={(value) => set('stage', (value as ProjectStage | null) ?? 'research')}
          allowDeselect={false}
          error={errors.errorOf('stage')}
        />
        <TextInput label={t('projects.form.startedOn')} type="date" required {...text('startedOn')} />
        <TextInput
          label={t('projects.form.plannedEndOn')}
          type="date"
          min={values.startedOn || undefined}
          {...text('plannedEndOn')}
        />
      </SimpleGrid>
      <TextInput
        label={t('projects.form.budget')}
        description={t('projects.form.budgetHint')}
        inputMode="decimal"
        rightSection={<Text size="sm">₽</Text>}
        maw={360}
        {...text('budget')}
      />
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('projects.form.originsTitle')}
        </Title>
        <Text size="sm">{t('projects.form.originsHint')}</Text>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {originSelect('originSolutionId', origins.data?.solutions)}
          {originSelect('originApplicationId', origins.data?.applications)}
          {originSelect('originDealId', origins.data?.deals)}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}

interface NewProjectFormProps {
  organizations: MyOrganizationProfile[];
  onCreated: (id: string) => void;
}

export function NewProjectForm({ organizations, onCreated }: NewProjectFormProps) {
  const { t } = useTranslation();
  const create = useCreateProject();
  const [values, setValues] = useState(() => emptyProjectValues(organizations[0]?.id ?? '', moscowToday()));
  const errors = useProjectErrors(values);
  const set = <K extends keyof ProjectFormValues>(field: K, value: ProjectFormValues[K]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    errors.clear(field);
  };
  const save = () => {
    errors.attempt();
    if (Object.keys(errors.problems).length > 0) return;
    create.mutate(toCreateProjectBody(values), {
      onSuccess: (answer) => {
        notifySuccess(t('projects.form.created', { number: answer.number }));
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
        <ProjectFields values={values} set={set} errors={errors} organizations={organizations} leadFixed={null} />
        {errors.attempted && Object.keys(errors.problems).length > 0 && (
          <Text c="#b02525" fw={600} role="alert">
            {t('projects.form.fixErrors')}
          </Text>
        )}
        <ErrorAlert error={create.error} extraMessages={errors.unmatched} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('projects.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface EditProjectFormProps {
  project: ProjectDetail;
  onSaved: () => void;
}

export function EditProjectForm({ project, onSaved }: EditProjectFormProps) {
  const { t } = useTranslation();
  const update = useUpdateProject(project.id);
  const [values, setValues] = useState(() => projectValuesOf(project));
  const errors = useProjectErrors(values);
  const set = <K extends keyof ProjectFormValues>(field: K, value: ProjectFormValues[K]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    errors.clear(field);
  };
  const save = () => {
    errors.attempt();
    if (Object.keys(errors.problems).length > 0) return;
    update.mutate(toPatchProjectBody(values, project.version), {
      onSuccess: () => {
        notifySuccess(t('projects.form.saved'));
        onSaved();
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
        <ProjectFields
          values={values}
          set={set}
          errors={errors}
          organizations={[]}
          leadFixed={project.lead.shortName}
        />
        {errors.attempted && Object.keys(errors.problems).length > 0 && (
          <Text c="#b02525" fw={600} role="alert">
            {t('projects.form.fixErrors')}
          </Text>
        )}
        <ErrorAlert error={update.error} extraMessages={errors.unmatched} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('projects.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
