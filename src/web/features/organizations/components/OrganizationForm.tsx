// Registration and editing of an organization's profile, with checksum hints on the requisites
// and the server's field errors shown next to the fields.
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { t as translate } from 'i18next';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CAPABILITIES,
  MOSCOW_DISTRICTS,
  MOSCOW_REGION_CODE,
  OKVED_CODE_PATTERN,
  okvedSectionOf,
  SME_CATEGORIES,
  STARTUP_STAGES,
  TECHNOLOGY_AREAS,
} from '../../../../shared/domain.ts';
import { isValidInn, isValidKpp, isValidOgrn } from '../../../../shared/requisites.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { splitFieldErrors } from '../../../lib/form-errors.ts';
import { ORGANIZATION_FORM_FIELDS, type OrganizationFormValues } from './organization-form-values.ts';

const OKVED_CODE = new RegExp(OKVED_CODE_PATTERN);

function validateInn(value: string, values: OrganizationFormValues) {
  const inn = value.trim();
  const length = values.legalType === 'legal_entity' ? 10 : 12;
  if (!inn) return translate('validation.required');
  if (!/^\d+$/.test(inn) || inn.length !== length) return translate('organizationForm.innLength', { count: length });
  return isValidInn(inn, values.legalType) ? null : translate('organizationForm.innChecksum');
}

function validateOgrn(value: string, values: OrganizationFormValues) {
  const ogrn = value.trim();
  const length = values.legalType === 'legal_entity' ? 13 : 15;
  if (!ogrn) return translate('validation.required');
  if (!/^\d+$/.test(ogrn) || ogrn.length !== length) return translate('organizationForm.ogrnLength', { count: length });
  return isValidOgrn(ogrn, values.legalType) ? null : translate('organizationForm.ogrnChecksum');
}

const FORM_RULES = {
  inn: validateInn,
  ogrn: validateOgrn,
  kpp: (value: string, values: OrganizationFormValues) => {
    if (values.legalType !== 'legal_entity') return null;
    if (!value.trim()) return translate('validation.required');
    return isValidKpp(value.trim()) ? null : translate('organizationForm.kppInvalid');
  },
  fullName: (value: string) => (value.trim().length >= 3 ? null : translate('validation.minLength', { count: 3 })),
  shortName: (value: string) => (value.trim().length >= 2 ? null : translate('validation.minLength', { count: 2 })),
  legalForm: (value: string) => (value.trim().length >= 2 ? null : translate('validation.minLength', { count: 2 })),
  regionCode: (value: string) => (/^\d{2}$/.test(value.trim()) ? null : translate('organizationForm.regionInvalid')),
  okvedMain: (value: string) =>
    OKVED_CODE.test(value.trim()) && okvedSectionOf(value.trim()) ? null : translate('organizationForm.okvedInvalid'),
  smeCategory: (value: string | null) => (value ? null : translate('validation.required')),
  website: (value: string) =>
    !value.trim() || /^https?:\/\/\S+\.\S+/.test(value.trim()) ? null : translate('organizationForm.websiteInvalid'),
  startupStage: (value: string | null, values: OrganizationFormValues) =>
    values.isStartup && !value ? translate('organizationForm.stageRequired') : null,
};

interface OrganizationFormProps {
  mode: 'create' | 'edit';
  initialValues: OrganizationFormValues;
  submitting: boolean;
  /** The last failed save: its field errors appear next to the fields, its message on top. */
  error: unknown;
  /** Extra content in the error Alert (e.g. «Запросить доступ» for a taken INN). */
  errorExtra?: ReactNode;
  onSubmit: (values: OrganizationFormValues) => void;
  onCancel?: () => void;
}

export function OrganizationForm({
  mode,
  initialValues,
  submitting,
  error,
  errorExtra,
  onSubmit,
  onCancel,
}: OrganizationFormProps) {
  const { t } = useTranslation();
  const form = useForm<OrganizationFormValues>({
    initialValues,
    validate: FORM_RULES,
    validateInputOnBlur: ['inn', 'ogrn', 'kpp', 'okvedMain', 'website', 'regionCode'],
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new server answer should replace the errors
  useEffect(() => {
    const { fieldErrors } = splitFieldErrors(error, ORGANIZATION_FORM_FIELDS);
    if (Object.keys(fieldErrors).length) form.setErrors(fieldErrors);
  }, [error]);

  const { unmatched } = splitFieldErrors(error, ORGANIZATION_FORM_FIELDS);
  const { values } = form;
  const legalEntity = values.legalType === 'legal_entity';
  const moscow = values.regionCode.trim() === MOSCOW_REGION_CODE;
  const okvedSection = OKVED_CODE.test(values.okvedMain.trim()) ? okvedSectionOf(values.okvedMain.trim()) : undefined;

  const options = (group: string, list: readonly string[]) =>
    list.map((value) => ({ value, label: t(`enums.${group}.${value}`) }));

  const submit = form.onSubmit(onSubmit, () => {
    // bring the first field with an error into view for keyboard and screen-reader users
    window.setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ErrorAlert error={error} extraMessages={unmatched}>
          {errorExtra}
        </ErrorAlert>

        <Fieldset legend={t('organizationForm.requisites')}>
          <Stack gap="md">
            {mode === 'create' && (
              <Radio.Group
                label={t('organizationForm.legalType')}
                required
                {...form.getInputProps('legalType')}
                onChange={(value) => {
                  form.setFieldValue('legalType', value as OrganizationFormValues['legalType']);
                  form.setFieldValue('legalForm', value === 'legal_entity' ? 'ООО' : 'ИП');
                  form.clearFieldError('inn');
                  form.clearFieldError('ogrn');
                }}
              >
                <Group mt="xs" gap="lg">
                  <Radio value="legal_entity" label={t('enums.legalType.legal_entity')} />
                  <Radio value="sole_proprietor" label={t('enums.legalType.sole_proprietor')} />
                </Group>
              </Radio.Group>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('organization.inn')}
                description={t('organizationForm.innHint', { count: legalEntity ? 10 : 12 })}
                inputMode="numeric"
                autoComplete="off"
                maxLength={12}
                required
                readOnly={mode === 'edit'}
                variant={mode === 'edit' ? 'filled' : 'default'}
                {...form.getInputProps('inn')}
              />
              <TextInput
                label={t(legalEntity ? 'organization.ogrn' : 'organization.ogrnip')}
                description={t('organizationForm.ogrnHint', { count: legalEntity ? 13 : 15 })}
                inputMode="numeric"
                autoComplete="off"
                maxLength={15}
                required
                readOnly={mode === 'edit'}
                variant={mode === 'edit' ? 'filled' : 'default'}
                {...form.getInputProps('ogrn')}
              />
              {legalEntity && (
                <TextInput
                  label={t('organization.kpp')}
                  description={t('organizationForm.kppHint')}
                  autoComplete="off"
                  maxLength={9}
                  required
                  {...form.getInputProps('kpp')}
                />
              )}
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('organizationForm.about')}>
          <Stack gap="md">
            <TextInput label={t('organization.fullName')} required {...form.getInputProps('fullName')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('organization.shortName')}
                description={t('organizationForm.shortNameHint')}
                required
                {...form.getInputProps('shortName')}
              />
              <TextInput
                label={t('organization.legalForm')}
                description={t('organizationForm.legalFormHint')}
                required
                {...form.getInputProps('legalForm')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('organization.regionCode')}
                description={t('organizationForm.regionHint')}
                inputMode="numeric"
                maxLength={2}
                required
                {...form.getInputProps('regionCode')}
              />
              {moscow && (
                <Select
                  label={t('organization.district')}
                  description={t('organizationForm.districtHint')}
                  placeholder={t('organizationForm.choose')}
                  data={MOSCOW_DISTRICTS.map((district) => ({ value: district, label: district }))}
                  clearable
                  {...form.getInputProps('district')}
                />
              )}
              <TextInput
                label={t('organization.foundedOn')}
                description={t('organizationForm.foundedOnHint')}
                type="date"
                max={new Date().toISOString().slice(0, 10)}
                {...form.getInputProps('foundedOn')}
              />
            </SimpleGrid>
            <TextInput
              label={t('organization.address')}
              autoComplete="street-address"
              {...form.getInputProps('address')}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('organization.okvedMain')}
                description={
                  okvedSection
                    ? t('organizationForm.okvedSection', { section: t(`enums.okvedSection.${okvedSection}`) })
                    : t('organizationForm.okvedHint')
                }
                required
                {...form.getInputProps('okvedMain')}
              />
              <Select
                label={t('organization.smeCategory')}
                description={t('organizationForm.smeCategoryHint')}
                placeholder={t('organizationForm.choose')}
                data={options('smeCategory', SME_CATEGORIES)}
                required
                {...form.getInputProps('smeCategory')}
              />
              <NumberInput
                label={t('organization.employees')}
                description={t('organizationForm.employeesHint')}
                min={0}
                max={10_000_000}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('employees')}
              />
            </SimpleGrid>
            <TextInput
              label={t('organization.website')}
              placeholder="https://"
              type="url"
              autoComplete="url"
              {...form.getInputProps('website')}
            />
            <Textarea
              label={t('organization.description')}
              description={t('organizationForm.descriptionHint')}
              autosize
              minRows={3}
              maxRows={10}
              maxLength={5000}
              {...form.getInputProps('description')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('organizationForm.activity')}>
          <Stack gap="md">
            <MultiSelect
              label={t('organization.technologies')}
              placeholder={values.technologies.length ? undefined : t('organizationForm.chooseSeveral')}
              data={options('technology', TECHNOLOGY_AREAS)}
              searchable
              clearable
              hidePickedOptions
              {...form.getInputProps('technologies')}
            />
            <Group gap="xl" align="flex-start">
              <Checkbox
                label={t('organization.isStartup')}
                {...form.getInputProps('isStartup', { type: 'checkbox' })}
              />
              <Checkbox
                label={t('organization.isExporter')}
                {...form.getInputProps('isExporter', { type: 'checkbox' })}
              />
            </Group>
            {values.isStartup && (
              <Select
                label={t('organization.startupStage')}
                placeholder={t('organizationForm.choose')}
                data={options('startupStage', STARTUP_STAGES)}
                required
                maw={360}
                {...form.getInputProps('startupStage')}
              />
            )}
            <Checkbox.Group
              label={t('organization.capabilities')}
              description={t('organizationForm.capabilitiesHint')}
              {...form.getInputProps('capabilities')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
                {CAPABILITIES.map((capability) => (
                  <Checkbox key={capability} value={capability} label={t(`enums.capability.${capability}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Stack>
        </Fieldset>

        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={submitting}>
            {mode === 'create' ? t('organizationForm.register') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
