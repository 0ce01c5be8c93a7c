// The demo catalogue of support measures of the Moscow innovation cluster: what the operator would have published.
// Deterministic: windows are whole days relative to the seeding clock, everything else is fixed.
import type { Criterion, EligibilityRules, FormField, MeasureKind, MeasureStatus } from '../../shared/measures.ts';
import type { DbOrTx } from '../db/client.ts';
import * as measuresRepo from '../modules/measures/measures.repository.ts';

const DAY = 24 * 3600 * 1000;
const RUB = 100n; // kopecks in a rouble
const MILLION = 1_000_000n * RUB;

const PROVIDER = 'Московский инновационный кластер (Фонд «Московский инновационный кластер»)';
const MOSCOW_PARTICIPANTS: EligibilityRules = { membershipKinds: ['participant'], regionCodes: ['77'] };

const CRITERIA: Criterion[] = [
  { key: 'K1', name: 'Команда проекта и её опыт', weight: 0.2, maxScore: 10 },
  { key: 'K2', name: 'Новизна и интеллектуальная собственность', weight: 0.25, maxScore: 10 },
  { key: 'K3', name: 'Соответствие целям меры поддержки', weight: 0.2, maxScore: 10 },
  { key: 'K4', name: 'Рынок и масштабируемость', weight: 0.2, maxScore: 10 },
  { key: 'K5', name: 'План реализации и риски', weight: 0.15, maxScore: 10 },
];

const STAGES = ['Идея', 'Прототип', 'Опытный образец', 'Мелкая серия', 'Серийное производство'];

/** The questions every demo form asks, the requested amount bounded by the measure's maximum. */
function commonFields(maxKopecks: bigint, extra: FormField[] = []): FormField[] {
  return [
    { key: 'project_title', label: 'Название проекта', type: 'text', required: true, maxLength: 300 },
    {
      key: 'project_description',
      label: 'Описание проекта и ожидаемых результатов',
      type: 'text',
      required: true,
      maxLength: 5000,
    },
    {
      key: 'requested_amount',
      label: 'Запрашиваемая сумма, ₽',
      type: 'money',
      required: true,
      min: 100_000,
      max: Number(maxKopecks),
    },
    { key: 'start_date', label: 'Дата начала проекта', type: 'date', required: true },
    { key: 'end_date', label: 'Дата окончания проекта', type: 'date', required: true },
    { key: 'project_stage', label: 'Стадия готовности продукта', type: 'choice', required: true, options: STAGES },
    ...extra,
    {
      key: 'business_plan',
      label: 'Бизнес-план (PDF)',
      type: 'file',
      required: true,
      accept: ['application/pdf'],
    },
  ];
}

interface DemoMeasure {
  code: string;
  title: string;
  kind: MeasureKind;
  description: string;
  maxAmountKopecks: bigint;
  budgetKopecks: bigint;
  cofinancingPercent: number;
  /** window in days from the seeding day */
  opensInDays: number;
  closesInDays: number;
  status: MeasureStatus;
  eligibility: EligibilityRules;
  extraFields?: FormField[];
  requiredDocuments: string[];
  expertsPerApplication?: number;
  reportCount?: number;
}

const BASE_DOCUMENTS = ['Выписка из ЕГРЮЛ не старше 30 дней', 'Справка об отсутствии задолженности по налогам'];

const CATALOGUE: DemoMeasure[] = [
  {
    code: 'MIK-PAT-RU',
    title: 'Компенсация затрат на патентование в России',
    kind: 'compensation',
    description:
      'Возмещение расходов на патентование изобретений, полезных моделей и промышленных образцов в Роспатенте: пошлины, услуги патентного поверенного, перевод. До 150 тыс. ₽ за один патент.',
    maxAmountKopecks: 150_000n * RUB,
    budgetKopecks: 120n * MILLION,
    cofinancingPercent: 0,
    opensInDays: -730,
    closesInDays: 240,
    status: 'published',
    eligibility: MOSCOW_PARTICIPANTS,
    extraFields: [
      { key: 'patent_number', label: 'Номер патента или заявки', type: 'text', required: true, maxLength: 50 },
      {
        key: 'patent_type',
        label: 'Объект',
        type: 'choice',
        required: true,
        options: ['Изобретение', 'Полезная модель', 'Промышленный образец'],
      },
    ],
    requiredDocuments: [
      ...BASE_DOCUMENTS,
      'Копия патента или решения о выдаче',
      'Платёжные документы об оплате пошлин и услуг',
    ],
    expertsPerApplication: 1,
    reportCount: 0,
  },
  {
    code: 'MIK-PAT-INT',
    title: 'Компенсация затрат на зарубежное патентование',
    kind: 'compensation',
    description:
      'Возмещение расходов на международное патентование (PCT, ЕАПО, национальные ведомства других стран): пошлины, перевод, услуги иностранных поверенных. До 1 млн ₽ за один патент.',
    maxAmountKopecks: 1n * MILLION,
    budgetKopecks: 150n * MILLION,
    cofinancingPercent: 0,
    opensInDays: -730,
    closesInDays: 240,
    status: 'published',
    eligibility: MOSCOW_PARTICIPANTS,
    extraFields: [
      {
        key: 'patent_office',
        label: 'Патентное ведомство',
        type: 'choice',
        required: true,
        options: ['ВОИС (PCT)', 'ЕАПО', 'Ведомство КНР', 'Ведомство Индии', 'Другое'],
      },
      { key: 'patent_number', label: 'Номер патента или заявки', type: 'text', required: true, maxLength: 50 },
    ],
    requiredDocuments: [
      ...BASE_DOCUMENTS,
      'Копия патента или заявки',
      'Договор с патентным поверенным',
      'Платёжные документы',
    ],
    expertsPerApplication: 1,
    reportCount: 0,
  },
  {
    code: 'MIK-EQUIP',
    title: 'Субсидия на приобретение оборудования для производства инновационной продукции',
    kind: 'subsidy',
    description:
      'Субсидия малым и средним предприятиям на покупку нового производственного и лабораторного оборудования российского производства или из дружественных стран. До 30 млн ₽, не более 50% стоимости оборудования.',
    maxAmountKopecks: 30n * MILLION,
    budgetKopecks: 900n * MILLION,
    cofinancingPercent: 50,
    opensInDays: -30,
    closesInDays: 60,
    status: 'published',
    eligibility: { ...MOSCOW_PARTICIPANTS, smeCategories: ['micro', 'small', 'medium'], minAgeYears: 1 },
    extraFields: [
      {
        key: 'equipment_list',
        label: 'Перечень оборудования и поставщики',
        type: 'text',
        required: true,
        maxLength: 5000,
      },
    ],
    requiredDocuments: [
      ...BASE_DOCUMENTS,
      'Коммерческие предложения поставщиков',
      'Бухгалтерская отчётность за последний год',
    ],
    reportCount: 3,
  },
  {
    code: 'MIK-LOAN',
    title: 'Льготный заём на разработку и внедрение инновационной продукции',
    kind: 'loan',
    description:
      'Целевой заём под 3% годовых на срок до 5 лет на разработку, сертификацию и запуск производства инновационной продукции. От 5 до 50 млн ₽, обеспечение — залог или поручительство.',
    maxAmountKopecks: 50n * MILLION,
    budgetKopecks: 800n * MILLION,
    cofinancingPercent: 20,
    opensInDays: -700,
    closesInDays: 275,
    status: 'published',
    eligibility: { ...MOSCOW_PARTICIPANTS, minAgeYears: 2 },
    extraFields: [
      {
        key: 'collateral',
        label: 'Обеспечение',
        type: 'choice',
        required: true,
        options: ['Залог имущества', 'Поручительство', 'Банковская гарантия'],
      },
    ],
    requiredDocuments: [
      ...BASE_DOCUMENTS,
      'Бухгалтерская отчётность за два последних года',
      'Документы по обеспечению',
    ],
    reportCount: 5,
  },
  {
    code: 'MIK-COMPLEX',
    title: 'Грант на реализацию комплексного инновационного проекта',
    kind: 'grant',
    description:
      'Грант на комплексный проект полного цикла — от НИОКР до выпуска продукции. Покрывает до 15% затрат на проект; остальное — собственные и привлечённые средства компании.',
    maxAmountKopecks: 100n * MILLION,
    budgetKopecks: 600n * MILLION,
    cofinancingPercent: 85,
    opensInDays: -14,
    closesInDays: 45,
    status: 'published',
    eligibility: MOSCOW_PARTICIPANTS,
    extraFields: [
      { key: 'project_budget', label: 'Полная стоимость проекта, ₽', type: 'money', required: true, min: 100_000 },
    ],
    requiredDocuments: [...BASE_DOCUMENTS, 'Смета проекта', 'Подтверждение источников софинансирования'],
    expertsPerApplication: 3,
    reportCount: 4,
  },
  {
    code: 'MIK-COOP',
    title: 'Кооперационный грант для консорциумов участников кластера',
    kind: 'grant',
    description:
      'Грант на совместный проект консорциума из 2–5 участников кластера: общая разработка, кооперационные цепочки, вывод продукта на рынок. Каждый участник консорциума должен быть участником кластера.',
    maxAmountKopecks: 40n * MILLION,
    budgetKopecks: 400n * MILLION,
    cofinancingPercent: 30,
    opensInDays: -7,
    closesInDays: 53,
    status: 'published',
    // the consortium is a project the applicant leads with 2–5 confirmed cluster participants
    eligibility: { ...MOSCOW_PARTICIPANTS, consortium: { min: 2, max: 5 } },
    extraFields: [
      { key: 'consortium_size', label: 'Число участников консорциума', type: 'number', required: true, min: 2, max: 5 },
      {
        key: 'consortium_members',
        label: 'Участники консорциума и их роли',
        type: 'text',
        required: true,
        maxLength: 3000,
      },
    ],
    requiredDocuments: [...BASE_DOCUMENTS, 'Соглашение о консорциуме'],
    expertsPerApplication: 3,
    reportCount: 3,
  },
  {
    code: 'MIK-PILOT',
    title: 'Грант на пилотное тестирование инновационных решений в городе',
    kind: 'grant',
    description:
      'Грант на апробацию решения на городской площадке Москвы: школа, поликлиника, транспорт, парк, стройка. До 4 млн ₽ на пилот длительностью до 3 месяцев.',
    maxAmountKopecks: 4n * MILLION,
    budgetKopecks: 200n * MILLION,
    cofinancingPercent: 0,
    opensInDays: -600,
    closesInDays: 100,
    status: 'published',
    eligibility: MOSCOW_PARTICIPANTS,
    extraFields: [
      { key: 'pilot_site', label: 'Площадка для тестирования', type: 'text', required: true, maxLength: 500 },
    ],
    requiredDocuments: [...BASE_DOCUMENTS, 'Согласие площадки на проведение пилота'],
    reportCount: 1,
  },
  {
    code: 'MIK-EXPORT',
    title: 'Поддержка экспорта: сертификация и выход на зарубежные рынки',
    kind: 'compensation',
    description:
      'Компенсация затрат на зарубежную сертификацию, участие в международных выставках и продвижение продукции за рубежом. До 5 млн ₽; доступна участникам и партнёрам кластера.',
    maxAmountKopecks: 5n * MILLION,
    budgetKopecks: 250n * MILLION,
    cofinancingPercent: 20,
    opensInDays: -540,
    closesInDays: 135,
    status: 'published',
    eligibility: { membershipKinds: ['participant', 'partner'] },
    extraFields: [{ key: 'target_country', label: 'Целевые страны', type: 'text', required: true, maxLength: 500 }],
    requiredDocuments: [...BASE_DOCUMENTS, 'Экспортный контракт или письмо о намерениях'],
    reportCount: 2,
  },
  {
    code: 'MIK-ENG',
    title: 'Инжиниринговые услуги: прототипирование и испытания',
    kind: 'service',
    description:
      'Услуги инжиниринговых центров кластера на льготных условиях: проектирование, прототипирование, испытания и сертификационные испытания продукции. До 3 млн ₽ на компанию.',
    maxAmountKopecks: 3n * MILLION,
    budgetKopecks: 120n * MILLION,
    cofinancingPercent: 10,
    opensInDays: -640,
    closesInDays: 170,
    status: 'published',
    eligibility: MOSCOW_PARTICIPANTS,
    extraFields: [
      {
        key: 'service_type',
        label: 'Вид услуги',
        type: 'choice',
        required: true,
        options: ['Проектирование', 'Прототипирование', 'Испытания', 'Сертификация'],
      },
    ],
    requiredDocuments: BASE_DOCUMENTS,
    expertsPerApplication: 1,
    reportCount: 1,
  },
  {
    code: 'MIK-START',
    title: 'Стартовый грант для технологических стартапов',
    kind: 'grant',
    description:
      'Грант стартапам-участникам кластера на создание MVP и первые продажи. До 5 млн ₽ без софинансирования.',
    maxAmountKopecks: 5n * MILLION,
    budgetKopecks: 300n * MILLION,
    cofinancingPercent: 0,
    opensInDays: 15,
    closesInDays: 105,
    status: 'published',
    eligibility: { ...MOSCOW_PARTICIPANTS, startupOnly: true },
    requiredDocuments: [...BASE_DOCUMENTS, 'Презентация проекта (pitch deck)'],
    reportCount: 2,
  },
  {
    code: 'MIK-RENT-PREV',
    title: 'Льготная аренда помещений в технопарках (прошлогодний отбор)',
    kind: 'rent',
    description:
      'Аренда офисов и производственных помещений в технопарках Москвы по ставке 1 ₽ за кв. м в год. Приём заявок завершён.',
    maxAmountKopecks: 12n * MILLION,
    budgetKopecks: 180n * MILLION,
    cofinancingPercent: 0,
    opensInDays: -420,
    closesInDays: -330,
    status: 'closed',
    eligibility: MOSCOW_PARTICIPANTS,
    extraFields: [
      { key: 'area_sqm', label: 'Нужная площадь, кв. м', type: 'number', required: true, min: 10, max: 5000 },
    ],
    requiredDocuments: BASE_DOCUMENTS,
    reportCount: 1,
  },
  {
    code: 'MIK-SERIAL',
    title: 'Грант на выпуск первой серийной партии продукции',
    kind: 'grant',
    description: 'Проект меры: грант на запуск серийного производства после успешного пилота. Условия обсуждаются.',
    maxAmountKopecks: 20n * MILLION,
    budgetKopecks: 300n * MILLION,
    cofinancingPercent: 50,
    opensInDays: 60,
    closesInDays: 150,
    status: 'draft',
    eligibility: { ...MOSCOW_PARTICIPANTS, smeCategories: ['micro', 'small', 'medium'] },
    requiredDocuments: BASE_DOCUMENTS,
    reportCount: 2,
  },
];

/** The rows to insert, with windows counted from the start of the seeding day (UTC). */
export function demoMeasures(now: Date): measuresRepo.NewMeasure[] {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return CATALOGUE.map((m) => ({
    code: m.code,
    title: m.title,
    kind: m.kind,
    provider: PROVIDER,
    description: m.description,
    maxAmountKopecks: m.maxAmountKopecks,
    cofinancingPercent: m.cofinancingPercent,
    budgetKopecks: m.budgetKopecks,
    opensAt: new Date(day + m.opensInDays * DAY),
    closesAt: new Date(day + m.closesInDays * DAY),
    eligibility: m.eligibility,
    formFields: commonFields(m.maxAmountKopecks, m.extraFields),
    requiredDocuments: m.requiredDocuments,
    criteria: CRITERIA,
    expertsPerApplication: m.expertsPerApplication ?? 2,
    reportCount: m.reportCount ?? 1,
    reportIntervalMonths: 12,
    status: m.status,
    createdAt: new Date(day + Math.min(m.opensInDays, 0) * DAY - 14 * DAY),
    updatedAt: new Date(day + Math.min(m.opensInDays, 0) * DAY - 14 * DAY),
  }));
}

/** The measures run every year: their selection rounds of past years are archived with their applications. */
const YEARLY_CODES = [
  'MIK-PAT-RU',
  'MIK-PAT-INT',
  'MIK-EQUIP',
  'MIK-LOAN',
  'MIK-COMPLEX',
  'MIK-COOP',
  'MIK-PILOT',
  'MIK-EXPORT',
  'MIK-ENG',
  'MIK-START',
];
/** Rounds from seven to two years before the seeding year; the years since are the current catalogue's. */
const ARCHIVED_YEARS_BACK = [7, 6, 5, 4, 3, 2];

/**
 * Past selection rounds of the yearly measures (`MIK-EQUIP-2021`, «… — отбор 2021 года»), archived: each opened in
 * February and closed at the end of November of its year, with the budget of the current round.
 */
export function demoArchivedMeasures(now: Date): measuresRepo.NewMeasure[] {
  const current = demoMeasures(now);
  return ARCHIVED_YEARS_BACK.flatMap((back) => {
    const year = now.getUTCFullYear() - back;
    return YEARLY_CODES.map((code) => {
      const m = current.find((c) => c.code === code)!;
      const opensAt = new Date(Date.UTC(year, 1, 1, 7));
      return {
        ...m,
        code: `${code}-${year}`,
        title: `${m.title} — отбор ${year} года`,
        opensAt,
        closesAt: new Date(Date.UTC(year, 10, 30, 21)),
        status: 'archived' as const,
        createdAt: new Date(opensAt.getTime() - 14 * DAY),
        updatedAt: new Date(Date.UTC(year + 1, 11, 28, 9)),
      };
    });
  });
}

/** Inserts the catalogue and the archived rounds; a code already present is left as it is. */
export async function insertDemoMeasures(db: DbOrTx, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    for (const values of [...demoMeasures(now), ...demoArchivedMeasures(now)]) {
      await measuresRepo.insertMeasure(tx, values);
    }
  });
}
