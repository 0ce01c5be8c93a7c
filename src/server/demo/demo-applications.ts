// A seeded generator of support applications for the demo: every status of the state machine, believable Russian
// answers to each measure's form, budgets that hold, tranches within the approved amounts, reports and reviews.
// Pure: no database, no clock, no Math.random — the same input always gives the same applications.
import type {
  ApplicationStatus,
  Criterion,
  EligibilityRules,
  FormField,
  Kpis,
  Recommendation,
  ReportStatus,
  ReviewStatus,
} from '../../shared/measures.ts';
import { type ApplicationEvent, nextApplicationStatus } from '../modules/applications/application-status.ts';
import { evaluateEligibility, type OrganizationFacts } from '../modules/measures/eligibility.ts';
import { weightedScore } from '../modules/reviews/consensus.ts';
import { Rng } from './demo-organizations.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** How far back the demo history reaches. */
const HISTORY_DAYS = 730;

/** What the generator needs of a measure (a subset of its row). */
export interface DemoApplicationMeasure {
  code: string;
  title: string;
  status?: string;
  opensAt: Date;
  closesAt: Date;
  maxAmountKopecks: bigint;
  budgetKopecks: bigint;
  eligibility: EligibilityRules;
  formFields: FormField[];
  criteria: Criterion[];
  reportCount: number;
  reportIntervalMonths: number;
}

/** An organization that may apply, keyed by something unique (its INN). */
export interface DemoApplicant {
  key: string;
  facts: OrganizationFacts;
  /** applications start no earlier than this (its admission) */
  admittedAt: Date | null;
  /** what the company makes, for the project titles */
  description: string;
}

/** Who took a step: someone of the company or the operator. */
export type DemoActor = 'company' | 'operator';

export interface DemoApplicationEventStep {
  status: ApplicationStatus;
  at: Date;
  comment: string | null;
  actor: DemoActor;
}

export interface DemoTranche {
  amountKopecks: bigint;
  milestone: string;
  paidAt: Date;
}

export interface DemoReport {
  sequence: number;
  dueOn: string;
  status: ReportStatus;
  kpis: Kpis | null;
  comment: string | null;
  submittedAt: Date | null;
  acceptedAt: Date | null;
}

export interface DemoReview {
  status: ReviewStatus;
  assignedAt: Date;
  declaredAt: Date | null;
  submittedAt: Date | null;
  scores: Array<{ criterion: string; score: number; comment: string }> | null;
  recommendation: Recommendation | null;
  weightedScore: number | null;
}

export interface DemoApplication {
  number: string;
  organizationKey: string;
  measureCode: string;
  status: ApplicationStatus;
  requestedAmountKopecks: bigint;
  approvedAmountKopecks: bigint | null;
  paidKopecks: bigint;
  answers: Record<string, unknown>;
  promisedKpis: Kpis;
  lastComment: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  events: DemoApplicationEventStep[];
  tranches: DemoTranche[];
  reports: DemoReport[];
  /** the demo expert's review, when there is one */
  review: DemoReview | null;
}

/** An application that must exist, e.g. for a demo account's organization. */
export interface PinnedDemoApplication {
  organizationKey: string;
  measureCode: string;
  status: ApplicationStatus;
}

const STATUS_WEIGHTS: ReadonlyArray<readonly [ApplicationStatus, number]> = [
  ['draft', 6],
  ['submitted', 8],
  ['returned', 4],
  ['registered', 8],
  ['under_review', 12],
  ['approved', 6],
  ['rejected', 12],
  ['agreement_signed', 6],
  ['disbursing', 10],
  ['reporting', 12],
  ['completed', 10],
  ['withdrawn', 6],
];
const ALL_STATUSES = STATUS_WEIGHTS.map(([s]) => s);

/** The most days the last step of a waiting status lies in the past: nobody leaves a file untouched for a year. */
const MAX_AGE_DAYS: Partial<Record<ApplicationStatus, number>> = {
  draft: 45,
  submitted: 10,
  returned: 25,
  registered: 14,
  under_review: 40,
  approved: 30,
  agreement_signed: 60,
  disbursing: 150,
};
/** How far back a status's first step may be, to find a fitting start quickly. */
const START_WINDOW_DAYS: Partial<Record<ApplicationStatus, number>> = {
  draft: 45,
  submitted: 30,
  returned: 60,
  registered: 50,
  under_review: 90,
  approved: 130,
  agreement_signed: 170,
  disbursing: 330,
};
const APPROVED_FAMILY: ReadonlySet<ApplicationStatus> = new Set([
  'approved',
  'agreement_signed',
  'disbursing',
  'reporting',
  'completed',
]);

const RETURN_COMMENTS = [
  'Не приложена выписка из ЕГРЮЛ не старше 30 дней. Приложите актуальную выписку и подайте заявку повторно.',
  'Сумма в заявке не совпадает со сметой проекта. Уточните запрашиваемую сумму.',
  'Не заполнен раздел о планируемых результатах проекта. Дополните описание.',
  'Справка об отсутствии задолженности по налогам просрочена. Приложите справку не старше 30 дней.',
];
const APPROVAL_REASONS = [
  'Проект соответствует целям меры поддержки, экспертиза пройдена успешно.',
  'Высокая оценка экспертов: команда, новизна и план реализации убедительны.',
  'Решение конкурсной комиссии: поддержать проект в одобренной сумме.',
];
const REJECTION_REASONS = [
  'Проект не соответствует целям меры поддержки.',
  'Недостаточная оценка экспертов по критериям новизны и масштабируемости.',
  'Не подтверждено софинансирование проекта в требуемом объёме.',
  'Представленные документы не подтверждают заявленные затраты.',
];
const WITHDRAWAL_REASONS = [
  'Проект будет реализован за счёт собственных средств.',
  'Компания решила подать заявку на другую меру поддержки.',
  null,
  'Изменились сроки проекта, подадим заявку в следующем отборе.',
];
const MILESTONES = [
  'Аванс по соглашению',
  'Этап 1: разработка и закупка',
  'Этап 2: испытания и внедрение',
  'Финальный платёж по отчёту о затратах',
];
const REPORT_COMMENTS = [
  'Плановые показатели выполнены, копии первичных документов приложены.',
  'Выручка по проекту выше плана за счёт новых заказчиков.',
  'Создано рабочих мест меньше плана: часть работ передана на аутсорсинг.',
];
const REPORT_RETURN_COMMENTS = [
  'Не приложены подтверждающие документы по выручке.',
  'Показатель «рабочие места» не подтверждён сведениями СФР.',
];
const REVIEW_COMMENTS: Record<'high' | 'mid' | 'low', string[]> = {
  high: [
    'Сильная сторона заявки: подтверждённый опыт команды и пилотные результаты.',
    'Решение опережает аналоги на рынке, есть охраноспособные результаты.',
    'План реализации детальный, риски описаны и закрыты мерами.',
  ],
  mid: [
    'В целом убедительно, но оценка рынка нуждается в уточнении.',
    'План реализуем, хотя сроки отдельных этапов выглядят оптимистично.',
  ],
  low: ['Не показано отличие от существующих решений.', 'Рынок оценён без источников, масштабируемость не обоснована.'],
};

const PROJECT_TOPICS = [
  'Система компьютерного зрения для контроля качества на производстве',
  'Платформа предиктивного обслуживания городского оборудования',
  'Модуль телеметрии для беспилотных летательных аппаратов',
  'Сервис цифрового двойника инженерных сетей',
  'Комплекс мониторинга качества воздуха на базе IoT-датчиков',
  'Программный комплекс анализа медицинских изображений',
  'Умная система учёта энергопотребления зданий',
  'Роботизированная линия упаковки для пищевых производств',
  'Защищённый мессенджер для корпоративных клиентов',
  'Биосенсор для экспресс-диагностики в поликлиниках',
  'Навигационная система для складской робототехники',
  'Облачная платформа управления проектами строительства',
  'Аддитивное производство деталей из композитных материалов',
  'Система распознавания речи для контакт-центров',
  'Портативный анализатор состава почвы',
];
const EXTRA_TEXT: Record<string, string[]> = {
  patent_number: ['2024135678', '2025101234', 'RU 2 812 345 C1', 'PCT/RU2025/000123', 'RU 221 456 U1'],
  equipment_list: [
    'Пятиосевой фрезерный станок с ЧПУ (АО «Станкомаш», г. Челябинск); координатно-измерительная машина (ООО «Лазерные технологии»).',
    'Промышленный 3D-принтер по металлу (ООО «Лазерные системы», г. Санкт-Петербург); печь термообработки (АО «Термопром»).',
    'Линия SMT-монтажа печатных плат (ООО «Остек-СМТ»); установка рентгеновского контроля (АО «Элтест»).',
  ],
  consortium_members: [
    'Заявитель — разработка программной части; ООО «Прибор-М» — изготовление опытных образцов; НИУ МЭИ — испытания.',
    'Заявитель — координация и интеграция; АО «Сенсорные системы» — датчики; ООО «Дата-Центр» — облачная инфраструктура.',
  ],
  pilot_site: [
    'ГБУЗ «Городская поликлиника № 12 ДЗМ», ул. Ленинская Слобода, д. 7',
    'ГБОУ «Школа № 1580», Ленинский проспект, д. 56',
    'Парк «Сокольники», территория у главного входа',
    'Депо «Печатники» ГУП «Московский метрополитен»',
  ],
  target_country: ['Казахстан, Узбекистан', 'ОАЭ, Саудовская Аравия', 'Индия', 'Беларусь, Армения', 'Китай, Вьетнам'],
};

/** Adds whole months to a UTC date, keeping the day or the month's last day (as the applications service does). */
function addMonths(date: Date, months: number): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** A Moscow working moment (07:00–15:00 UTC) some days after `from`. */
function workingMomentAfter(rng: Rng, from: number, minDays: number, maxDays: number): number {
  const day = Math.floor((from + rng.int(minDays, maxDays) * DAY) / DAY) * DAY;
  const at = day + rng.int(7 * 60, 15 * 60) * 60_000 + rng.int(0, 59) * 1000;
  return at > from ? at : from + rng.int(1, 4) * HOUR;
}

function roundTo(kopecks: bigint, step: bigint): bigint {
  const rounded = (kopecks / step) * step;
  return rounded > 0n ? rounded : step;
}

function answersFor(rng: Rng, measure: DemoApplicationMeasure, requested: bigint, start: number, draft: boolean) {
  const topic = rng.pick(PROJECT_TOPICS);
  const answers: Record<string, unknown> = {};
  for (const field of measure.formFields) {
    // files are not part of the demo: nothing to download behind them
    if (field.type === 'file') continue;
    // a draft is saved half-way: some optional and later answers are still missing
    if (draft && !['project_title', 'requested_amount'].includes(field.key) && rng.chance(0.35)) continue;
    switch (field.key) {
      case 'project_title':
        answers[field.key] = topic;
        continue;
      case 'project_description':
        answers[field.key] =
          `${topic}. Цель проекта — довести решение до серийного выпуска и внедрить у заказчиков Москвы. ` +
          `Ожидаемые результаты: ${rng.int(2, 5)} внедрения, выручка от продаж через год после завершения, ` +
          `создание ${rng.int(3, 25)} высокопроизводительных рабочих мест.`;
        continue;
      case 'requested_amount':
        answers[field.key] = requested.toString();
        continue;
      case 'project_budget':
        answers[field.key] = (requested * BigInt(rng.int(7, 10))).toString();
        continue;
      case 'start_date':
        answers[field.key] = new Date(start + rng.int(20, 60) * DAY).toISOString().slice(0, 10);
        continue;
      case 'end_date':
        answers[field.key] = new Date(start + rng.int(200, 700) * DAY).toISOString().slice(0, 10);
        continue;
    }
    switch (field.type) {
      case 'text': {
        const text = rng.pick(EXTRA_TEXT[field.key] ?? [topic]);
        answers[field.key] = field.maxLength ? text.slice(0, field.maxLength) : text;
        break;
      }
      case 'number':
        answers[field.key] = rng.int(field.min ?? 1, Math.min(field.max ?? 100, (field.min ?? 1) + 200));
        break;
      case 'money':
        answers[field.key] = String(Math.max(field.min ?? 0, rng.int(1_000, 50_000) * 100_00));
        break;
      case 'date':
        answers[field.key] = new Date(start + rng.int(10, 90) * DAY).toISOString().slice(0, 10);
        break;
      case 'choice':
        answers[field.key] = rng.pick(field.options ?? ['']);
        break;
    }
  }
  return answers;
}

/** One try at a believable history ending in `target`; undefined when it does not fit the window or the clock. */
function buildHistory(
  rng: Rng,
  measure: DemoApplicationMeasure,
  applicant: DemoApplicant,
  target: ApplicationStatus,
  now: number,
  historyDays: number,
) {
  const lo = Math.max(
    measure.opensAt.getTime(),
    now - historyDays * DAY,
    (applicant.admittedAt?.getTime() ?? 0) + 7 * DAY,
    now - (START_WINDOW_DAYS[target] ?? historyDays) * DAY,
  );
  const hi = Math.min(measure.closesAt.getTime(), now) - DAY;
  if (hi <= lo) return undefined;
  const events: DemoApplicationEventStep[] = [];
  let status: ApplicationStatus = 'draft';
  let at = workingMomentAfter(rng, lo + rng.next() * (hi - lo), 0, 0);
  const add = (event: ApplicationEvent | 'create', comment: string | null, actor: DemoActor) => {
    const next = event === 'create' ? 'draft' : nextApplicationStatus(status, event);
    if (!next) throw new Error(`demo history: ${event} from ${status}`);
    status = next;
    events.push({ status, at: new Date(at), comment, actor });
  };
  add('create', null, 'company');
  const started = at;
  let submittedAt: number | null = null;
  let decidedAt: number | null = null;
  const withdrawFrom: ApplicationStatus | null =
    target === 'withdrawn' ? rng.pick(['draft', 'submitted', 'returned', 'registered', 'under_review'] as const) : null;
  const stopAt = withdrawFrom ?? target;
  const stop = () => status === stopAt;
  const submit = () => {
    at = workingMomentAfter(rng, at, 1, 12);
    submittedAt = at;
    add('submit', null, 'company');
  };

  let review: { assignedAt: number } | null = null;
  if (!stop()) submit();
  // some files come back once for fixes before registration
  const returnsOnce = stopAt === 'returned' || (!stop() && rng.chance(0.2));
  if (!stop() && returnsOnce) {
    at = workingMomentAfter(rng, at, 1, 6);
    add('return', rng.pick(RETURN_COMMENTS), 'operator');
    if (!stop()) submit();
  }
  // submissions only while the window is open
  if (submittedAt !== null && submittedAt >= measure.closesAt.getTime()) return undefined;
  const rejectEarly = target === 'rejected' && rng.chance(0.3);
  if (!stop()) {
    at = workingMomentAfter(rng, at, 1, 5);
    add('register', null, 'operator');
  }
  if (!stop() && rejectEarly) {
    at = workingMomentAfter(rng, at, 2, 10);
    decidedAt = at;
    add('reject', rng.pick(REJECTION_REASONS), 'operator');
  }
  if (!stop()) {
    at = workingMomentAfter(rng, at, 1, 7);
    add('start_review', null, 'operator');
    review = { assignedAt: at };
  }
  if (!stop()) {
    at = workingMomentAfter(rng, at, 14, 45);
    decidedAt = at;
    if (target === 'rejected') add('reject', rng.pick(REJECTION_REASONS), 'operator');
    else add('approve', rng.pick(APPROVAL_REASONS), 'operator');
  }
  if (withdrawFrom && stop()) {
    at = workingMomentAfter(rng, at, 1, 20);
    add('withdraw', rng.pick(WITHDRAWAL_REASONS), 'company');
  }
  let signedAt: number | null = null;
  // `status` moved on inside add(); TypeScript still sees the 'draft' it started as
  if ((status as ApplicationStatus) === 'approved' && target !== 'approved') {
    at = workingMomentAfter(rng, at, 7, 25);
    signedAt = at;
    add('sign_agreement', null, 'company');
  }
  return {
    events,
    started,
    at: () => at,
    setAt: (value: number) => {
      at = value;
    },
    add,
    status: () => status,
    submittedAt,
    decidedAt,
    signedAt,
    review,
  };
}

export interface DemoApplicationsInput {
  count: number;
  now: Date;
  measures: DemoApplicationMeasure[];
  applicants: DemoApplicant[];
  pinned?: PinnedDemoApplication[];
  seed?: number;
  /** how far back histories may start (days before `now`); 730 by default */
  historyDays?: number;
  /** the mix of final statuses; by default every status once, then the usual mix */
  statusWeights?: ReadonlyArray<readonly [ApplicationStatus, number]>;
  /** stop once this much has been paid out to participants (partners' support is counted apart), even before `count` */
  paidTargetKopecks?: bigint;
  /** the sequence part of the first number (numbers of an earlier batch come before) */
  firstNumber?: number;
}

/**
 * About `count` applications (plus the pinned ones), numbered in the order they were started. Every history follows
 * the state machine; approved amounts fit each measure's budget; paid ≤ approved; nothing happens after `now`.
 */
export function generateDemoApplications(input: DemoApplicationsInput): DemoApplication[] {
  const rng = new Rng(input.seed ?? 3_2026);
  const now = input.now.getTime();
  const historyDays = input.historyDays ?? HISTORY_DAYS;
  const measures = input.measures.filter((m) => m.status !== 'draft');
  const committed = new Map(measures.map((m) => [m.code, 0n]));
  const used = new Set<string>(); // organization/measure pairs: one application each
  const eligibleFor = new Map(
    input.applicants.map((a) => [
      a.key,
      measures.filter((m) => evaluateEligibility(m.eligibility, a.facts, input.now).eligible),
    ]),
  );
  const result: Omit<DemoApplication, 'number'>[] = [];

  const attempt = (applicant: DemoApplicant, measure: DemoApplicationMeasure, target: ApplicationStatus) => {
    for (let tryNo = 0; tryNo < 25; tryNo++) {
      const made = makeOne(rng, measure, applicant, target, now, historyDays, committed.get(measure.code)!);
      if (!made) continue;
      if (made.approvedAmountKopecks !== null) {
        committed.set(measure.code, committed.get(measure.code)! + made.approvedAmountKopecks);
      }
      used.add(`${applicant.key}/${measure.code}`);
      result.push(made);
      return true;
    }
    return false;
  };

  for (const pin of input.pinned ?? []) {
    const applicant = input.applicants.find((a) => a.key === pin.organizationKey);
    const measure = measures.find((m) => m.code === pin.measureCode);
    if (!applicant || !measure || !attempt(applicant, measure, pin.status)) {
      throw new Error(`demo application ${pin.organizationKey}/${pin.measureCode} (${pin.status}) does not fit`);
    }
  }
  const pinnedKeys = new Set((input.pinned ?? []).map((p) => p.organizationKey));
  const pool = input.applicants.filter((a) => !pinnedKeys.has(a.key) && (eligibleFor.get(a.key)?.length ?? 0) > 0);
  const firstNumber = input.firstNumber ?? 1;
  if (pool.length === 0) return number(result, firstNumber);
  // every status at least once, then the usual mix — unless the mix is given
  const firsts = input.statusWeights ? [] : ALL_STATUSES;
  const weights = input.statusWeights ?? STATUS_WEIGHTS;
  let paid = 0n;
  const paidEnough = () => input.paidTargetKopecks !== undefined && paid >= input.paidTargetKopecks;
  for (let i = 0, misses = 0; i < input.count && misses < input.count * 20 && !paidEnough(); ) {
    const target = i < firsts.length ? firsts[i] : rng.weighted(weights);
    const applicant = rng.pick(pool);
    const options = eligibleFor.get(applicant.key)!.filter((m) => !used.has(`${applicant.key}/${m.code}`));
    if (options.length && attempt(applicant, rng.pick(options), target)) {
      i++;
      if (applicant.facts.membershipKind === 'participant') paid += result[result.length - 1].paidKopecks;
    } else misses++;
  }
  return number(result, firstNumber);
}

function number(apps: Omit<DemoApplication, 'number'>[], first: number): DemoApplication[] {
  return apps
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.organizationKey.localeCompare(b.organizationKey))
    .map((app, i) => ({
      ...app,
      number: `ЗП-${app.createdAt.getUTCFullYear()}-${String(first + i).padStart(6, '0')}`,
    }));
}

function makeOne(
  rng: Rng,
  measure: DemoApplicationMeasure,
  applicant: DemoApplicant,
  target: ApplicationStatus,
  now: number,
  historyDays: number,
  committed: bigint,
): Omit<DemoApplication, 'number'> | undefined {
  const max = measure.maxAmountKopecks;
  // the smallest approval this could make no longer fits: do not even try
  if (APPROVED_FAMILY.has(target) && committed + (max * 21n) / 100n > measure.budgetKopecks) return undefined;
  const history = buildHistory(rng, measure, applicant, target, now, historyDays);
  if (!history) return undefined;
  const step = max >= 100_000_000n ? 1_000_000n : 100_000n; // 10 000 ₽ or 1 000 ₽
  const requested = roundTo((max * BigInt(rng.int(30, 100))) / 100n, step);
  let approved: bigint | null = null;
  const tranches: DemoTranche[] = [];
  const reports: DemoReport[] = [];
  let paid = 0n;

  if (APPROVED_FAMILY.has(target)) {
    approved = rng.chance(0.6) ? requested : roundTo((requested * BigInt(rng.int(70, 99))) / 100n, step);
    if (committed + approved > measure.budgetKopecks) return undefined;
  }
  if (history.signedAt !== null && approved !== null) {
    const signedAt = history.signedAt;
    const dueDates = Array.from({ length: measure.reportCount }, (_, i) =>
      addMonths(new Date(signedAt), measure.reportIntervalMonths * (i + 1)),
    );
    if (target !== 'agreement_signed') {
      // tranches: the last one (for reporting and completed) pays everything
      const count = target === 'disbursing' ? rng.int(1, 2) : rng.int(1, 3);
      const full = target !== 'disbursing';
      const shares = Array.from({ length: count }, () => rng.int(20, 50));
      let at = history.at();
      for (let i = 0; i < count; i++) {
        at = workingMomentAfter(rng, at, i === 0 ? 10 : 30, i === 0 ? 40 : 120);
        const last = i === count - 1;
        let amount = last && full ? approved - paid : roundTo((approved * BigInt(shares[i])) / 100n, 100n);
        if (!full && paid + amount >= approved) amount = roundTo((approved - paid) / 2n, 100n);
        if (amount <= 0n) return undefined;
        paid += amount;
        const milestone = MILESTONES[Math.min(i, MILESTONES.length - 1)];
        tranches.push({ amountKopecks: amount, milestone, paidAt: new Date(at) });
        history.setAt(at);
        history.add('pay', `Транш ${formatRubles(amount)}: ${milestone}`, 'operator');
      }
      if (full) {
        history.add('start_reporting', null, 'operator');
        if (measure.reportCount === 0) {
          if (target !== 'completed') return undefined;
          history.add('complete', null, 'operator');
        }
      }
    }
    // the report schedule and how each report went
    let lastAccepted = 0;
    for (const [i, dueOn] of dueDates.entries()) {
      const due = Date.parse(`${dueOn}T00:00:00Z`);
      const report: DemoReport = {
        sequence: i + 1,
        dueOn,
        status: 'due',
        kpis: null,
        comment: null,
        submittedAt: null,
        acceptedAt: null,
      };
      const filed = workingMomentAfter(rng, due - 25 * DAY, 0, 30);
      const reportable = target === 'reporting' || target === 'completed';
      const overdueLeft = target === 'reporting' && i === dueDates.length - 1 && rng.chance(0.5);
      if (reportable && filed < now - 2 * DAY && !overdueLeft) {
        const accepted = workingMomentAfter(rng, filed, 2, 15);
        report.kpis = {
          revenueKopecks: String(rng.int(5, 300) * 1_000_000_00),
          jobs: rng.int(1, 30),
          products: rng.int(0, 4),
        };
        report.comment = rng.pick(REPORT_COMMENTS);
        report.submittedAt = new Date(filed);
        if (accepted < now && (target === 'completed' || rng.chance(0.7))) {
          report.status = 'accepted';
          report.acceptedAt = new Date(accepted);
          lastAccepted = Math.max(lastAccepted, accepted);
        } else if (rng.chance(0.4)) {
          report.status = 'returned';
          report.comment = rng.pick(REPORT_RETURN_COMMENTS);
        } else report.status = 'submitted';
      }
      reports.push(report);
    }
    if (target === 'completed' && measure.reportCount > 0) {
      if (reports.some((r) => r.status !== 'accepted')) return undefined;
      if (lastAccepted <= history.at()) return undefined;
      history.setAt(lastAccepted);
      history.add('complete', null, 'operator');
    }
    if (target === 'reporting' && reports.every((r) => r.status === 'accepted')) return undefined;
  }

  const events = history.events;
  const last = events[events.length - 1];
  if (last.status !== target) return undefined;
  if (last.at.getTime() > now - HOUR) return undefined;
  const maxAge = MAX_AGE_DAYS[target];
  if (maxAge !== undefined && last.at.getTime() < now - maxAge * DAY) return undefined;

  const review = makeReview(rng, measure, history.review?.assignedAt ?? null, target, history.decidedAt, now);
  return {
    organizationKey: applicant.key,
    measureCode: measure.code,
    status: target,
    requestedAmountKopecks: requested,
    approvedAmountKopecks: approved,
    paidKopecks: paid,
    answers: answersFor(rng, measure, requested, history.started, target === 'draft'),
    promisedKpis: {
      revenueKopecks: String(rng.int(10, 500) * 1_000_000_00),
      jobs: rng.int(2, 40),
      products: rng.int(1, 5),
    },
    lastComment: last.comment,
    submittedAt: history.submittedAt !== null ? new Date(history.submittedAt) : null,
    decidedAt: history.decidedAt !== null ? new Date(history.decidedAt) : null,
    version: events.length,
    createdAt: events[0].at,
    updatedAt: last.at,
    events,
    tranches,
    reports,
    review,
  };
}

/** The demo expert's review: on some applications under review (at any stage) and on some decided after review. */
function makeReview(
  rng: Rng,
  measure: DemoApplicationMeasure,
  assignedAt: number | null,
  target: ApplicationStatus,
  decidedAt: number | null,
  now: number,
): DemoReview | null {
  if (assignedAt === null) return null;
  const underReview = target === 'under_review';
  if (!underReview && !APPROVED_FAMILY.has(target) && target !== 'rejected') return null;
  if (!rng.chance(underReview ? 0.7 : 0.4)) return null;
  const review: DemoReview = {
    status: 'assigned',
    assignedAt: new Date(assignedAt),
    declaredAt: null,
    submittedAt: null,
    scores: null,
    recommendation: null,
    weightedScore: null,
  };
  const until = decidedAt ?? now;
  const stage = underReview
    ? rng.weighted([
        ['assigned', 3],
        ['declared', 3],
        ['submitted', 4],
      ] as const)
    : 'submitted';
  if (stage === 'assigned') return review;
  const declared = assignedAt + rng.int(1, 48) * HOUR;
  if (declared >= until) return review;
  review.status = 'declared';
  review.declaredAt = new Date(declared);
  if (stage === 'declared') return review;
  const submitted = declared + rng.int(6, 7 * 24) * HOUR;
  if (submitted >= until) return review;
  const level =
    target === 'rejected' ? 'low' : APPROVED_FAMILY.has(target) ? 'high' : rng.pick(['high', 'mid'] as const);
  const scores = measure.criteria.map((c) => {
    const share = level === 'high' ? rng.int(70, 100) : level === 'mid' ? rng.int(50, 80) : rng.int(20, 55);
    return {
      criterion: c.key,
      score: Math.round((c.maxScore * share) / 100),
      comment: rng.pick(REVIEW_COMMENTS[level]),
    };
  });
  review.status = 'submitted';
  review.submittedAt = new Date(submitted);
  review.scores = scores;
  review.recommendation = level === 'high' ? 'support' : level === 'mid' ? 'revise' : 'reject';
  review.weightedScore = weightedScore(measure.criteria, scores);
  return review;
}

/** 123456789n → «1 234 567,89 ₽», as the applications service writes tranche comments. */
function formatRubles(kopecks: bigint): string {
  const rubles = (kopecks / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${rubles},${(kopecks % 100n).toString().padStart(2, '0')}\u00a0₽`;
}
