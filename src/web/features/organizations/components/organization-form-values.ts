// The organization form's values and their conversion to the API's create and edit bodies.
import {
  type Capability,
  MOSCOW_REGION_CODE,
  type SmeCategory,
  type StartupStage,
  type TechnologyArea,
} from '../../../../shared/domain.ts';
import type { LegalType } from '../../../../shared/requisites.ts';
import type { CreateOrganizationBody, FullOrganization, PatchOrganizationBody } from '../api/organizations.ts';

export interface OrganizationFormValues {
  legalType: LegalType;
  inn: string;
  ogrn: string;
  kpp: string;
  fullName: string;
  shortName: string;
  legalForm: string;
  regionCode: string;
  district: string | null;
  address: string;
  okvedMain: string;
  smeCategory: SmeCategory | null;
  foundedOn: string;
  employees: number | string;
  website: string;
  description: string;
  technologies: TechnologyArea[];
  isStartup: boolean;
  startupStage: StartupStage | null;
  isExporter: boolean;
  capabilities: Capability[];
}

export const ORGANIZATION_FORM_FIELDS = [
  'legalType',
  'inn',
  'ogrn',
  'kpp',
  'fullName',
  'shortName',
  'legalForm',
  'regionCode',
  'district',
  'address',
  'okvedMain',
  'smeCategory',
  'foundedOn',
  'employees',
  'website',
  'description',
  'technologies',
  'isStartup',
  'startupStage',
  'isExporter',
  'capabilities',
] as const;

export const EMPTY_ORGANIZATION_FORM: OrganizationFormValues = {
  legalType: 'legal_entity',
  inn: '',
  ogrn: '',
  kpp: '',
  fullName: '',
  shortName: '',
  legalForm: 'ООО',
  regionCode: MOSCOW_REGION_CODE,
  district: null,
  address: '',
  okvedMain: '',
  smeCategory: null,
  foundedOn: '',
  employees: '',
  website: '',
  description: '',
  technologies: [],
  isStartup: false,
  startupStage: null,
  isExporter: false,
  capabilities: ['company'],
};

export function formValuesOf(organization: FullOrganization): OrganizationFormValues {
  return {
    legalType: organization.legalType,
    inn: organization.inn,
    ogrn: organization.ogrn,
    kpp: organization.kpp ?? '',
    fullName: organization.fullName,
    shortName: organization.shortName,
    legalForm: organization.legalForm,
    regionCode: organization.regionCode,
    district: organization.district,
    address: organization.address ?? '',
    okvedMain: organization.okvedMain,
    smeCategory: organization.smeCategory,
    foundedOn: organization.foundedOn ?? '',
    employees: organization.employees ?? '',
    website: organization.website ?? '',
    description: organization.description,
    technologies: organization.technologies as TechnologyArea[],
    isStartup: organization.isStartup,
    startupStage: organization.startupStage,
    isExporter: organization.isExporter,
    capabilities: organization.capabilities as Capability[],
  };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

type EditableBody = Omit<PatchOrganizationBody, 'version'>;

function editableFields(values: OrganizationFormValues): EditableBody {
  const moscow = values.regionCode === MOSCOW_REGION_CODE;
  return {
    kpp: values.legalType === 'legal_entity' ? orNull(values.kpp) : null,
    fullName: values.fullName.trim(),
    shortName: values.shortName.trim(),
    legalForm: values.legalForm.trim(),
    regionCode: values.regionCode.trim(),
    district: moscow ? (values.district as EditableBody['district']) : null,
    address: orNull(values.address),
    okvedMain: values.okvedMain.trim(),
    smeCategory: values.smeCategory ?? undefined,
    foundedOn: orNull(values.foundedOn),
    employees: values.employees === '' ? null : Number(values.employees),
    website: orNull(values.website),
    description: values.description.trim(),
    technologies: values.technologies,
    isStartup: values.isStartup,
    startupStage: values.isStartup ? values.startupStage : null,
    isExporter: values.isExporter,
    capabilities: values.capabilities,
  };
}

export function toCreateBody(values: OrganizationFormValues): CreateOrganizationBody {
  const fields = editableFields(values);
  return {
    ...fields,
    legalType: values.legalType,
    inn: values.inn.trim(),
    ogrn: values.ogrn.trim(),
    // a sole proprietor has no KPP: leave the field out rather than send null
    kpp: values.legalType === 'legal_entity' ? fields.kpp : undefined,
  } as CreateOrganizationBody;
}

export function toPatchBody(values: OrganizationFormValues, version: number): PatchOrganizationBody {
  const fields = editableFields(values);
  if (values.legalType !== 'legal_entity') delete fields.kpp;
  return { ...fields, version };
}
