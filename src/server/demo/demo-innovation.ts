// A seeded generator of open innovation for the demo: pilot sites across Moscow, requests of corporations and city
// departments, companies' solutions, pilots and contracts, each with the timeline of statuses it went through.
// Pure: no database, no clock, no Math.random — the same input always gives the same data, ids included.
import { type Capability, MOSCOW_DISTRICTS, okvedSectionOf, type TechnologyArea } from '../../shared/domain.ts';
import {
  type CriterionScore,
  DEFAULT_REQUEST_CRITERIA,
  PILOT_MAX_MONTHS,
  PILOT_SITE_KINDS,
  type PilotOutcome,
  type PilotSiteKind,
  type PilotStatus,
  type ProblemType,
  type RequestKind,
  type RequestScope,
  type RequestStatus,
  type RewardKind,
  SOLUTION_SUMMARY_MAX,
  type SolutionStatus,
  type TeamMember,
} from '../../shared/innovation.ts';
import { innWithCheckDigits, ogrnWithCheckDigit } from '../../shared/requisites.ts';
import type { DemoData } from '../config.ts';
import { formatRubles } from '../modules/applications/money.ts';
import { DEADLINE_CLOSE_COMMENT } from '../modules/requests/requests.service.ts';
import { weightedScore } from '../modules/reviews/consensus.ts';
import { type DemoOrganization, Rng } from './demo-organizations.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The earliest request deadline of the demo archive. */
const ARCHIVE_START = Date.UTC(2019, 4, 15);

export interface DemoInnovationSize {
  sites: number;
  requests: number;
  solutions: number;
  /** about: pilots follow from the solutions' stories */
  pilots: number;
}

export const DEMO_INNOVATION_SIZES: Record<DemoData, DemoInnovationSize> = {
  full: { sites: 320, requests: 400, solutions: 4_000, pilots: 640 },
  small: { sites: 20, requests: 30, solutions: 120, pilots: 15 },
  none: { sites: 0, requests: 0, solutions: 0, pilots: 0 },
};

/** What the generator needs of an organization; a DemoOrganization or an organizations row fits. */
export interface DemoInnovationOrganization {
  inn: string;
  shortName: string;
  capabilities: readonly string[];
  technologies: readonly string[];
  okvedMain: string;
  district: string | null;
  address: string | null;
  membershipStatus: string;
}

export interface DemoInnovationInput {
  now: Date;
  size: DemoInnovationSize;
  /** the generated organizations and the demo accounts' ones; the departments and corporations below are added */
  organizations: DemoInnovationOrganization[];
  /** the INNs of the demo accounts' organizations */
  accounts: { company?: string; corporate?: string; city?: string };
  seed?: number;
}

/** Who took a step; the insert resolves it to a person of that side when there is one. */
export type DemoInnovationActor = 'customer' | 'company' | 'site_owner' | 'operator' | 'system';

export interface DemoStep<S extends string> {
  status: S;
  at: Date;
  actor: DemoInnovationActor;
  comment: string | null;
}

export interface DemoPilotSite {
  id: string;
  name: string;
  kind: PilotSiteKind;
  ownerKey: string;
  address: string;
  district: string;
  testable: string;
  description: string;
  active: boolean;
  createdAt: Date;
}

export interface DemoRequest {
  id: string;
  number: string;
  organizationKey: string;
  kind: RequestKind;
  title: string;
  brief: string;
  description: string;
  scopes: RequestScope[];
  technologies: TechnologyArea[];
  problemTypes: ProblemType[];
  expectedResult: string;
  minTrl: number;
  rewardKind: RewardKind;
  budgetKopecks: bigint | null;
  pilotOffered: boolean;
  deadline: Date;
  relatedRequestIds: string[];
  ndaTerms: string | null;
  ndaVersion: number;
  status: RequestStatus;
  lastComment: string | null;
  winnerSolutionIds: string[];
  publishedAt: Date | null;
  closedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  events: DemoStep<RequestStatus>[];
  /** when the demo expert was appointed to score the request's solutions; null: not appointed */
  expertAppointedAt: Date | null;
}

export interface DemoSolutionScore {
  /** the demo expert, or the person of the customer (only for the demo accounts' requests) */
  scorer: 'expert' | 'customer';
  scores: CriterionScore[];
  total: number;
  comment: string | null;
  scoredAt: Date;
}

export interface DemoSolution {
  id: string;
  number: string;
  requestId: string;
  organizationKey: string;
  summary: string;
  description: string;
  novelty: string;
  trl: number;
  team: TeamMember[];
  priceKopecks: bigint | null;
  pilotPlan: string;
  status: SolutionStatus;
  lastComment: string | null;
  scoreAverage: number | null;
  scoreCount: number;
  submittedAt: Date | null;
  decidedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  events: DemoStep<SolutionStatus>[];
  scores: DemoSolutionScore[];
  /** when the company accepted the request's NDA terms (only for the demo company, which has a person to do it) */
  ndaAcceptedAt: Date | null;
}

export interface DemoPilot {
  id: string;
  number: string;
  solutionId: string;
  requestId: string;
  siteId: string;
  organizationKey: string;
  customerKey: string;
  plan: string;
  trl: number;
  startsOn: string;
  endsOn: string;
  status: PilotStatus;
  lastComment: string | null;
  resultReport: string | null;
  outcome: PilotOutcome | null;
  startedAt: Date | null;
  completedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  events: DemoStep<PilotStatus>[];
}

export interface DemoContract {
  id: string;
  solutionId: string;
  /** null: signed straight from the shortlist, without a pilot */
  pilotId: string | null;
  requestId: string;
  organizationKey: string;
  customerKey: string;
  amountKopecks: bigint;
  signedOn: string;
  createdAt: Date;
}

export interface DemoInnovation {
  /** the city departments and corporations the generator added: insert them before the rest */
  organizations: DemoOrganization[];
  sites: DemoPilotSite[];
  requests: DemoRequest[];
  solutions: DemoSolution[];
  pilots: DemoPilot[];
  contracts: DemoContract[];
}

// ---------------------------------------------------------------------------------------------------------------
// The customers the demo adds: Moscow's departments and a few large corporations

interface CustomerProfile {
  shortName: string;
  fullName: string;
  legalForm: string;
  okvedMain: string;
  district: (typeof MOSCOW_DISTRICTS)[number];
  address: string;
  technologies: TechnologyArea[];
  capabilities: Capability[];
  scopes: RequestScope[];
  siteKinds: PilotSiteKind[];
  description: string;
  employees: number;
  /** the titles of the topics it asks about, when its scopes say too little */
  topics?: string[];
}

const CITY = 'города Москвы';
const DEPARTMENT_DESCRIPTION =
  'Орган исполнительной власти города Москвы. Выступает заказчиком инновационных решений и предоставляет площадки подведомственных учреждений для пилотного тестирования.';

function department(
  name: string,
  address: string,
  technologies: TechnologyArea[],
  scopes: RequestScope[],
  siteKinds: PilotSiteKind[],
  employees: number,
): CustomerProfile {
  return {
    shortName: name,
    fullName: `${name} ${CITY}`,
    legalForm: 'ОИВ',
    okvedMain: '84.11',
    district: 'ЦАО',
    address,
    technologies,
    capabilities: ['customer', 'pilot_site_owner'],
    scopes,
    siteKinds,
    description: DEPARTMENT_DESCRIPTION,
    employees,
  };
}

const DEPARTMENTS: CustomerProfile[] = [
  department(
    'Департамент транспорта и развития дорожно-транспортной инфраструктуры',
    'г. Москва, ул. Садовая-Самотёчная, д. 1',
    ['transport', 'smart_city', 'ai'],
    ['transport', 'safety', 'telecom'],
    ['transport'],
    1400,
  ),
  department(
    'Департамент здравоохранения',
    'г. Москва, Оружейный пер., д. 43',
    ['medtech', 'ai', 'big_data'],
    ['healthcare'],
    ['clinic'],
    1100,
  ),
  department(
    'Департамент образования и науки',
    'г. Москва, Мамоновский пер., д. 4',
    ['edtech', 'vr_ar', 'ai'],
    ['education', 'safety'],
    ['school'],
    900,
  ),
  department(
    'Департамент информационных технологий',
    'г. Москва, ул. 1-я Тверская-Ямская, д. 14',
    ['ai', 'big_data', 'cybersecurity'],
    ['public_services', 'safety', 'telecom'],
    [],
    800,
  ),
  department(
    'Департамент жилищно-коммунального хозяйства',
    'г. Москва, ул. Каретный Ряд, д. 2',
    ['iot', 'smart_city', 'energy'],
    ['housing', 'energy', 'construction'],
    ['construction'],
    700,
  ),
  department(
    'Департамент культуры',
    'г. Москва, ул. Тверская, д. 5',
    ['vr_ar', 'ai', 'big_data'],
    ['culture', 'tourism'],
    ['culture', 'park'],
    500,
  ),
  department('Департамент спорта', 'г. Москва, ул. Воронцово Поле, д. 7', ['iot', 'ai'], ['sport'], ['sport'], 400),
  department(
    'Департамент природопользования и охраны окружающей среды',
    'г. Москва, ул. Новый Арбат, д. 11',
    ['cleantech', 'iot', 'drones'],
    ['ecology'],
    ['park'],
    450,
  ),
  department(
    'Департамент инвестиционной и промышленной политики',
    'г. Москва, ул. Новый Арбат, д. 36',
    ['manufacturing', 'robotics', 'new_materials'],
    ['industry', 'energy'],
    ['factory'],
    350,
  ),
];

function corporation(
  legalForm: string,
  quoted: string,
  okvedMain: string,
  district: CustomerProfile['district'],
  address: string,
  technologies: TechnologyArea[],
  scopes: RequestScope[],
  siteKinds: PilotSiteKind[],
  description: string,
  employees: number,
  topics?: string[],
): CustomerProfile {
  const names: Record<string, string> = {
    ПАО: 'Публичное акционерное общество',
    АО: 'Акционерное общество',
  };
  return {
    shortName: `${legalForm} «${quoted}»`,
    fullName: `${names[legalForm]} «${quoted}»`,
    legalForm,
    okvedMain,
    district,
    address,
    technologies,
    capabilities: siteKinds.length ? ['company', 'customer', 'pilot_site_owner'] : ['company', 'customer'],
    scopes,
    siteKinds,
    description,
    employees,
    topics,
  };
}

const CORPORATIONS: CustomerProfile[] = [
  corporation(
    'ПАО',
    'Столичные телекоммуникации',
    '61.10',
    'ЦАО',
    'г. Москва, ул. Большая Ордынка, д. 25, стр. 1',
    ['iot', 'big_data', 'cybersecurity'],
    ['telecom', 'public_services'],
    [],
    'Оператор фиксированной и мобильной связи Москвы; ищем решения для сетей связи и цифровых сервисов.',
    9200,
  ),
  corporation(
    'АО',
    'Мосинжстрой',
    '41.20',
    'ЮАО',
    'г. Москва, Варшавское ш., д. 47, корп. 4',
    ['construction', 'drones', 'iot'],
    ['construction', 'housing'],
    ['construction'],
    'Генеральный подрядчик жилищного и социального строительства; предоставляем строительные площадки для пилотов.',
    4800,
  ),
  corporation(
    'АО',
    'Столица-Фарм',
    '47.73',
    'СВАО',
    'г. Москва, пр-т Мира, д. 102, стр. 34',
    ['ai', 'big_data'],
    ['retail', 'healthcare'],
    [],
    'Аптечная сеть: более 600 аптек в Москве и области; внедряем аналитику спроса и цифровые сервисы для покупателей.',
    7300,
    [
      'Прогнозирование спроса в розничной сети',
      'Распознавание пустых полок в торговом зале',
      'Предотвращение мошенничества на кассах самообслуживания',
      'Роботизация складских операций',
    ],
  ),
  corporation(
    'АО',
    'Завод «Мосприбор»',
    '26.51',
    'ВАО',
    'г. Москва, ул. Электрозаводская, д. 24',
    ['electronics', 'manufacturing', 'robotics'],
    ['industry'],
    ['factory'],
    'Производитель контрольно-измерительных приборов; модернизируем производство и тестируем решения в своих цехах.',
    2600,
  ),
  corporation(
    'ПАО',
    'Городской банк',
    '64.19',
    'ЦАО',
    'г. Москва, ул. Мясницкая, д. 35',
    ['fintech', 'ai', 'cybersecurity'],
    ['finance', 'retail'],
    [],
    'Универсальный банк; развиваем цифровые каналы обслуживания и ищем решения для кредитного конвейера и антифрода.',
    11_500,
    [
      'Распознавание документов в кредитном конвейере',
      'Выявление мошеннических операций в реальном времени',
      'Голосовой помощник для справочной службы',
      'Защита городских цифровых сервисов от DDoS-атак',
    ],
  ),
  corporation(
    'АО',
    'Городские инженерные сети',
    '36.00',
    'СВАО',
    'г. Москва, ул. Сельскохозяйственная, д. 19',
    ['iot', 'cleantech', 'energy'],
    ['housing', 'ecology', 'energy'],
    ['construction', 'factory'],
    'Эксплуатируем инженерные сети и очистные сооружения; предоставляем объекты для испытаний решений.',
    6100,
  ),
];

const CUSTOMER_PROFILES = [...DEPARTMENTS, ...CORPORATIONS];

/**
 * The departments and corporations the demo adds as customers (not cluster members). INN bodies 9907… and OGRN
 * bodies 1027799100… stay clear of the generated organizations and of the demo accounts' ones.
 */
export function demoInnovationOrganizations(): DemoOrganization[] {
  return CUSTOMER_PROFILES.map((p, i) => ({
    legalType: 'legal_entity',
    inn: innWithCheckDigits(`9907${String(i + 1).padStart(5, '0')}`),
    ogrn: ogrnWithCheckDigit(`1027799100${String(i + 1).padStart(2, '0')}`),
    kpp: '770101001',
    fullName: p.fullName,
    shortName: p.shortName,
    legalForm: p.legalForm,
    regionCode: '77',
    district: p.district,
    address: p.address,
    okvedMain: p.okvedMain,
    okvedSection: okvedSectionOf(p.okvedMain) ?? 'O',
    okvedExtra: [],
    smeCategory: 'large',
    foundedOn: p.legalForm === 'ОИВ' ? '2011-03-01' : `${2000 + (i % 12)}-06-15`,
    employees: p.employees,
    // a city department has no revenue to speak of: unknown rather than zero
    annualRevenueKopecks: (p.legalForm === 'ОИВ' ? null : BigInt(p.employees) * 450_000_000n) as bigint,
    website: null,
    description: p.description,
    technologies: p.technologies,
    isStartup: false,
    startupStage: null,
    isExporter: false,
    residencies: [],
    capabilities: p.capabilities,
    membershipStatus: 'none',
    membershipKind: null,
    registryNumber: null,
    admittedAt: null,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Places: Moscow's districts, streets and the named sites in them

type District = (typeof MOSCOW_DISTRICTS)[number];

const STREETS: Record<District, string[]> = {
  ЦАО: [
    'ул. Большая Ордынка',
    'ул. Мясницкая',
    'ул. Покровка',
    'ул. Бауманская',
    'ул. Сретенка',
    'Краснопролетарская ул.',
    'ул. Зацепа',
    'Смоленский б-р',
  ],
  САО: ['Ленинградский пр-т', 'Дмитровское ш.', 'ул. Правды', 'Кронштадтский б-р', 'Онежская ул.', 'Коровинское ш.'],
  СВАО: ['пр-т Мира', 'ул. Академика Королёва', 'Алтуфьевское ш.', 'ул. Менжинского', 'ул. Пришвина', 'Ярославское ш.'],
  ВАО: ['Щёлковское ш.', 'ул. Большая Семёновская', 'Измайловское ш.', 'ул. Новогиреевская', 'Свободный пр-т'],
  ЮВАО: ['Волгоградский пр-т', 'Рязанский пр-т', 'Люблинская ул.', 'ул. Маршала Чуйкова', 'ул. Братиславская'],
  ЮАО: ['Варшавское ш.', 'ул. Нагатинская', 'Каширское ш.', 'Ореховый б-р', 'Балаклавский пр-т'],
  ЮЗАО: ['Ленинский пр-т', 'ул. Профсоюзная', 'ул. Обручева', 'ул. Миклухо-Маклая', 'ул. Грина'],
  ЗАО: ['Кутузовский пр-т', 'Мичуринский пр-т', 'Можайское ш.', 'ул. Академика Анохина', 'Солнцевский пр-т'],
  СЗАО: ['ул. Маршала Бирюзова', 'Волоколамское ш.', 'ул. Народного Ополчения', 'ул. Твардовского', 'Митинская ул.'],
  ЗелАО: [
    'г. Зеленоград, Панфиловский пр-т',
    'г. Зеленоград, Центральный пр-т',
    'г. Зеленоград, ул. Гоголя',
    'г. Зеленоград, Савёлкинский пр.',
  ],
  НАО: [
    'поселение Сосенское, пос. Коммунарка, ул. Липовый Парк',
    'поселение Московский, г. Московский, ул. Радужная',
    'поселение Внуковское, ул. Бориса Пастернака',
    'поселение Десёновское, ул. Нововатутинская',
  ],
  ТАО: ['г. Троицк, Калужское ш.', 'г. Троицк, ул. Физическая', 'г. Троицк, Октябрьский пр-т'],
};

const DISTRICT_WEIGHTS: ReadonlyArray<readonly [District, number]> = [
  ['ЦАО', 12],
  ['САО', 10],
  ['СВАО', 10],
  ['ВАО', 10],
  ['ЮВАО', 9],
  ['ЮАО', 10],
  ['ЮЗАО', 9],
  ['ЗАО', 9],
  ['СЗАО', 7],
  ['ЗелАО', 4],
  ['НАО', 5],
  ['ТАО', 3],
];

/** Real places of Moscow by kind: name, district, address. */
const NAMED_SITES: Partial<Record<PilotSiteKind, Array<[string, District, string]>>> = {
  park: [
    ['Парк Горького', 'ЦАО', 'г. Москва, ул. Крымский Вал, д. 9'],
    ['Парк «Зарядье»', 'ЦАО', 'г. Москва, ул. Варварка, д. 6'],
    ['Сад «Эрмитаж»', 'ЦАО', 'г. Москва, ул. Каретный Ряд, д. 3'],
    ['Парк «Дружба»', 'САО', 'г. Москва, Флотская ул., д. 1А'],
    ['Тимирязевский парк', 'САО', 'г. Москва, ул. Вучетича, вл. 1'],
    ['Парк «Останкино»', 'СВАО', 'г. Москва, ул. Академика Королёва, д. 13'],
    ['Лианозовский парк', 'СВАО', 'г. Москва, Угличская ул., д. 13'],
    ['Парк «Сокольники»', 'ВАО', 'г. Москва, ул. Сокольнический Вал, д. 1, стр. 1'],
    ['Измайловский парк', 'ВАО', 'г. Москва, Народный пр-т, д. 17'],
    ['Парк «Кузьминки»', 'ЮВАО', 'г. Москва, Кузьминская ул., д. 10'],
    ['Парк 850-летия Москвы', 'ЮВАО', 'г. Москва, ул. Братиславская, вл. 2'],
    ['Музей-заповедник «Царицыно»', 'ЮАО', 'г. Москва, ул. Дольская, д. 1'],
    ['Музей-заповедник «Коломенское»', 'ЮАО', 'г. Москва, пр-т Андропова, д. 39'],
    ['Парк «Борисовские пруды»', 'ЮАО', 'г. Москва, Борисовский пр., вл. 1'],
    ['Воронцовский парк', 'ЮЗАО', 'г. Москва, ул. Воронцовские Пруды, д. 3'],
    ['Парк «Южное Бутово»', 'ЮЗАО', 'г. Москва, ул. Поляны, вл. 8'],
    ['Парк Победы на Поклонной горе', 'ЗАО', 'г. Москва, пл. Победы, д. 3'],
    ['Парк «Фили»', 'ЗАО', 'г. Москва, Большая Филёвская ул., д. 22'],
    ['Парк «Северное Тушино»', 'СЗАО', 'г. Москва, ул. Свободы, д. 56'],
    ['Парк «Покровское-Стрешнево»', 'СЗАО', 'г. Москва, Волоколамское ш., д. 52'],
    ['Парк Победы в Зеленограде', 'ЗелАО', 'г. Москва, г. Зеленоград, Панфиловский пр-т, вл. 10'],
    ['Парк «Филатов луг»', 'НАО', 'г. Москва, поселение Сосенское, пос. Коммунарка, вл. 24'],
    ['Парк «Троицкий»', 'ТАО', 'г. Москва, г. Троицк, Октябрьский пр-т, вл. 3'],
  ],
  transport: [
    ['Депо «Владыкино»', 'СВАО', 'г. Москва, Сигнальный пр., д. 21'],
    ['Депо «Свиблово»', 'СВАО', 'г. Москва, Лазоревый пр., д. 2'],
    ['Депо «Сокол»', 'САО', 'г. Москва, Ленинградский пр-т, д. 81'],
    ['Депо «Лихоборы»', 'САО', 'г. Москва, Коровинское ш., вл. 1'],
    ['Депо «Замоскворецкое»', 'ЮАО', 'г. Москва, Каширское ш., д. 22'],
    ['Депо «Братеево»', 'ЮАО', 'г. Москва, Борисовские пруды, вл. 2'],
    ['Депо «Измайлово»', 'ВАО', 'г. Москва, Измайловское ш., д. 73'],
    ['Депо «Новогиреево»', 'ВАО', 'г. Москва, Свободный пр-т, д. 33'],
    ['Депо «Печатники»', 'ЮВАО', 'г. Москва, ул. Шоссейная, д. 90'],
    ['Депо «Выхино»', 'ЮВАО', 'г. Москва, Рязанский пр-т, д. 99'],
    ['Депо «Калужское»', 'ЮЗАО', 'г. Москва, ул. Профсоюзная, д. 133'],
    ['Депо «Фили»', 'ЗАО', 'г. Москва, Багратионовский пр., д. 1'],
    ['Депо «Солнцево»', 'ЗАО', 'г. Москва, Солнцевский пр-т, вл. 1'],
    ['Депо «Планерное»', 'СЗАО', 'г. Москва, ул. Фомичёвой, д. 3'],
    ['Депо «Митино»', 'СЗАО', 'г. Москва, Пятницкое ш., вл. 40'],
    ['Депо «Красная Пресня»', 'ЦАО', 'г. Москва, ул. 1905 года, д. 18'],
    ['Трамвайное депо имени Баумана', 'ЦАО', 'г. Москва, ул. Бакунинская, д. 99'],
    ['Трамвайное депо имени Апакова', 'ЮАО', 'г. Москва, ул. Шаболовка, д. 30'],
    ['Октябрьское трамвайное депо', 'СЗАО', 'г. Москва, ул. Маршала Бирюзова, д. 2'],
    ['Автобусный парк «Зеленоград»', 'ЗелАО', 'г. Москва, г. Зеленоград, Савёлкинский пр., вл. 6'],
    ['Депо «Столбово»', 'НАО', 'г. Москва, поселение Сосенское, пос. Коммунарка, вл. 17'],
    ['Автостанция «Троицк»', 'ТАО', 'г. Москва, г. Троицк, Калужское ш., вл. 2'],
  ],
  factory: [
    ['Технопарк «Калибр»', 'СВАО', 'г. Москва, ул. Годовикова, д. 9'],
    ['Технопарк «Нагатино»', 'ЮАО', 'г. Москва, пр-т Андропова, д. 18, корп. 7'],
    ['Технопарк «Слава»', 'САО', 'г. Москва, Ленинградский пр-т, д. 47'],
    ['Технопарк «Строгино»', 'СЗАО', 'г. Москва, ул. Исаковского, д. 6'],
    ['ОЭЗ «Технополис «Москва», площадка «Печатники»', 'ЮВАО', 'г. Москва, Волгоградский пр-т, д. 42'],
    ['ОЭЗ «Технополис «Москва», площадка «Алабушево»', 'ЗелАО', 'г. Москва, г. Зеленоград, ул. Гоголя, вл. 11'],
    ['Технопарк «Отрадное»', 'СВАО', 'г. Москва, ул. Декабристов, д. 51'],
  ],
  culture: [
    ['Музей Москвы', 'ЦАО', 'г. Москва, Зубовский б-р, д. 2'],
    ['Московский планетарий', 'ЦАО', 'г. Москва, ул. Садовая-Кудринская, д. 5'],
    ['Культурный центр «Зодчие»', 'ВАО', 'г. Москва, ул. Вешняковская, д. 18Г'],
    ['Культурный центр «Москворечье»', 'ЮАО', 'г. Москва, Каширское ш., д. 57, корп. 5'],
  ],
};

const CULTURE_NAMES = [
  'Меридиан',
  'Энтузиаст',
  'Интеграция',
  'Лефортово',
  'Вдохновение',
  'Салют',
  'Гармония',
  'Онежский',
  'Ангарский',
  'Дружба',
  'Созвездие',
  'Рассвет',
  'Орион',
  'Спутник',
  'Северное сияние',
  'Содружество',
];
const SPORT_NAMES = [
  'Олимп',
  'Буревестник',
  'Мещерский',
  'Ника',
  'Флагман',
  'Чертаново',
  'Крылатское',
  'Энергия',
  'Старт',
  'Арена',
  'Выбор',
  'Северный',
  'Сокол',
  'Витязь',
];
const TECHNOPARK_NAMES = [
  'Руднево',
  'Кулон',
  'Мосгормаш',
  'Элма',
  'Сапфир',
  'Фрезер',
  'Салют',
  'Медтех',
  'Импульс',
  'Квант',
];
const SQUARE_NAMES = [
  'Юбилейный',
  'Молодёжный',
  'Липовый',
  'Берёзовый',
  'Школьный',
  'Весенний',
  'Дружбы',
  'Победы',
  'Сиреневый',
];
const ESTATE_NAMES = [
  'Северный парк',
  'Огни столицы',
  'Зелёный квартал',
  'Новые горизонты',
  'Лесная поляна',
  'Городские истории',
  'Солнечный берег',
  'Сердце района',
];

const KIND_WEIGHTS: ReadonlyArray<readonly [PilotSiteKind, number]> = [
  ['school', 22],
  ['clinic', 15],
  ['park', 10],
  ['transport', 12],
  ['construction', 10],
  ['factory', 14],
  ['culture', 10],
  ['sport', 7],
];

const TESTABLE: Record<PilotSiteKind, string[]> = {
  school: [
    'образовательные платформы и цифровые сервисы для уроков',
    'датчики микроклимата, освещения и энергопотребления',
    'системы контроля доступа и безопасности',
    'VR/AR-оборудование и робототехнические наборы',
  ],
  clinic: [
    'медицинские информационные системы и сервисы ИИ',
    'диагностическое оборудование и экспресс-тесты',
    'навигация пациентов и управление очередью',
    'телемедицинские сервисы',
  ],
  park: [
    'датчики качества воздуха и шума',
    'видеонаблюдение и видеоаналитика',
    'умное освещение и малые архитектурные формы',
    'сервисы для посетителей: навигация, AR-экскурсии',
    'мониторинг зелёных насаждений',
  ],
  transport: [
    'бортовое оборудование подвижного состава',
    'системы диагностики инфраструктуры',
    'видеоаналитика и подсчёт пассажиров',
    'сервисы информирования пассажиров',
    'связь и навигация',
  ],
  construction: [
    'мониторинг конструкций и строительной техники',
    'аэросъёмка и лазерное сканирование',
    'новые строительные материалы',
    'системы охраны труда',
    'датчики инженерных систем',
  ],
  factory: [
    'промышленная автоматизация и робототехника',
    'машинное зрение для контроля качества',
    'датчики состояния оборудования',
    'энергоэффективные решения',
  ],
  culture: [
    'мультимедийные гиды и AR/VR-экспозиции',
    'аналитика посещаемости',
    'оцифровка фондов',
    'навигация и доступная среда',
  ],
  sport: [
    'анализ движений и видеоаналитика',
    'покрытия и спортивное оборудование',
    'сервисы бронирования и контроля доступа',
    'носимые датчики',
  ],
};

const ACCESS = [
  'доступ в рабочие часы по согласованию с администрацией',
  'доступ круглосуточно по пропускам',
  'доступ вечером и в выходные дни',
  'доступ по графику, согласованному с эксплуатирующей службой',
];

/** 1 цех, 2 цеха, 5 цехов. */
function plural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  const word = tens >= 11 && tens <= 14 ? many : units === 1 ? one : units >= 2 && units <= 4 ? few : many;
  return `${n} ${word}`;
}

function siteDescription(rng: Rng, kind: PilotSiteKind, name: string): string {
  const about: Record<PilotSiteKind, () => string> = {
    school: () =>
      `Общеобразовательная школа: около ${rng.int(8, 40) * 100} учеников, ${plural(rng.int(2, 6), 'здание', 'здания', 'зданий')}`,
    clinic: () =>
      name.includes('ГКБ')
        ? `Городская клиническая больница: ${plural(rng.int(40, 160) * 10, 'койка', 'койки', 'коек')}`
        : `Поликлиника: прикреплено около ${rng.int(40, 180)} тыс. жителей`,
    park: () =>
      name.startsWith('Сквер')
        ? `Сквер площадью ${rng.int(5, 40) / 10} га`.replace('.', ',')
        : `Территория площадью ${rng.int(12, 600)} га, до ${rng.int(5, 90)} тыс. посетителей в выходной день`,
    transport: () =>
      `Объект транспортной инфраструктуры: ${plural(rng.int(40, 400), 'единица', 'единицы', 'единиц')} подвижного состава`,
    construction: () => `Строительный объект: ${rng.int(8, 160)} тыс. м² общей площади`,
    factory: () =>
      `Производственные площади ${rng.int(2, 60)} тыс. м², ${plural(rng.int(1, 12), 'цех', 'цеха', 'цехов')}`,
    culture: () => `Учреждение культуры: ${rng.int(20, 600)} тыс. посетителей в год`,
    sport: () => `Спортивный объект: залов и площадок — ${rng.int(1, 8)}, около ${rng.int(3, 40) * 100} занимающихся`,
  };
  return `${about[kind]()}; ${rng.pick(ACCESS)}.`;
}

// ---------------------------------------------------------------------------------------------------------------
// The tasks customers publish

interface Topic {
  scopes: RequestScope[];
  title: string;
  /** qualifiers some titles get */
  where?: string[];
  /** the situation today */
  problem: string;
  /** what the customer looks for (accusative, after «ищет») */
  need: string;
  requirements: string;
  result: string;
  technologies: TechnologyArea[];
  problems: ProblemType[];
  /** where it is piloted; undefined: anywhere the customer has */
  site?: PilotSiteKind;
  /** what a company offers (accusative, after «Предлагаем») */
  products: string[];
  /** the pilot's measure, nominative, and its target in percent */
  metric: string;
  target: number;
}

const TOPICS: Topic[] = [
  {
    scopes: ['transport'],
    title: 'Выявление нарушений правил парковки по видеопотоку',
    where: ['в центре Москвы', 'на выделенных полосах'],
    problem: 'Нарушения парковки выявляются вручную по записям с камер, инспекторы не успевают обработать поток.',
    need: 'решение, которое автоматически распознаёт нарушения парковки на видео с городских камер',
    requirements:
      'Работа с существующими камерами без замены оборудования, обработка не менее 200 видеопотоков, передача нарушений в информационную систему ЦОДД.',
    result: 'Доля автоматически выявленных нарушений не ниже 90 %, вдвое меньше ручного просмотра записей.',
    technologies: ['ai', 'smart_city'],
    problems: ['automation', 'monitoring'],
    site: 'transport',
    products: ['программный комплекс видеоаналитики', 'облачный сервис распознавания нарушений на базе нейросетей'],
    metric: 'точность распознавания нарушений',
    target: 90,
  },
  {
    scopes: ['transport'],
    title: 'Прогнозирование пассажиропотока на станциях метро',
    where: ['и МЦК', 'в часы пик'],
    problem:
      'Пиковые нагрузки на станциях возникают неожиданно: персонал и составы перераспределяют по опыту диспетчеров.',
    need: 'сервис прогнозирования пассажиропотока на горизонте от 15 минут до суток',
    requirements:
      'Использование данных турникетов и валидаторов, ошибка прогноза не более 10 %, обновление прогноза каждые 15 минут.',
    result: 'Прогноз пассажиропотока с ошибкой не более 10 %, меньше перегруженных станций в часы пик.',
    technologies: ['big_data', 'ai', 'transport'],
    problems: ['analytics', 'customer_experience'],
    site: 'transport',
    products: ['платформу прогнозной аналитики', 'сервис машинного обучения для прогноза пассажиропотока'],
    metric: 'точность прогноза пассажиропотока',
    target: 90,
  },
  {
    scopes: ['transport', 'safety'],
    title: 'Мониторинг состояния контактной сети трамвая',
    problem: 'Износ контактного провода обнаруживают при плановых обходах, обрывы приводят к остановке движения.',
    need: 'систему непрерывного мониторинга контактной сети с подвижного состава',
    requirements: 'Установка на трамвайные вагоны без доработки кузова, выявление дефектов на скорости до 60 км/ч.',
    result: 'Выявление не менее 85 % дефектов до отказа, на 30 % меньше внеплановых остановок движения.',
    technologies: ['iot', 'ai', 'transport'],
    problems: ['safety', 'monitoring'],
    site: 'transport',
    products: ['бортовой комплекс диагностики', 'систему машинного зрения для контроля контактной сети'],
    metric: 'доля выявленных дефектов',
    target: 85,
  },
  {
    scopes: ['transport'],
    title: 'Автоматический подсчёт пассажиров в наземном транспорте',
    where: ['на маршрутах электробусов'],
    problem: 'Данные о наполняемости автобусов есть только по валидациям, безбилетные поездки не учитываются.',
    need: 'решение для точного подсчёта входящих и выходящих пассажиров',
    requirements: 'Точность подсчёта не ниже 95 %, работа при любой освещённости, передача данных по сети 4G.',
    result: 'Точные данные о наполняемости для корректировки расписаний, точность подсчёта не ниже 95 %.',
    technologies: ['ai', 'iot', 'transport'],
    problems: ['analytics', 'monitoring'],
    site: 'transport',
    products: ['стереокамеры с бортовым вычислителем', 'систему подсчёта пассажиров на основе 3D-датчиков'],
    metric: 'точность подсчёта пассажиров',
    target: 95,
  },
  {
    scopes: ['transport', 'safety'],
    title: 'Обнаружение посторонних предметов на путях метрополитена',
    problem: 'Посторонние предметы на путях обнаруживают машинисты, что приводит к экстренным торможениям.',
    need: 'систему раннего обнаружения посторонних предметов и людей на путях',
    requirements:
      'Работа в тоннеле при низкой освещённости, время реакции не более 2 секунд, интеграция с системой диспетчеризации.',
    result: 'Обнаружение не менее 95 % событий, меньше экстренных торможений.',
    technologies: ['ai', 'robotics'],
    problems: ['safety', 'monitoring'],
    site: 'transport',
    products: ['комплекс видеоаналитики с тепловизорами', 'систему лидарного контроля путей'],
    metric: 'доля обнаруженных событий',
    target: 95,
  },
  {
    scopes: ['healthcare'],
    title: 'Анализ флюорограмм с помощью искусственного интеллекта',
    where: ['в поликлиниках', 'для взрослого населения'],
    problem: 'Рентгенологи перегружены: на описание одного флюорографического снимка уходит до 5 минут.',
    need: 'систему ИИ для предварительного анализа и сортировки флюорограмм',
    requirements:
      'Регистрация медицинского изделия, интеграция с ЕРИС ЕМИАС, чувствительность выявления патологий не ниже 95 %.',
    result: 'Время описания снимков на 30 % меньше, снимки с патологией описываются первыми.',
    technologies: ['ai', 'medtech'],
    problems: ['quality', 'automation'],
    site: 'clinic',
    products: ['медицинское изделие на основе нейросетей', 'сервис компьютерного зрения для рентгенологии'],
    metric: 'чувствительность выявления патологий',
    target: 95,
  },
  {
    scopes: ['healthcare'],
    title: 'Дистанционный мониторинг пациентов с артериальной гипертензией',
    problem: 'Пациенты с гипертензией приходят к врачу раз в несколько месяцев, обострения выявляются поздно.',
    need: 'платформу дистанционного наблюдения с носимыми тонометрами',
    requirements:
      'Передача показаний в ЕМИАС, оповещение врача при критических значениях, простое приложение для пожилых пациентов.',
    result: 'На 20 % меньше вызовов скорой помощи у наблюдаемых пациентов.',
    technologies: ['medtech', 'iot'],
    problems: ['quality', 'customer_experience'],
    site: 'clinic',
    products: ['платформу телемедицинского мониторинга', 'комплекс из умных тонометров и сервиса для врача'],
    metric: 'доля пациентов с контролируемым давлением',
    target: 70,
  },
  {
    scopes: ['healthcare'],
    title: 'Интеллектуальная маршрутизация пациентов в поликлинике',
    problem: 'Пациенты теряют время в очередях к кабинетам диагностики, загрузка кабинетов неравномерна.',
    need: 'сервис, который выстраивает оптимальный маршрут пациента по кабинетам',
    requirements: 'Интеграция с расписанием ЕМИАС, уведомления в мобильном приложении, работа на инфоматах.',
    result: 'Среднее время ожидания на 25 % меньше.',
    technologies: ['ai', 'big_data'],
    problems: ['customer_experience', 'cost_reduction'],
    site: 'clinic',
    products: ['сервис маршрутизации пациентов', 'модуль оптимизации расписания кабинетов'],
    metric: 'сокращение времени ожидания',
    target: 25,
  },
  {
    scopes: ['healthcare'],
    title: 'Экспресс-диагностика инфекций в приёмных отделениях',
    problem: 'Результаты лабораторных анализов при поступлении пациента приходят через несколько часов.',
    need: 'решение для экспресс-диагностики у постели пациента',
    requirements:
      'Время анализа не более 20 минут, регистрационное удостоверение Росздравнадзора, расходные материалы российского производства.',
    result: 'Результат анализа за 20 минут, лечение начинается раньше.',
    technologies: ['biotech', 'medtech'],
    problems: ['quality', 'import_substitution'],
    site: 'clinic',
    products: ['портативный анализатор', 'тест-систему экспресс-диагностики'],
    metric: 'совпадение с лабораторными результатами',
    target: 95,
  },
  {
    scopes: ['education'],
    title: 'Адаптивная платформа для обучения математике',
    where: ['в 5–9 классах', 'для подготовки к ОГЭ'],
    problem: 'Учителя не успевают подбирать задания под уровень каждого ученика.',
    need: 'цифровую платформу, которая подбирает задания по уровню ученика',
    requirements: 'Интеграция с МЭШ, соответствие ФГОС, работа на школьных планшетах и ноутбуках.',
    result: 'Средний балл диагностических работ выше на 10 %.',
    technologies: ['edtech', 'ai'],
    problems: ['quality', 'new_product'],
    site: 'school',
    products: ['адаптивную образовательную платформу', 'сервис персональных траекторий обучения'],
    metric: 'рост результатов диагностических работ',
    target: 10,
  },
  {
    scopes: ['education'],
    title: 'Виртуальные лаборатории для уроков химии и физики',
    problem: 'Часть опытов нельзя провести в школе из-за требований безопасности и нехватки реактивов.',
    need: 'VR-лаборатории с опытами по школьной программе',
    requirements:
      'Не менее 40 работ по программе 8–11 классов, работа на отечественных VR-шлемах, режим управления классом для учителя.',
    result: 'Все практические работы программы проводятся, вовлечённость учеников растёт.',
    technologies: ['vr_ar', 'edtech'],
    problems: ['quality', 'safety'],
    site: 'school',
    products: ['комплекс виртуальных лабораторий', 'VR-класс с методическими материалами'],
    metric: 'доля учеников, выполнивших работы',
    target: 90,
  },
  {
    scopes: ['education', 'housing'],
    title: 'Контроль микроклимата в учебных классах',
    problem: 'В классах бывает душно, проветривание зависит от учителя, растёт заболеваемость.',
    need: 'систему датчиков CO₂, температуры и влажности с рекомендациями по проветриванию',
    requirements: 'Беспроводные датчики, данные в личном кабинете директора, управление приточной вентиляцией.',
    result: 'Концентрация CO₂ в классах не выше 1000 ppm в 95 % учебного времени.',
    technologies: ['iot', 'smart_city'],
    problems: ['monitoring', 'quality'],
    site: 'school',
    products: ['сеть беспроводных датчиков микроклимата', 'систему умной вентиляции'],
    metric: 'доля времени с нормальным уровнем CO₂',
    target: 95,
  },
  {
    scopes: ['education', 'safety'],
    title: 'Бесконтактный контроль доступа в здания школ',
    problem: 'Охрана не успевает проверять пропуска в часы пик, карты пропусков передают посторонним.',
    need: 'систему бесконтактного контроля доступа с уведомлениями родителям',
    requirements: 'Пропускная способность не менее 40 человек в минуту, интеграция с МЭШ, хранение данных в России.',
    result: 'Проход без очередей в часы пик, уведомления родителям о приходе и уходе ребёнка.',
    technologies: ['ai', 'cybersecurity'],
    problems: ['safety', 'customer_experience'],
    site: 'school',
    products: ['систему контроля доступа', 'программно-аппаратный комплекс для проходных'],
    metric: 'доля проходов без задержек',
    target: 98,
  },
  {
    scopes: ['housing'],
    title: 'Предиктивное обслуживание лифтового оборудования',
    problem: 'Лифты ремонтируют после отказов, жители подолгу ждут восстановления.',
    need: 'систему удалённого мониторинга и прогнозирования отказов лифтов',
    requirements: 'Установка без замены станции управления, передача данных в ОДС, прогноз отказа за 7 дней.',
    result: 'На 30 % меньше аварийных остановок лифтов.',
    technologies: ['iot', 'ai'],
    problems: ['monitoring', 'cost_reduction'],
    site: 'construction',
    products: ['IoT-модуль диагностики лифтов', 'платформу предиктивной аналитики'],
    metric: 'снижение аварийных остановок',
    target: 30,
  },
  {
    scopes: ['housing'],
    title: 'Раннее выявление протечек в подвалах жилых домов',
    problem: 'Протечки в подвалах обнаруживают по жалобам жителей, когда ущерб уже нанесён.',
    need: 'беспроводные датчики протечек с оповещением диспетчера',
    requirements: 'Автономная работа не менее 5 лет, связь LoRaWAN или NB-IoT, интеграция с ЕДЦ.',
    result: 'Протечка обнаруживается в течение 15 минут, ущерб от заливов меньше.',
    technologies: ['iot', 'smart_city'],
    problems: ['monitoring', 'cost_reduction'],
    site: 'construction',
    products: ['комплект беспроводных датчиков протечки', 'сервис диспетчеризации инженерных систем'],
    metric: 'доля протечек, выявленных датчиками',
    target: 90,
  },
  {
    scopes: ['housing', 'energy'],
    title: 'Автоматический сбор показаний общедомовых счётчиков',
    problem: 'Показания общедомовых приборов учёта снимают вручную, ошибки приводят к спорам с жителями.',
    need: 'решение для дистанционного сбора показаний счётчиков тепла и воды',
    requirements: 'Поддержка распространённых моделей счётчиков, передача данных раз в час, защита от вмешательства.',
    result: '98 % показаний собираются автоматически, без выезда персонала.',
    technologies: ['iot', 'big_data'],
    problems: ['automation', 'cost_reduction'],
    site: 'construction',
    products: ['автоматизированную систему учёта', 'сеть радиомодулей для приборов учёта'],
    metric: 'доля показаний, собранных автоматически',
    target: 98,
  },
  {
    scopes: ['construction'],
    title: 'Контроль хода строительства по данным аэросъёмки',
    problem: 'Отставание от графика строительства выявляется при ежемесячных выездах инспекторов.',
    need: 'сервис, который сравнивает данные аэросъёмки с графиком работ и BIM-моделью',
    requirements: 'Облёты раз в неделю, точность модели не хуже 5 см, отчёт об отклонениях в течение суток.',
    result: 'Отклонения от графика видны в течение недели, а не месяца.',
    technologies: ['drones', 'construction', 'ai'],
    problems: ['monitoring', 'analytics'],
    site: 'construction',
    products: ['сервис аэромониторинга строительства', 'платформу сравнения облаков точек с BIM-моделью'],
    metric: 'доля выявленных отклонений',
    target: 90,
  },
  {
    scopes: ['construction', 'safety'],
    title: 'Мониторинг деформаций несущих конструкций',
    problem: 'Деформации соседних зданий при строительстве контролируют вручную, раз в несколько дней.',
    need: 'систему автоматического мониторинга деформаций и вибраций',
    requirements: 'Датчики с точностью 0,1 мм, оповещение при превышении порогов, круглосуточная работа.',
    result: 'Непрерывный контроль деформаций, оповещение в течение 5 минут.',
    technologies: ['iot', 'construction'],
    problems: ['safety', 'monitoring'],
    site: 'construction',
    products: ['систему мониторинга конструкций', 'комплекс беспроводных инклинометров и тензодатчиков'],
    metric: 'доля времени непрерывного контроля',
    target: 99,
  },
  {
    scopes: ['construction'],
    title: 'Проверка проектной документации с помощью ИИ',
    problem: 'Экспертиза проектной документации занимает недели, типовые ошибки находят вручную.',
    need: 'сервис автоматической проверки проектов на соответствие нормативам',
    requirements: 'Работа с форматами IFC и PDF, проверка не менее 500 требований сводов правил, отчёт с замечаниями.',
    result: 'Срок проверки проектной документации на 40 % короче.',
    technologies: ['ai', 'construction'],
    problems: ['automation', 'quality'],
    site: 'construction',
    products: ['сервис автоматического нормоконтроля', 'модуль проверки BIM-моделей'],
    metric: 'доля найденных замечаний',
    target: 85,
  },
  {
    scopes: ['ecology'],
    title: 'Мониторинг качества воздуха вблизи автомагистралей',
    where: ['и жилой застройки'],
    problem: 'Стационарных станций мало, локальные превышения загрязнения не видны.',
    need: 'сеть компактных датчиков качества воздуха',
    requirements: 'Измерение PM2,5, PM10, NO₂ и CO, калибровка по эталонным станциям, публикация открытых данных.',
    result: 'Карта загрязнения воздуха, которая обновляется каждые 20 минут.',
    technologies: ['iot', 'cleantech'],
    problems: ['ecology', 'monitoring'],
    site: 'park',
    products: ['сеть компактных станций мониторинга воздуха', 'сервис картографирования загрязнений'],
    metric: 'совпадение с эталонными станциями',
    target: 85,
  },
  {
    scopes: ['ecology'],
    title: 'Контроль состояния зелёных насаждений',
    problem: 'Обследование деревьев ведётся вручную, аварийные деревья выявляют поздно.',
    need: 'решение для инвентаризации и оценки состояния деревьев',
    requirements: 'Аэро- или наземная съёмка, автоматическая оценка состояния, выгрузка в реестр зелёных насаждений.',
    result: 'Инвентаризация парка за неделю, аварийные деревья выявлены до падения.',
    technologies: ['drones', 'ai'],
    problems: ['ecology', 'monitoring'],
    site: 'park',
    products: ['сервис аэрофотосъёмки и анализа насаждений', 'мобильный комплекс лазерного сканирования'],
    metric: 'точность оценки состояния деревьев',
    target: 85,
  },
  {
    scopes: ['ecology', 'housing'],
    title: 'Распознавание фракций отходов на контейнерных площадках',
    problem: 'Жители смешивают отходы, вторсырьё попадает на полигоны.',
    need: 'систему контроля заполнения и состава отходов в контейнерах',
    requirements: 'Датчики заполнения и камеры, распознавание фракций, маршрутизация мусоровозов.',
    result: 'Доля правильно отсортированных отходов выше на 20 %, пробег мусоровозов меньше.',
    technologies: ['ai', 'iot', 'cleantech'],
    problems: ['ecology', 'cost_reduction'],
    site: 'park',
    products: ['умные датчики заполнения контейнеров', 'систему видеоконтроля контейнерных площадок'],
    metric: 'точность распознавания фракций',
    target: 85,
  },
  {
    scopes: ['ecology'],
    title: 'Очистка поверхностных стоков с городских территорий',
    problem: 'Ливневые стоки с дорог попадают в малые реки без достаточной очистки.',
    need: 'компактные фильтрующие модули для ливневой канализации',
    requirements:
      'Установка в существующие колодцы, очистка от нефтепродуктов и взвешенных веществ, обслуживание раз в год.',
    result: 'Концентрация нефтепродуктов в стоках ниже на 80 %.',
    technologies: ['cleantech', 'new_materials'],
    problems: ['ecology'],
    site: 'park',
    products: ['фильтрующие модули из сорбционных материалов', 'компактную установку очистки стоков'],
    metric: 'степень очистки стоков',
    target: 80,
  },
  {
    scopes: ['safety'],
    title: 'Обнаружение возгораний по видео с городских камер',
    problem: 'Возгорания на открытых территориях замечают поздно, сообщения поступают от очевидцев.',
    need: 'систему раннего обнаружения дыма и огня по видео',
    requirements:
      'Работа с камерами городской системы видеонаблюдения, не более одного ложного срабатывания в сутки на 100 камер.',
    result: 'Возгорание обнаруживается в течение минуты, службы реагируют быстрее.',
    technologies: ['ai', 'smart_city'],
    problems: ['safety', 'monitoring'],
    site: 'park',
    products: ['модуль видеоаналитики для обнаружения дыма и огня', 'нейросетевой детектор возгораний'],
    metric: 'доля обнаруженных возгораний',
    target: 95,
  },
  {
    scopes: ['public_services'],
    title: 'Автоматическая классификация обращений граждан',
    problem: 'Тысячи обращений в день распределяются по исполнителям вручную, сроки ответа растут.',
    need: 'сервис автоматической классификации и маршрутизации обращений',
    requirements: 'Обработка текстов на русском языке, точность классификации не ниже 90 %, интеграция с mos.ru.',
    result: 'Обращение попадает к исполнителю за минуты, а не за сутки.',
    technologies: ['ai', 'big_data'],
    problems: ['automation', 'customer_experience'],
    products: ['сервис обработки текстов на естественном языке', 'модуль классификации обращений'],
    metric: 'точность классификации обращений',
    target: 90,
  },
  {
    scopes: ['public_services', 'telecom'],
    title: 'Голосовой помощник для справочной службы',
    problem: 'Операторы справочной службы отвечают на однотипные вопросы, ожидание доходит до 10 минут.',
    need: 'голосового робота для ответов на типовые вопросы',
    requirements: 'Распознавание русской речи, переключение на оператора, интеграция с базой знаний.',
    result: 'Половина обращений решается без участия оператора.',
    technologies: ['ai'],
    problems: ['automation', 'customer_experience'],
    products: ['голосового робота', 'платформу синтеза и распознавания речи'],
    metric: 'доля обращений без оператора',
    target: 50,
  },
  {
    scopes: ['public_services', 'safety'],
    title: 'Защита городских цифровых сервисов от DDoS-атак',
    problem: 'Атаки на городские сервисы в пиковые дни замедляют их работу для жителей.',
    need: 'решение для выявления и отражения атак на уровне приложений',
    requirements: 'Работа в отечественной инфраструктуре, сертификат ФСТЭК, отражение атак мощностью до 100 Гбит/с.',
    result: 'Доступность городских сервисов не ниже 99,9 % во время атак.',
    technologies: ['cybersecurity'],
    problems: ['safety', 'import_substitution'],
    products: ['комплекс защиты веб-приложений', 'сервис фильтрации трафика'],
    metric: 'доступность сервисов во время атак',
    target: 99,
  },
  {
    scopes: ['culture', 'tourism'],
    title: 'Мультимедийный гид для музейных экспозиций',
    where: ['для детей и подростков', 'на иностранных языках'],
    problem: 'Посетители быстро проходят экспозицию, аудиогиды устарели и редко используются.',
    need: 'мобильный мультимедийный гид с дополненной реальностью',
    requirements: 'Работа без установки приложения, AR-сцены для 20 экспонатов, аналитика посещений.',
    result: 'Посетители проводят в музее на 20 % больше времени.',
    technologies: ['vr_ar', 'edtech'],
    problems: ['customer_experience', 'new_product'],
    site: 'culture',
    products: ['веб-платформу AR-экскурсий', 'мультимедийный гид'],
    metric: 'рост времени посещения',
    target: 20,
  },
  {
    scopes: ['culture'],
    title: 'Аналитика посещаемости библиотек и культурных центров',
    problem: 'Посещаемость учитывают по журналам, программу мероприятий трудно планировать по интересам жителей.',
    need: 'систему бесконтактного подсчёта посетителей и аналитики интересов',
    requirements: 'Только обезличенные данные, соответствие 152-ФЗ, панель показателей для руководителя.',
    result: 'Учёт посетителей с точностью не ниже 95 %, посещаемость мероприятий растёт.',
    technologies: ['iot', 'big_data'],
    problems: ['analytics'],
    site: 'culture',
    products: ['датчики подсчёта посетителей с аналитической панелью', 'сервис аналитики посещаемости'],
    metric: 'точность подсчёта посетителей',
    target: 95,
  },
  {
    scopes: ['culture'],
    title: 'Оцифровка фондов с распознаванием рукописных текстов',
    problem: 'Архивные документы XIX–XX веков недоступны для поиска, оцифровка идёт медленно.',
    need: 'решение для сканирования и распознавания рукописных документов',
    requirements: 'Распознавание дореформенной орфографии, поиск по тексту, выгрузка в принятых архивных форматах.',
    result: '100 тыс. страниц оцифрованы и распознаны за пилот с точностью не ниже 85 %.',
    technologies: ['ai', 'big_data'],
    problems: ['automation', 'new_product'],
    site: 'culture',
    products: ['сервис распознавания рукописных текстов', 'комплекс поточного сканирования с распознаванием'],
    metric: 'точность распознавания текста',
    target: 85,
  },
  {
    scopes: ['tourism'],
    title: 'Рекомендательный сервис прогулочных маршрутов',
    problem: 'Туристы посещают одни и те же места в центре, интересные районы остаются неизвестными.',
    need: 'сервис персональных прогулочных маршрутов по Москве',
    requirements: 'Учёт интересов и погоды, маршруты по всем округам, открытое API для городских порталов.',
    result: 'Посещаемость объектов за пределами центра выше на 15 %.',
    technologies: ['ai', 'big_data'],
    problems: ['customer_experience', 'new_product'],
    site: 'park',
    products: ['рекомендательный сервис маршрутов', 'мобильное приложение-гид'],
    metric: 'доля маршрутов за пределами центра',
    target: 30,
  },
  {
    scopes: ['tourism', 'culture', 'public_services'],
    title: 'Навигация для маломобильных посетителей',
    problem: 'Маломобильным посетителям сложно найти доступные входы, лифты и пандусы.',
    need: 'сервис навигации с учётом доступной среды',
    requirements: 'Навигация внутри зданий без GPS, озвучивание маршрута, данные о доступности объектов.',
    result: 'Не менее 90 % маршрутов проложены без барьеров.',
    technologies: ['smart_city', 'iot'],
    problems: ['customer_experience'],
    site: 'culture',
    products: ['сервис инклюзивной навигации', 'систему навигационных радиомаяков'],
    metric: 'доля маршрутов без барьеров',
    target: 90,
  },
  {
    scopes: ['sport'],
    title: 'Анализ техники спортсменов по видео',
    where: ['в спортивных школах'],
    problem: 'Тренеры разбирают технику по видео вручную, объективных показателей мало.',
    need: 'сервис компьютерного зрения для анализа техники движений',
    requirements:
      'Съёмка на обычную камеру или смартфон, оценка ключевых фаз движения, отчёт для тренера после тренировки.',
    result: 'Разбор тренировки занимает вдвое меньше времени.',
    technologies: ['ai', 'vr_ar'],
    problems: ['quality', 'analytics'],
    site: 'sport',
    products: ['сервис анализа движений', 'комплекс видеоаналитики для тренеров'],
    metric: 'совпадение с оценками тренеров',
    target: 85,
  },
  {
    scopes: ['sport', 'public_services'],
    title: 'Онлайн-бронирование городских спортивных площадок',
    problem: 'Расписание площадок ведётся в таблицах, часть времени площадки простаивают.',
    need: 'сервис онлайн-записи и учёта загрузки площадок',
    requirements: 'Интеграция с mos.ru, оплата онлайн, проход по QR-коду.',
    result: 'Загрузка спортивных площадок выше на 25 %.',
    technologies: ['smart_city', 'fintech'],
    problems: ['customer_experience', 'automation'],
    site: 'sport',
    products: ['сервис бронирования площадок', 'платформу управления спортивными объектами'],
    metric: 'рост загрузки площадок',
    target: 25,
  },
  {
    scopes: ['sport'],
    title: 'Мониторинг состояния искусственных покрытий',
    problem: 'Износ искусственных полей выявляется при осмотрах, часть травм связана с дефектами покрытия.',
    need: 'решение для контроля состояния покрытий спортивных площадок',
    requirements: 'Оценка износа и твёрдости покрытия, план ремонта, работа на открытых и крытых площадках.',
    result: 'Дефекты покрытий выявляются до того, как становятся опасными.',
    technologies: ['iot', 'new_materials'],
    problems: ['safety', 'monitoring'],
    site: 'sport',
    products: ['комплекс диагностики покрытий', 'систему датчиков износа'],
    metric: 'доля выявленных дефектов',
    target: 85,
  },
  {
    scopes: ['retail'],
    title: 'Распознавание пустых полок в торговом зале',
    problem: 'Отсутствие товара на полках обнаруживают с опозданием, магазины теряют продажи.',
    need: 'систему контроля выкладки по видео',
    requirements:
      'Работа с существующими камерами, отчёт о пустых местах каждые 15 минут, распознавание не менее 5000 товаров.',
    result: 'Потери продаж от отсутствия товара на полке ниже на 3 %.',
    technologies: ['ai'],
    problems: ['automation', 'cost_reduction'],
    products: ['сервис видеоконтроля выкладки', 'мобильного робота-инвентаризатора'],
    metric: 'точность распознавания пустых мест',
    target: 90,
  },
  {
    scopes: ['retail'],
    title: 'Прогнозирование спроса в розничной сети',
    problem: 'Из-за неточного прогноза одни товары заканчиваются, другие списываются.',
    need: 'сервис прогнозирования спроса и автозаказа',
    requirements: 'Учёт сезонности, промоакций и погоды, ежедневный прогноз по 10 тыс. позиций для каждого магазина.',
    result: 'Списаний на 15 % меньше при уровне сервиса не ниже 97 %.',
    technologies: ['ai', 'big_data'],
    problems: ['cost_reduction', 'analytics'],
    products: ['сервис прогнозирования спроса', 'модуль автозаказа на основе машинного обучения'],
    metric: 'точность прогноза спроса',
    target: 85,
  },
  {
    scopes: ['retail', 'finance'],
    title: 'Предотвращение мошенничества на кассах самообслуживания',
    problem: 'На кассах самообслуживания часть товаров не сканируется, потери растут.',
    need: 'систему видеоаналитики, которая распознаёт непробитые товары',
    requirements:
      'Работа в реальном времени, подсказка покупателю без участия охраны, не более 2 % ложных срабатываний.',
    result: 'Потери на кассах самообслуживания ниже на 40 %.',
    technologies: ['ai', 'cybersecurity'],
    problems: ['cost_reduction', 'safety'],
    products: ['модуль видеоаналитики для касс', 'систему контроля кассовых операций'],
    metric: 'доля выявленных случаев',
    target: 85,
  },
  {
    scopes: ['industry'],
    title: 'Визуальный контроль сварных швов',
    problem: 'Качество сварных швов проверяется выборочно, дефекты выявляются на поздних этапах.',
    need: 'систему автоматического контроля сварных швов',
    requirements: 'Контроль в потоке, выявление пор, непроваров и трещин, интеграция с MES.',
    result: 'Не менее 95 % дефектов выявляются, брака на 20 % меньше.',
    technologies: ['ai', 'manufacturing'],
    problems: ['quality', 'automation'],
    site: 'factory',
    products: ['систему машинного зрения для контроля сварки', 'комплекс автоматизированного ультразвукового контроля'],
    metric: 'доля выявленных дефектов',
    target: 95,
  },
  {
    scopes: ['industry'],
    title: 'Предиктивное обслуживание станочного парка',
    problem: 'Станки ремонтируют после поломки, простои срывают сроки заказов.',
    need: 'систему мониторинга и прогнозирования отказов оборудования',
    requirements: 'Датчики вибрации и тока, прогноз отказа за 2 недели, работа с оборудованием разных производителей.',
    result: 'Внеплановых простоев на 25 % меньше.',
    technologies: ['iot', 'ai', 'manufacturing'],
    problems: ['cost_reduction', 'monitoring'],
    site: 'factory',
    products: ['платформу предиктивной аналитики', 'комплект датчиков с облачным сервисом'],
    metric: 'снижение внеплановых простоев',
    target: 25,
  },
  {
    scopes: ['industry', 'energy'],
    title: 'Отечественные промышленные контроллеры',
    where: ['для модернизации линий'],
    problem: 'Зарубежные контроллеры и комплектующие к ним стало трудно закупать.',
    need: 'отечественные программируемые логические контроллеры и среду разработки',
    requirements:
      'Совместимость с МЭК 61131-3, поддержка протоколов Modbus и Profinet, включение в реестр российской промышленной продукции.',
    result: 'Контроллеры на пилотной линии заменены без потери производительности.',
    technologies: ['electronics', 'manufacturing'],
    problems: ['import_substitution'],
    site: 'factory',
    products: ['линейку промышленных контроллеров', 'программно-аппаратную платформу автоматизации'],
    metric: 'доля успешно замещённых узлов',
    target: 95,
  },
  {
    scopes: ['industry', 'retail'],
    title: 'Роботизация складских операций',
    problem: 'Комплектация заказов на складе выполняется вручную, персонала не хватает.',
    need: 'мобильных роботов для перемещения и комплектации грузов',
    requirements: 'Безопасная работа рядом с людьми, интеграция с WMS, грузоподъёмность до 500 кг.',
    result: 'Производительность склада выше на 30 %.',
    technologies: ['robotics', 'ai'],
    problems: ['automation', 'cost_reduction'],
    site: 'factory',
    products: ['автономных мобильных роботов', 'роботизированную систему комплектации'],
    metric: 'рост производительности склада',
    target: 30,
  },
  {
    scopes: ['industry'],
    title: 'Цифровой двойник производственной линии',
    problem: 'Изменения в технологии проверяют на действующей линии, каждый эксперимент стоит дорого.',
    need: 'цифровой двойник линии для моделирования режимов и планирования',
    requirements: 'Интеграция с MES и SCADA, точность модели не хуже 10 %, сценарии «что если».',
    result: 'Переналадка линии быстрее на 20 %, меньше брака при запуске новых изделий.',
    technologies: ['big_data', 'manufacturing'],
    problems: ['analytics', 'cost_reduction'],
    site: 'factory',
    products: ['платформу цифровых двойников', 'сервис имитационного моделирования производства'],
    metric: 'точность модели',
    target: 90,
  },
  {
    scopes: ['energy'],
    title: 'Выявление неучтённого потребления электроэнергии',
    problem: 'Коммерческие потери в сетях растут, проверки потребителей выбираются наугад.',
    need: 'сервис аналитики данных приборов учёта для выявления хищений',
    requirements:
      'Работа с данными интеллектуальных счётчиков, ранжирование подозрительных точек, доля подтверждённых случаев не ниже 80 %.',
    result: 'Коммерческие потери ниже на 10 %.',
    technologies: ['big_data', 'ai', 'energy'],
    problems: ['cost_reduction', 'analytics'],
    products: ['платформу анализа данных учёта', 'сервис выявления аномалий потребления'],
    metric: 'доля подтверждённых нарушений',
    target: 80,
  },
  {
    scopes: ['energy', 'safety'],
    title: 'Мониторинг состояния кабельных линий',
    problem: 'Повреждения кабельных линий выявляют после отключения потребителей.',
    need: 'систему непрерывной диагностики кабельных линий',
    requirements: 'Контроль частичных разрядов и температуры, определение места дефекта с точностью до 10 м.',
    result: 'Восемь из десяти дефектов выявляются до аварии.',
    technologies: ['iot', 'energy'],
    problems: ['monitoring', 'safety'],
    site: 'construction',
    products: ['систему диагностики частичных разрядов', 'распределённый оптоволоконный датчик температуры'],
    metric: 'доля дефектов, выявленных до аварии',
    target: 80,
  },
  {
    scopes: ['energy'],
    title: 'Прогноз нагрузки на центры питания',
    problem: 'Нагрузку на подстанции планируют по прошлогодним данным, перегрузки случаются в аномальную погоду.',
    need: 'сервис краткосрочного прогноза нагрузки с учётом погоды',
    requirements: 'Прогноз на сутки вперёд с шагом 30 минут, ошибка не более 5 %, интеграция с SCADA.',
    result: 'Перегрузок оборудования в пиковые дни меньше, ремонты планируются точнее.',
    technologies: ['ai', 'energy'],
    problems: ['analytics', 'safety'],
    products: ['сервис прогнозирования нагрузки', 'модуль машинного обучения для диспетчерской'],
    metric: 'точность прогноза нагрузки',
    target: 95,
  },
  {
    scopes: ['energy', 'industry'],
    title: 'Накопители энергии для сглаживания пиковых нагрузок',
    problem: 'Пиковое потребление дорого обходится и требует резервных мощностей.',
    need: 'систему накопления энергии с управлением по графику нагрузки',
    requirements: 'Мощность от 250 кВт, российские компоненты, интеграция с системой учёта предприятия.',
    result: 'Пиковая нагрузка ниже на 20 %.',
    technologies: ['energy', 'new_materials'],
    problems: ['cost_reduction', 'new_product'],
    site: 'factory',
    products: ['промышленный накопитель энергии', 'систему управления энергопотреблением с накопителем'],
    metric: 'снижение пиковой нагрузки',
    target: 20,
  },
  {
    scopes: ['finance'],
    title: 'Распознавание документов в кредитном конвейере',
    problem: 'Сотрудники вручную переносят данные из документов клиентов, заявка рассматривается несколько дней.',
    need: 'сервис распознавания и проверки документов',
    requirements:
      'Распознавание паспортов, выписок и справок, точность извлечения полей не ниже 97 %, размещение в контуре банка.',
    result: 'Кредитная заявка рассматривается за один день.',
    technologies: ['ai', 'fintech'],
    problems: ['automation', 'cost_reduction'],
    products: ['сервис интеллектуального распознавания документов', 'платформу обработки документов'],
    metric: 'точность извлечения полей',
    target: 97,
  },
  {
    scopes: ['finance'],
    title: 'Выявление мошеннических операций в реальном времени',
    problem: 'Правила антифрода отстают от новых схем мошенничества, клиенты теряют деньги.',
    need: 'систему выявления мошеннических операций на основе машинного обучения',
    requirements: 'Решение за 100 мс на операцию, объяснимость решений, работа на отечественных СУБД.',
    result: 'Потери клиентов от мошенничества ниже на 30 %.',
    technologies: ['ai', 'cybersecurity', 'fintech'],
    problems: ['safety', 'analytics'],
    products: ['антифрод-платформу', 'модуль поведенческой аналитики'],
    metric: 'доля выявленных мошеннических операций',
    target: 90,
  },
  {
    scopes: ['telecom'],
    title: 'Прогнозирование отказов оборудования базовых станций',
    problem: 'Отказы оборудования базовых станций приводят к провалам покрытия и жалобам абонентов.',
    need: 'сервис прогнозирования отказов по телеметрии оборудования',
    requirements: 'Работа с телеметрией оборудования разных производителей, прогноз отказа за 72 часа.',
    result: 'Простоев базовых станций на 30 % меньше.',
    technologies: ['ai', 'big_data'],
    problems: ['monitoring', 'cost_reduction'],
    products: ['платформу предиктивной аналитики для сетей связи', 'сервис мониторинга телеметрии'],
    metric: 'снижение простоя станций',
    target: 30,
  },
  {
    scopes: ['telecom', 'transport'],
    title: 'Покрытие связью подземных пространств',
    problem: 'В подземных переходах и на подземных парковках нет устойчивой мобильной связи.',
    need: 'компактные решения для покрытия связью подземных пространств',
    requirements: 'Поддержка 4G и 5G всех операторов, малые размеры, питание от сети объекта.',
    result: 'Устойчивая связь на 95 % площади пилотного объекта.',
    technologies: ['electronics', 'iot'],
    problems: ['customer_experience', 'import_substitution'],
    site: 'transport',
    products: ['малые соты отечественного производства', 'распределённую антенную систему'],
    metric: 'доля площади с устойчивой связью',
    target: 95,
  },
];

/** Scopes a generated customer asks about, by its technologies. */
const SCOPES_BY_TECHNOLOGY: Partial<Record<TechnologyArea, RequestScope[]>> = {
  ai: ['retail', 'finance', 'industry', 'telecom'],
  big_data: ['retail', 'finance', 'telecom'],
  robotics: ['industry'],
  drones: ['construction', 'energy'],
  iot: ['energy', 'housing', 'industry'],
  cybersecurity: ['finance', 'telecom'],
  blockchain: ['finance'],
  vr_ar: ['education', 'culture'],
  biotech: ['healthcare'],
  medtech: ['healthcare'],
  pharma: ['healthcare', 'retail'],
  new_materials: ['industry', 'construction'],
  energy: ['energy'],
  cleantech: ['ecology', 'energy'],
  transport: ['transport'],
  smart_city: ['housing', 'transport'],
  fintech: ['finance'],
  edtech: ['education'],
  agritech: ['retail', 'industry'],
  space: ['telecom'],
  electronics: ['industry', 'telecom'],
  quantum: ['telecom', 'finance'],
  construction: ['construction'],
  manufacturing: ['industry'],
};
const CITY_WIDE_SCOPES: RequestScope[] = ['transport', 'housing', 'ecology', 'safety', 'public_services', 'healthcare'];

// ---------------------------------------------------------------------------------------------------------------
// Words

const DATA_SENTENCES = [
  'Заказчик предоставит обезличенные исторические данные за последние три года.',
  'Доступ к тестовой среде и программным интерфейсам предоставляется после подписания соглашения о конфиденциальности.',
  'Заказчик выделит ответственного специалиста и обеспечит доступ к инфраструктуре на время испытаний.',
  'Решение должно работать в отечественной облачной инфраструктуре или в контуре заказчика.',
  'Предпочтение отдаётся решениям из реестра российского программного обеспечения.',
];
const NDA_TERMS = [
  'Сведения о технических характеристиках объектов и данные заказчика являются конфиденциальными. Принявший условия обязуется не разглашать их в течение трёх лет и использовать только для подготовки отклика.',
  'Полное описание задачи содержит сведения ограниченного доступа. Компания обязуется не передавать их третьим лицам и уничтожить полученные материалы, если её решение не будет выбрано.',
  'Условия конфиденциальности: запрещено раскрывать сведения о запросе, данных и инфраструктуре заказчика без письменного согласия заказчика в течение пяти лет.',
];
const MODERATION_RETURNS = [
  'Уточните ожидаемый результат: нужны измеримые показатели.',
  'Краткое описание раскрывает сведения, которые должны быть под соглашением о конфиденциальности.',
  'Укажите минимальный уровень готовности технологии и условия пилотирования.',
  'Срок приёма откликов слишком короткий: установите не менее 30 дней.',
];
const CANCEL_REASONS = [
  'Задача решена собственными силами.',
  'Изменились приоритеты финансирования, запрос будет опубликован повторно в следующем году.',
  'Ни одно из решений не соответствует требованиям запроса.',
  'Требования к задаче пересматриваются.',
];
const DECLINE_REASONS = [
  'Уровень готовности технологии ниже требуемого.',
  'Решение не закрывает ключевую часть задачи.',
  'Стоимость внедрения превышает бюджет запроса.',
  'Нет опыта внедрения в сопоставимом масштабе.',
  'Аналогичное решение уже используется заказчиком.',
  'Решение не интегрируется с информационными системами заказчика.',
];
const WITHDRAW_REASONS = [
  'Команда переключилась на другой проект.',
  'Не успеваем подготовить пилот в указанные сроки.',
  null,
  'Подадим обновлённую версию решения.',
];
const PILOT_REJECT_REASONS = [
  'Площадка недоступна в предложенные сроки.',
  'Требуется согласование с собственником здания, пилот будет предложен повторно.',
  'Компания не готова выделить команду на пилот в эти сроки.',
];
const PILOT_CANCEL_REASONS = [
  'Пилот остановлен: оборудование не прошло проверку безопасности площадки.',
  'Площадка закрыта на ремонт, пилот прекращён.',
  'Компания не обеспечила работу решения в условиях площадки.',
];
const SUCCESS_NOTES = [
  'Рекомендовано к внедрению на других площадках заказчика.',
  'Персонал площадки отметил простоту эксплуатации.',
  'Интеграция с системами заказчика выполнена без доработок с их стороны.',
];
const FAILURE_NOTES = [
  'Решение нестабильно работало в условиях площадки.',
  'Потребовалась ручная донастройка, которую персонал площадки не смог выполнять.',
  'Данные площадки отличались от обучающей выборки разработчика.',
];
const APPROACH: Partial<Record<TechnologyArea, string[]>> = {
  ai: [
    'Модели обучены на сотнях тысяч размеченных примеров и дообучаются на данных заказчика.',
    'Нейросеть работает на периферийных устройствах, без передачи исходных данных в облако.',
  ],
  big_data: [
    'Данные из систем заказчика собираются в единое хранилище, прогнозы обновляются ежечасно.',
    'Аналитика строится на отечественной платформе обработки потоковых данных.',
  ],
  iot: [
    'Беспроводные датчики работают от батареи до пяти лет и не требуют прокладки кабелей.',
    'Устройства передают данные по LoRaWAN или NB-IoT и настраиваются удалённо.',
  ],
  drones: ['Облёты выполняются по расписанию, снимки обрабатываются автоматически в течение часа.'],
  robotics: ['Роботы встраиваются в существующие процессы без остановки работы.'],
  vr_ar: ['Контент создаётся в конструкторе без программирования и работает на отечественных шлемах и планшетах.'],
  cybersecurity: ['Решение сертифицировано ФСТЭК России и работает в контуре заказчика.'],
  medtech: ['Изделие имеет регистрационное удостоверение Росздравнадзора.'],
  biotech: ['Тест-системы производятся в Москве из отечественного сырья.'],
  energy: ['Алгоритмы учитывают погоду, график работы потребителей и состояние сети.'],
  cleantech: ['Материалы регенерируются и служат не менее трёх лет.'],
  edtech: ['Содержание соответствует ФГОС и прошло апробацию в московских школах.'],
  fintech: ['Сервис разворачивается в контуре банка и соответствует требованиям Банка России.'],
  construction: ['Результаты сопоставляются с BIM-моделью автоматически.'],
  manufacturing: ['Решение подключается к оборудованию разных производителей через стандартные протоколы.'],
  electronics: ['Аппаратная часть разработана и производится в России.'],
  smart_city: ['Сервис интегрируется с городскими информационными системами по открытым интерфейсам.'],
  transport: ['Оборудование сертифицировано для установки на подвижной состав.'],
  new_materials: ['Материалы прошли испытания в аккредитованной лаборатории.'],
};
const EVIDENCE = [
  'Решение внедрено у нескольких заказчиков в Москве и регионах.',
  'Испытания на площадке индустриального партнёра подтвердили заявленные характеристики.',
  'Программа для ЭВМ зарегистрирована, решение включено в реестр российского ПО.',
  'Прототип прошёл испытания в одном из технопарков Москвы.',
  'Команда ранее реализовала похожие проекты для государственных заказчиков.',
];
const NOVELTY = [
  'Собственные алгоритмы обработки данных; подана заявка на патент на изобретение.',
  'Зарегистрированы программы для ЭВМ; архитектура не зависит от зарубежных компонентов.',
  'Запатентованная конструкция датчика, в несколько раз дешевле зарубежных аналогов.',
  'Оригинальный метод обучения моделей на малых выборках данных заказчика.',
  'Впервые в России решение объединяет сбор данных, аналитику и управление в одном продукте.',
];
const INTEGRATION = [
  'Интеграция с системами заказчика — через REST API и выгрузки в согласованном формате.',
  'Решение разворачивается в контуре заказчика за две недели.',
  'Поставляется как облачный сервис в российском дата-центре.',
  'Поддержка и обновления входят в стоимость лицензии.',
];
const SCORE_COMMENTS: Record<'high' | 'mid' | 'low', string[]> = {
  high: [
    'Сильная команда с опытом внедрения в городской инфраструктуре.',
    'Решение полностью закрывает задачу, результаты подтверждены испытаниями.',
    'Понятный план пилота, риски описаны и закрыты мерами.',
  ],
  mid: ['Решение интересное, но интеграцию придётся дорабатывать.', 'Масштабируемость пока не подтверждена.'],
  low: [
    'Уровень готовности технологии ниже требуемого.',
    'Решение закрывает задачу лишь частично.',
    'Стоимость внедрения не обоснована.',
  ],
};

const MALE_FIRST = [
  'Александр',
  'Дмитрий',
  'Максим',
  'Сергей',
  'Андрей',
  'Алексей',
  'Артём',
  'Илья',
  'Кирилл',
  'Михаил',
  'Никита',
  'Роман',
  'Павел',
  'Егор',
];
const FEMALE_FIRST = [
  'Анна',
  'Мария',
  'Елена',
  'Ольга',
  'Наталья',
  'Екатерина',
  'Татьяна',
  'Юлия',
  'Ирина',
  'Светлана',
  'Дарья',
  'Полина',
];
const SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
];
const LEAD_ROLES = ['Руководитель проекта', 'Технический директор', 'Генеральный директор'];
const TEAM_ROLES = [
  'Ведущий разработчик',
  'Инженер-программист',
  'Инженер по машинному обучению',
  'Аналитик данных',
  'Инженер-конструктор',
  'Специалист по внедрению',
  'Инженер по тестированию',
  'Дизайнер интерфейсов',
  'Системный архитектор',
  'Инженер-электроник',
  'Менеджер по работе с заказчиками',
  'Специалист по информационной безопасности',
];
const DOMAIN_ROLES: Partial<Record<RequestScope, string[]>> = {
  healthcare: ['Врач-эксперт', 'Специалист по регистрации медицинских изделий'],
  education: ['Методист', 'Педагог-эксперт'],
  construction: ['Инженер-геодезист', 'BIM-координатор'],
  energy: ['Инженер-энергетик'],
  ecology: ['Инженер-эколог'],
  transport: ['Инженер по подвижному составу'],
  finance: ['Специалист по управлению рисками'],
};

// ---------------------------------------------------------------------------------------------------------------
// Time

function dayOf(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** A Moscow working moment (07:00–15:00 UTC) of the day of `ms`. */
function workingMoment(rng: Rng, ms: number): number {
  return dayOf(ms) + rng.int(7 * 60, 15 * 60) * 60_000 + rng.int(0, 59) * 1000;
}

/** A working moment `minDays..maxDays` after `from`, always after it. */
function after(rng: Rng, from: number, minDays: number, maxDays: number): number {
  const at = workingMoment(rng, from + rng.int(minDays, maxDays) * DAY);
  return at > from ? at : from + rng.int(1, 4) * HOUR;
}

/** A working moment between `lo` and `hi`, or undefined when there is no room. */
function between(rng: Rng, lo: number, hi: number): number | undefined {
  if (hi - lo < 2 * HOUR) return undefined;
  for (let i = 0; i < 4; i++) {
    const at = workingMoment(rng, lo + rng.next() * (hi - lo));
    if (at > lo && at < hi) return at;
  }
  return lo + Math.floor((hi - lo) / 2);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `iso` plus whole months, clamped to the month's last day — as PostgreSQL adds an interval to a date. */
export function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return isoDate(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
}

function deadlineOn(dayMs: number): number {
  return dayOf(dayMs) + 20 * HOUR + 59 * 60_000; // 23:59 in Moscow
}

/** Deterministic UUID v4 from the generator's stream. */
function uuid(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 4; i++)
    hex += Math.floor(rng.next() * 4_294_967_296)
      .toString(16)
      .padStart(8, '0');
  const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

// ---------------------------------------------------------------------------------------------------------------
// The generator

interface Org extends DemoInnovationOrganization {
  profile?: CustomerProfile;
}

interface Customer {
  org: Org;
  kind: RequestKind;
  scopes: RequestScope[];
  /** the demo account acting for it, if any */
  account: 'corporate' | 'city' | null;
}

interface RequestDraft extends Omit<DemoRequest, 'number'> {
  topic: Topic;
  customer: Customer;
  resolvedAt: number | null;
  cancelledAt: number | null;
}

interface SolutionDraft extends Omit<DemoSolution, 'number'> {
  request: RequestDraft;
}

interface PilotDraft extends Omit<DemoPilot, 'number'> {}

type Role = 'draft' | 'submitted' | 'shortlisted' | 'declined' | 'withdrawn' | 'winner';
type WinnerPlan =
  | 'contract'
  | 'contract_later'
  | 'success_open'
  | 'failure'
  | 'rejected'
  | 'cancelled'
  | 'contract_without_pilot';

interface WinnerTarget {
  solution?: SolutionStatus;
  pilot?: PilotStatus;
  /** closed requests or recently resolved ones: the pilot must still be under way */
  open: boolean;
}

const REQUEST_STATUS_SHARES: ReadonlyArray<readonly [RequestStatus, number]> = [
  ['draft', 0.03],
  ['moderation', 0.03],
  ['published', 0.34],
  ['closed', 0.13],
  ['resolved', 0.39],
  ['cancelled', 0.08],
];
/** The requests each demo customer account owns, so its cabinet shows every stage. */
const ACCOUNT_REQUESTS: RequestStatus[] = [
  'draft',
  'moderation',
  'published',
  'published',
  'closed',
  'resolved',
  'cancelled',
];
/** The demo company's own solutions: where they are and on whose request. */
const COMPANY_PINS: Array<{ status: SolutionStatus; on: 'corporate' | 'city' | 'any'; requestStatus: RequestStatus }> =
  [
    { status: 'draft', on: 'any', requestStatus: 'published' },
    { status: 'submitted', on: 'city', requestStatus: 'published' },
    { status: 'shortlisted', on: 'corporate', requestStatus: 'published' },
    { status: 'declined', on: 'any', requestStatus: 'resolved' },
    { status: 'pilot', on: 'city', requestStatus: 'closed' },
    { status: 'contract', on: 'corporate', requestStatus: 'resolved' },
  ];
const WINNER_PLANS: ReadonlyArray<readonly [WinnerPlan, number]> = [
  ['contract', 25],
  ['contract_later', 22],
  ['success_open', 5],
  ['failure', 24],
  ['rejected', 12],
  ['cancelled', 7],
  ['contract_without_pilot', 5],
];
/** Stories the small set must tell too, so every status shows up however few pilots there are. */
const COVERAGE: WinnerTarget[] = [
  { pilot: 'proposed', open: true },
  { pilot: 'approved', open: true },
  { pilot: 'running', open: true },
  { solution: 'contract', open: false },
  { solution: 'not_adopted', pilot: 'completed', open: false },
  { pilot: 'rejected', open: false },
  { pilot: 'cancelled', open: false },
];

/**
 * Open innovation of a believable Moscow: sites, requests, solutions, pilots and contracts with their timelines.
 * Every story follows the state machines, nothing happens after `now`, and the database's constraints hold.
 */
export function generateDemoInnovation(input: DemoInnovationInput): DemoInnovation {
  const size = input.size;
  const extra = demoInnovationOrganizations();
  if (size.requests === 0)
    return { organizations: extra, sites: [], requests: [], solutions: [], pilots: [], contracts: [] };
  const seed = input.seed ?? 4_2026;
  const rng = new Rng(seed);
  const ids = new Rng(seed ^ 0x5eed_1d5);
  const now = input.now.getTime();
  const latest = now - HOUR;

  const orgs: Org[] = [...input.organizations, ...extra.map((o, i) => ({ ...o, profile: CUSTOMER_PROFILES[i] }))];
  const byInn = new Map(orgs.map((o) => [o.inn, o]));
  const accounts = input.accounts;

  // ---- customers
  const customers: Customer[] = [];
  for (const org of orgs) {
    if (!org.capabilities.includes('customer')) continue;
    const account = org.inn === accounts.corporate ? 'corporate' : org.inn === accounts.city ? 'city' : null;
    const city = account === 'city' || (account === null && org.okvedMain.startsWith('84'));
    // generated corporations take part only when admitted to the cluster
    if (!org.profile && !account && org.membershipStatus !== 'participant') continue;
    const scopes = org.profile
      ? org.profile.scopes
      : account === 'city'
        ? CITY_WIDE_SCOPES
        : [...new Set(org.technologies.flatMap((t) => SCOPES_BY_TECHNOLOGY[t as TechnologyArea] ?? []))];
    customers.push({ org, kind: city ? 'city' : 'corporate', scopes: scopes.length ? scopes : ['industry'], account });
  }
  const cityCustomers = customers.filter((c) => c.kind === 'city');
  const corporateCustomers = customers.filter((c) => c.kind === 'corporate');
  if (!cityCustomers.length || !corporateCustomers.length) throw new Error('demo innovation: no customers');
  // generated corporations: a few dozen active ones rather than hundreds with one request each
  const generatedCorporate = corporateCustomers.filter((c) => !c.org.profile && !c.account);
  const activeGenerated = rng.sample(generatedCorporate, Math.max(3, Math.round(size.requests / 7)));
  // a customer with more kinds of tasks publishes more requests: fewer «5-й этап» of the same one
  const weight = (c: Customer) => (c.account ? 1 : Math.min(6, topicsOf(c).length) / 2);
  const cityWeighted: Array<readonly [Customer, number]> = cityCustomers.map((c) => [c, weight(c)] as const);
  const corporateWeighted: Array<readonly [Customer, number]> = [
    ...corporateCustomers.filter((c) => c.org.profile || c.account).map((c) => [c, weight(c)] as const),
    ...activeGenerated.map((c) => [c, 1] as const),
  ];

  // ---- companies that answer
  const companies = orgs.filter(
    (o) =>
      o.capabilities.includes('company') &&
      o.membershipStatus === 'participant' &&
      o.inn !== accounts.corporate &&
      o.inn !== accounts.company,
  );
  const demoCompany = accounts.company ? byInn.get(accounts.company) : undefined;

  // ---- sites
  const sites = generateSites(rng, ids, size.sites, orgs, now);
  const sitesByKind = new Map<PilotSiteKind, DemoPilotSite[]>();
  for (const s of sites) sitesByKind.set(s.kind, [...(sitesByKind.get(s.kind) ?? []), s]);

  // ---- requests
  const statusList = requestStatuses(rng, size.requests, Boolean(accounts.corporate), Boolean(accounts.city));
  const requests: RequestDraft[] = [];
  const usedTitles = new Map<string, number>();
  for (const { status, account } of statusList) {
    let customer: Customer;
    if (account) customer = customers.find((c) => c.account === account)!;
    else customer = rng.chance(0.45) ? rng.weighted(cityWeighted) : rng.weighted(corporateWeighted);
    const topic = rng.pick(topicsOf(customer));
    requests.push(makeRequest(rng, ids, customer, topic, status, account !== null, now, latest, usedTitles));
  }
  requests.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  // related requests: earlier ones of the same customer on the same topic
  for (const [i, r] of requests.entries()) {
    const earlier = requests
      .slice(0, i)
      .filter((o) => o.organizationKey === r.organizationKey && o.topic === r.topic && o.status !== 'draft');
    if (earlier.length && rng.chance(0.6)) r.relatedRequestIds = earlier.slice(-2).map((o) => o.id);
  }

  // ---- how many solutions each public request gets, and how many of them go to a pilot
  const publicRequests = requests.filter((r) => r.status !== 'draft' && r.status !== 'moderation');
  const pins = new Map<RequestDraft, Array<(typeof COMPANY_PINS)[number]>>();
  if (demoCompany) {
    for (const pin of COMPANY_PINS) {
      const options = publicRequests.filter(
        (r) =>
          r.status === pin.requestStatus &&
          (pin.on === 'any' ? !r.customer.account : r.customer.account === pin.on) &&
          !pins.has(r),
      );
      const chosen = options.find((r) => r.customer.account) ?? options[0];
      if (chosen) pins.set(chosen, [pin]);
    }
  }
  const winners = new Map<RequestDraft, number>();
  for (const r of publicRequests) {
    const pinnedWinner = (pins.get(r) ?? []).filter((p) => p.status === 'pilot' || p.status === 'contract').length;
    if (r.status === 'resolved') winners.set(r, Math.max(1, pinnedWinner));
    else if (r.status === 'closed') winners.set(r, r.customer.account ? 2 + pinnedWinner : pinnedWinner);
  }
  const winnerTarget = Math.round(size.pilots / 1.07);
  const winnerSlots = publicRequests.filter(
    (r) => r.status === 'resolved' || (r.status === 'closed' && r.deadline.getTime() > now - 200 * DAY),
  );
  let winnerTotal = [...winners.values()].reduce((a, b) => a + b, 0);
  for (let guard = 0; winnerTotal < winnerTarget && winnerSlots.length && guard < winnerTarget * 20; guard++) {
    const r = rng.pick(winnerSlots);
    if ((winners.get(r) ?? 0) >= 5 || (r.status === 'closed' && rng.chance(0.5))) continue;
    winners.set(r, (winners.get(r) ?? 0) + 1);
    winnerTotal++;
  }
  const counts = allocateSolutions(rng, publicRequests, winners, pins, size.solutions, companies.length, now);

  // ---- solutions, pilots, contracts
  const solutions: SolutionDraft[] = [];
  const pilots: PilotDraft[] = [];
  const contracts: DemoContract[] = [];
  const missing = [...COVERAGE];
  const needRoles = new Set<Role>(['withdrawn', 'draft', 'submitted', 'shortlisted', 'declined']);
  const ctx: StoryContext = { rng, ids, now, latest, sitesByKind, sites };
  for (const r of publicRequests) {
    const n = counts.get(r) ?? 0;
    if (n === 0) continue;
    const pinned = pins.get(r) ?? [];
    const pool = companies.filter((c) => c.inn !== r.organizationKey);
    const picked = rng.sample(pool, n - pinned.length);
    const slots: Array<{ org: Org; role: Role; pin?: (typeof COMPANY_PINS)[number] }> = [];
    for (const pin of pinned) {
      const role: Role = pin.status === 'pilot' || pin.status === 'contract' ? 'winner' : (pin.status as Role);
      slots.push({ org: demoCompany!, role, pin });
    }
    let winnersLeft = (winners.get(r) ?? 0) - slots.filter((s) => s.role === 'winner').length;
    for (const org of picked) {
      if (winnersLeft > 0) {
        slots.push({ org, role: 'winner' });
        winnersLeft--;
        continue;
      }
      const allowed = rolesFor(r.status);
      const needed = allowed.find((role) => needRoles.has(role));
      slots.push({ org, role: needed ?? rng.weighted(ROLE_WEIGHTS[r.status]) });
    }
    // now and then a company withdraws and answers again with a new solution
    const resubmit =
      slots.length >= 3 && rng.chance(0.08) ? slots.find((s) => !s.pin && s.role !== 'withdrawn') : undefined;
    const made: SolutionDraft[] = [];
    for (const slot of slots) {
      let solution: SolutionDraft | undefined;
      if (slot.role === 'winner') {
        const wanted: WinnerTarget | undefined = slot.pin
          ? { solution: slot.pin.status, pilot: slot.pin.status === 'pilot' ? 'running' : undefined, open: true }
          : missing.find((m) => m.open === (r.status === 'closed' || (r.resolvedAt ?? 0) > now - 60 * DAY));
        const story = makeWinner(ctx, r, slot.org, wanted, slot.pin !== undefined);
        if (story) {
          if (wanted && !slot.pin) missing.splice(missing.indexOf(wanted), 1);
          solution = story.solution;
          pilots.push(...story.pilots);
          if (story.contract) contracts.push(story.contract);
        }
      }
      solution ??= makeSolution(ctx, r, slot.org, slot.role === 'winner' ? fallbackRole(r.status) : slot.role);
      if (!solution && slot.pin) throw new Error(`demo innovation: the demo company's ${slot.pin.status} does not fit`);
      if (!solution) continue;
      needRoles.delete(roleOf(solution.status));
      made.push(solution);
    }
    if (resubmit) {
      const again = made.find((s) => s.organizationKey === resubmit.org.inn);
      const first = again && makeWithdrawnBefore(ctx, r, resubmit.org, again);
      if (first) made.push(first);
    }
    solutions.push(...made);
    if (r.resolvedAt !== null) {
      const at = r.resolvedAt;
      r.winnerSolutionIds = made.filter((s) => WINNING.has(statusAt(s.events, at) ?? 'draft')).map((s) => s.id);
    }
  }
  if (missing.length && size.pilots >= COVERAGE.length) {
    throw new Error(`demo innovation: no story for ${JSON.stringify(missing)}`);
  }

  // ---- scores and NDA acceptances
  for (const s of solutions) scoreSolution(rng, s, now);
  for (const s of solutions) {
    if (s.organizationKey === accounts.company && s.request.ndaTerms !== null) {
      // read the terms, accepted them, then started the solution — all after the request was published
      const published = s.request.publishedAt!.getTime();
      s.ndaAcceptedAt = new Date(Math.max(published + 5 * 60_000, s.createdAt.getTime() - rng.int(10, 600) * 60_000));
    }
  }

  // the solutions' comments name their pilots by number, known only now
  const numberedPilots = numbered(pilots, 'ПИ');
  const pilotNumbers = new Map(numberedPilots.map((p) => [PILOT_NUMBER(p.id), p.number]));
  const named = (comment: string | null) => comment?.replace(/\{pilot:[^}]+\}/, (m) => pilotNumbers.get(m)!) ?? null;
  for (const s of solutions) {
    for (const e of s.events) e.comment = named(e.comment);
    s.lastComment = named(s.lastComment);
  }
  return {
    organizations: extra,
    sites,
    requests: numbered(requests, 'ЗИ').map(({ topic, customer, resolvedAt, cancelledAt, ...r }) => r),
    solutions: numbered(solutions, 'РШ').map(({ request, ...s }) => s),
    pilots: numberedPilots,
    contracts,
  };
}

/** The tasks a customer asks about: its own list, or those of its scopes. */
function topicsOf(customer: Customer): Topic[] {
  const own = customer.org.profile?.topics;
  const pool = own
    ? TOPICS.filter((t) => own.includes(t.title))
    : TOPICS.filter((t) => t.scopes.some((s) => customer.scopes.includes(s)));
  return pool.length ? pool : TOPICS;
}

/** The marker a solution's comment carries until the pilot it names has its number. */
const PILOT_NUMBER = (id: string) => `{pilot:${id}}`;
/** The statuses a request's winners may have when it is resolved (as the requests service checks). */
const WINNING: ReadonlySet<SolutionStatus> = new Set(['shortlisted', 'pilot', 'contract']);

/** The status a timeline shows at a moment; undefined before it starts. */
export function statusAt<S extends string>(events: ReadonlyArray<DemoStep<S>>, at: number): S | undefined {
  let status: S | undefined;
  for (const e of events) if (e.at.getTime() <= at) status = e.status;
  return status;
}

function numbered<T extends { createdAt: Date; id: string }>(rows: T[], prefix: string): Array<T & { number: string }> {
  return [...rows]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    .map((row, i) => ({
      ...row,
      number: `${prefix}-${row.createdAt.getUTCFullYear()}-${String(i + 1).padStart(6, '0')}`,
    }));
}

// ---- sites

function generateSites(rng: Rng, ids: Rng, count: number, orgs: Org[], now: number): DemoPilotSite[] {
  const owners = orgs.filter(
    (o) =>
      o.capabilities.includes('pilot_site_owner') &&
      o.district !== null &&
      (MOSCOW_DISTRICTS as readonly string[]).includes(o.district),
  );
  const ownersOf = (kind: PilotSiteKind): Org[] => {
    const named = owners.filter((o) => o.profile?.siteKinds.includes(kind));
    const generated =
      kind === 'factory' || kind === 'construction'
        ? owners.filter(
            (o) => !o.profile && (kind === 'construction') === ['41', '42', '43'].includes(o.okvedMain.slice(0, 2)),
          )
        : [];
    return [...named, ...named, ...generated];
  };
  const names = new Set<string>();
  const numbers = new Set<string>();
  const unique = (make: () => string) => {
    for (let i = 0; i < 50; i++) {
      const name = make();
      if (!names.has(name)) {
        names.add(name);
        return name;
      }
    }
    return undefined;
  };
  const freeNumber = (prefix: string, lo: number, hi: number) => {
    for (;;) {
      const n = rng.int(lo, hi);
      if (!numbers.has(`${prefix}${n}`)) {
        numbers.add(`${prefix}${n}`);
        return n;
      }
    }
  };
  const street = (district: District, building = 'д.') =>
    `г. Москва, ${rng.pick(STREETS[district])}, ${building} ${rng.int(1, 140)}`;
  const sites: DemoPilotSite[] = [];
  for (let i = 0; sites.length < count && i < count * 10; i++) {
    const kind = i < PILOT_SITE_KINDS.length ? PILOT_SITE_KINDS[i] : rng.weighted(KIND_WEIGHTS);
    // the first twelve sites cover every district
    let district: District = i < MOSCOW_DISTRICTS.length ? MOSCOW_DISTRICTS[i] : rng.weighted(DISTRICT_WEIGHTS);
    const candidates = ownersOf(kind);
    if (!candidates.length) continue;
    let owner = rng.pick(candidates);
    if (!owner.profile && i < MOSCOW_DISTRICTS.length && owner.district !== district) {
      owner = candidates.find((c) => c.profile) ?? owner;
    }
    let name: string | undefined;
    let address = street(district);
    const named = NAMED_SITES[kind]?.filter(([n, d]) => d === district && !names.has(n)) ?? [];
    if (!owner.profile) {
      // a generated company offers its own premises
      district = owner.district as District;
      if (kind === 'construction') {
        address = street(district, 'вл.');
        name = unique(() => `Строительная площадка ${owner.shortName}: ${address.replace('г. Москва, ', '')}`);
      } else {
        address = owner.address?.replace(/, офис \d+$/, '') ?? address; // the premises, not the office
        const base = `Производственная площадка ${owner.shortName}`;
        name = unique(() => (names.has(base) ? `${base}, цех № ${rng.int(2, 9)}` : base));
      }
    } else if (named.length && rng.chance(kind === 'park' || kind === 'transport' ? 0.85 : 0.4)) {
      const [n, , a] = rng.pick(named);
      name = n;
      names.add(n);
      address = a;
    } else {
      name = unique(() => {
        switch (kind) {
          case 'school': {
            const form = rng.weighted([
              ['Школа', 80],
              ['Гимназия', 12],
              ['Лицей', 8],
            ] as const);
            return `ГБОУ ${form} № ${freeNumber('school', 1, 2120)}`;
          }
          case 'clinic': {
            const form = rng.weighted([
              ['ГП', 60],
              ['ДГП', 25],
              ['ГКБ', 15],
            ] as const);
            return `ГБУЗ «${form} № ${freeNumber(form, 1, form === 'ГКБ' ? 70 : 220)} ДЗМ»`;
          }
          case 'park':
            return `Сквер «${rng.pick(SQUARE_NAMES)}» (${district})`;
          case 'transport':
            return rng.chance(0.6)
              ? `Автобусный парк № ${freeNumber('bus', 1, 19)} ГУП «Мосгортранс»`
              : `Электробусный парк «${rng.pick(['Северный', 'Южный', 'Западный', 'Восточный', 'Красная Пресня', 'Салтыковка', 'Митино', 'Бирюлёво'])}»`;
          case 'construction':
            return rng.chance(0.5)
              ? `Объект капитального ремонта: ${address.replace('г. Москва, ', '')}`
              : `Строительная площадка ЖК «${rng.pick(ESTATE_NAMES)}»`;
          case 'factory':
            return owner.profile?.legalForm === 'ОИВ'
              ? `Технопарк «${rng.pick(TECHNOPARK_NAMES)}»`
              : `Производственная площадка ${owner.shortName}, ${rng.pick(['цех', 'корпус', 'участок'])} № ${rng.int(1, 12)}`;
          case 'culture':
            return rng.chance(0.5)
              ? `ГБУК г. Москвы «Библиотека № ${freeNumber('library', 1, 250)}»`
              : `${rng.pick(['Культурный центр', 'Дом культуры'])} «${rng.pick(CULTURE_NAMES)}»`;
          case 'sport':
            return rng.chance(0.5)
              ? `ГБУ «Спортивная школа олимпийского резерва № ${freeNumber('sport', 1, 110)}» Москомспорта`
              : `Физкультурно-оздоровительный комплекс «${rng.pick(SPORT_NAMES)}»`;
        }
      });
    }
    if (!name) continue;
    const testable = rng.sample(TESTABLE[kind], rng.int(2, 3)).join('; ');
    // most sites are on the platform from the start; a few joined later
    const createdAt = rng.chance(0.85)
      ? workingMoment(rng, Date.UTC(2018, 8, 1) + rng.int(0, 480) * DAY)
      : workingMoment(rng, Date.UTC(2020, 0, 1) + rng.next() * Math.max(DAY, now - 60 * DAY - Date.UTC(2020, 0, 1)));
    sites.push({
      id: uuid(ids),
      name,
      kind,
      ownerKey: owner.inn,
      address,
      district,
      testable: testable[0].toUpperCase() + testable.slice(1),
      description: siteDescription(rng, kind, name),
      active: i < MOSCOW_DISTRICTS.length || rng.chance(0.95),
      createdAt: new Date(createdAt),
    });
  }
  if (sites.length < count) throw new Error(`demo innovation: only ${sites.length} of ${count} sites`);
  return sites;
}

// ---- requests

function requestStatuses(rng: Rng, count: number, corporate: boolean, city: boolean) {
  const pinned: Array<{ status: RequestStatus; account: 'corporate' | 'city' | null }> = [];
  for (const account of ['corporate', 'city'] as const) {
    if ((account === 'corporate' && !corporate) || (account === 'city' && !city)) continue;
    if (count < ACCOUNT_REQUESTS.length * 3) continue;
    for (const status of ACCOUNT_REQUESTS) pinned.push({ status, account });
  }
  const wanted = new Map(REQUEST_STATUS_SHARES.map(([s, share]) => [s, Math.max(1, Math.round(count * share))]));
  for (const p of pinned) wanted.set(p.status, Math.max(0, wanted.get(p.status)! - 1));
  const rest: RequestStatus[] = [];
  for (const [status, n] of wanted) for (let i = 0; i < n; i++) rest.push(status);
  // the shares round: published and resolved absorb the difference
  while (pinned.length + rest.length > count) {
    const i = rest.lastIndexOf(rest.filter((s) => s === 'published').length > 1 ? 'published' : 'resolved');
    rest.splice(i, 1);
  }
  while (pinned.length + rest.length < count) rest.push(rest.length % 2 ? 'published' : 'resolved');
  return [...pinned, ...rng.sample(rest, rest.length).map((status) => ({ status, account: null }))];
}

function makeRequest(
  rng: Rng,
  ids: Rng,
  customer: Customer,
  topic: Topic,
  status: RequestStatus,
  pinned: boolean,
  now: number,
  latest: number,
  usedTitles: Map<string, number>,
): RequestDraft {
  // the deadline first: archived ones spread back to 2019, more of them in recent years
  let deadline: number;
  const span = now - 60 * DAY - ARCHIVE_START;
  switch (status) {
    case 'draft':
    case 'moderation':
      deadline = deadlineOn(now + rng.int(45, 200) * DAY);
      break;
    case 'published':
      deadline = deadlineOn(now + rng.int(7, 330) * DAY);
      break;
    case 'closed':
      deadline = deadlineOn(
        pinned
          ? now - rng.int(40, 80) * DAY
          : rng.chance(0.7)
            ? now - rng.int(3, 150) * DAY
            : ARCHIVE_START + rng.next() * (now - 150 * DAY - ARCHIVE_START),
      );
      break;
    default:
      deadline = deadlineOn(
        pinned && status === 'resolved' ? now - rng.int(330, 520) * DAY : ARCHIVE_START + span * rng.next() ** 0.75,
      );
  }
  const events: DemoStep<RequestStatus>[] = [];
  const add = (s: RequestStatus, at: number, actor: DemoInnovationActor, comment: string | null = null) =>
    events.push({ status: s, at: new Date(at), actor, comment });
  let publishedAt: number | null = null;
  let resolvedAt: number | null = null;
  let cancelledAt: number | null = null;
  const returned = rng.chance(0.2);

  if (status === 'draft' || status === 'moderation') {
    const created = workingMoment(rng, now - rng.int(3, 40) * DAY);
    add('draft', created, 'customer');
    if (status === 'draft' && returned) {
      const sent = after(rng, created, 1, 3);
      add('moderation', Math.min(sent, latest - HOUR), 'customer');
      add('draft', Math.min(after(rng, sent, 1, 2), latest), 'operator', rng.pick(MODERATION_RETURNS));
    } else if (status === 'moderation') {
      add('moderation', Math.min(after(rng, created, 1, 2), latest), 'customer');
    }
  } else {
    publishedAt = Math.min(
      workingMoment(rng, deadline - rng.int(30, 120) * DAY),
      workingMoment(rng, now - rng.int(2, 40) * DAY),
    );
    if (publishedAt >= latest) publishedAt = latest - 2 * DAY;
    const moderated = publishedAt - rng.int(1, 4) * DAY - rng.int(1, 5) * HOUR;
    let created = moderated - rng.int(1, 14) * DAY - rng.int(1, 6) * HOUR;
    if (returned) created -= 3 * DAY;
    add('draft', created, 'customer');
    if (returned) {
      add('moderation', created + DAY, 'customer');
      add('draft', created + 2 * DAY, 'operator', rng.pick(MODERATION_RETURNS));
    }
    add('moderation', moderated, 'customer');
    add('published', publishedAt, 'operator');
    if (status !== 'published') {
      add('closed', deadline, 'system', DEADLINE_CLOSE_COMMENT);
      if (status === 'resolved') {
        const hi = Math.min(deadline + 150 * DAY, now - DAY);
        resolvedAt = between(rng, deadline + 21 * DAY, hi) ?? hi;
      }
      if (status === 'cancelled') {
        const hi = Math.min(deadline + 60 * DAY, now - DAY);
        cancelledAt = between(rng, deadline + 3 * DAY, hi) ?? hi;
        add('cancelled', cancelledAt, 'customer', rng.pick(CANCEL_REASONS));
      }
    }
  }

  const base = topic.where && rng.chance(0.45) ? `${topic.title} ${rng.pick(topic.where)}` : topic.title;
  const key = `${customer.org.inn}/${base}`;
  const seen = usedTitles.get(key) ?? 0;
  usedTitles.set(key, seen + 1);
  const title = seen ? `${base}: ${seen + 1}-й этап` : base;
  const nda = rng.chance(0.3) ? rng.pick(NDA_TERMS) : null;
  const pilotOffered = topic.site !== undefined ? rng.chance(0.7) : rng.chance(0.4);
  const brief = `${topic.problem} ${customer.org.shortName} ищет ${topic.need}.`;
  const description = [
    topic.problem,
    `Требования: ${topic.requirements[0].toLowerCase()}${topic.requirements.slice(1)}`,
    rng.pick(DATA_SENTENCES),
    pilotOffered
      ? `Заказчик готов провести пилотное тестирование на своих площадках сроком до ${PILOT_MAX_MONTHS} месяцев${rng.chance(0.5) ? ' и оплатить его' : ''}.`
      : 'Пилотное тестирование проводится за счёт компании, по его итогам возможен договор.',
  ].join(' ');
  const rewardKind: RewardKind = rng.chance(0.15) ? 'prize' : 'budget';
  const budgetKopecks =
    rewardKind === 'prize'
      ? BigInt(roundTo(rng.logUniform(300_000, 5_000_000), 50_000)) * 100n
      : rng.chance(0.1)
        ? null
        : BigInt(roundTo(rng.logUniform(1_000_000, 60_000_000), 100_000)) * 100n;
  const minTrl = rng.weighted([
    [4, 1],
    [5, 2],
    [6, 4],
    [7, 3],
    [8, 1],
  ] as const);
  if (resolvedAt !== null) {
    add('resolved', resolvedAt, 'customer', null);
  }
  const last = events[events.length - 1];
  // the operator's return note on a draft, or the customer's reason for cancelling
  const lastComment = status === 'cancelled' || status === 'draft' ? last.comment : null;
  const request: RequestDraft = {
    id: uuid(ids),
    organizationKey: customer.org.inn,
    kind: customer.kind,
    title,
    brief,
    description,
    scopes: topic.scopes
      .filter((s) => customer.scopes.includes(s))
      .concat(topic.scopes.filter((s) => !customer.scopes.includes(s)))
      .slice(0, 3),
    technologies: topic.technologies,
    problemTypes: topic.problems,
    expectedResult: pilotOffered ? `${topic.result} Пилотное внедрение на ${rng.int(1, 5)} объектах.` : topic.result,
    minTrl,
    rewardKind,
    budgetKopecks,
    pilotOffered,
    deadline: new Date(deadline),
    relatedRequestIds: [],
    ndaTerms: nda,
    ndaVersion: nda && rng.chance(0.1) ? 2 : 1,
    status,
    lastComment,
    winnerSolutionIds: [],
    publishedAt: publishedAt !== null ? new Date(publishedAt) : null,
    closedAt: status === 'closed' || status === 'resolved' || status === 'cancelled' ? new Date(deadline) : null,
    version: events.length,
    createdAt: events[0].at,
    updatedAt: last.at,
    events,
    expertAppointedAt: null,
    topic,
    customer,
    resolvedAt,
    cancelledAt,
  };
  if (publishedAt !== null && (customer.account !== null || rng.chance(0.35))) {
    const appointed = after(rng, publishedAt, 1, 7);
    if (appointed < latest) request.expertAppointedAt = new Date(appointed);
  }
  return request;
}

// ---- solutions

const ROLE_WEIGHTS: Record<RequestStatus, ReadonlyArray<readonly [Role, number]>> = {
  draft: [],
  moderation: [],
  published: [
    ['draft', 2],
    ['submitted', 5],
    ['shortlisted', 1.2],
    ['declined', 1.2],
    ['withdrawn', 0.6],
  ],
  closed: [
    ['submitted', 3],
    ['shortlisted', 2],
    ['declined', 4],
    ['withdrawn', 0.6],
  ],
  resolved: [
    ['declined', 6],
    ['withdrawn', 0.6],
  ],
  cancelled: [
    ['declined', 3],
    ['withdrawn', 0.6],
  ],
};

function rolesFor(status: RequestStatus): Role[] {
  return ROLE_WEIGHTS[status].map(([role]) => role);
}

function fallbackRole(status: RequestStatus): Role {
  return status === 'closed' ? 'shortlisted' : 'declined';
}

function roleOf(status: SolutionStatus): Role {
  return status === 'pilot' || status === 'contract' || status === 'not_adopted' ? 'winner' : status;
}

function allocateSolutions(
  rng: Rng,
  requests: RequestDraft[],
  winners: Map<RequestDraft, number>,
  pins: Map<RequestDraft, unknown[]>,
  total: number,
  companies: number,
  now: number,
): Map<RequestDraft, number> {
  const counts = new Map<RequestDraft, number>();
  const cap = Math.max(1, companies - 1);
  let assigned = 0;
  for (const r of requests) {
    const min = Math.min(cap, (pins.get(r)?.length ?? 0) + (winners.get(r) ?? 0) + (r.status === 'resolved' ? 1 : 0));
    counts.set(r, min);
    assigned += min;
  }
  const weights = requests.map((r) => {
    let factor = { published: 1.1, closed: 1, resolved: 1.2, cancelled: 0.5, draft: 0, moderation: 0 }[r.status];
    if (r.status === 'published' && r.publishedAt) {
      // answers come in while the request is open: fewer on a fresh one
      const elapsed = (now - r.publishedAt.getTime()) / Math.max(DAY, r.deadline.getTime() - r.publishedAt.getTime());
      factor *= 0.4 + 0.6 * Math.min(1, elapsed);
    }
    return factor * rng.logUniform(0.3, 3);
  });
  let left = total - assigned;
  while (left > 0) {
    const sum = weights.reduce((a, w, i) => a + ((counts.get(requests[i]) ?? 0) < cap ? w : 0), 0);
    if (sum === 0) break;
    let given = 0;
    for (const [i, r] of requests.entries()) {
      const room = cap - counts.get(r)!;
      if (room <= 0) continue;
      const share = Math.min(room, Math.floor((left * weights[i]) / sum));
      counts.set(r, counts.get(r)! + share);
      given += share;
    }
    if (given === 0) {
      // the remainder one by one, to the heaviest with room
      const order = requests.map((r, i) => [r, weights[i]] as const).sort((a, b) => b[1] - a[1]);
      for (const [r] of order) {
        if (given >= left) break;
        if (counts.get(r)! < cap) {
          counts.set(r, counts.get(r)! + 1);
          given++;
        }
      }
      if (given === 0) break;
    }
    left -= given;
  }
  return counts;
}

interface StoryContext {
  rng: Rng;
  ids: Rng;
  now: number;
  latest: number;
  sites: DemoPilotSite[];
  sitesByKind: Map<PilotSiteKind, DemoPilotSite[]>;
}

function personName(rng: Rng): string {
  const female = rng.chance(0.4);
  const surname = rng.pick(SURNAMES);
  return female ? `${rng.pick(FEMALE_FIRST)} ${surname}а` : `${rng.pick(MALE_FIRST)} ${surname}`;
}

function solutionTexts(rng: Rng, r: RequestDraft, org: Org, trl: number) {
  const topic = r.topic;
  const product = rng.pick(topic.products);
  const techs = topic.technologies.filter((t) => APPROACH[t]);
  const approach = rng.pick(APPROACH[techs.length ? rng.pick(techs) : 'smart_city']!);
  const promise = `Ожидаемый эффект: ${topic.metric} — не ниже ${Math.min(100, topic.target + rng.int(0, 5))} %.`;
  const opening = rng.pick(['Предлагаем', 'Готовы внедрить', 'Разработали и предлагаем']);
  const sentences = [
    `${opening} ${product} для задачи «${r.title}».`,
    approach,
    promise,
    rng.pick(EVIDENCE),
    `Уровень готовности технологии — TRL ${trl}.`,
  ];
  let summary = '';
  for (const s of sentences) {
    const next = summary ? `${summary} ${s}` : s;
    if (next.length > SOLUTION_SUMMARY_MAX) break;
    summary = next;
  }
  const description = [
    `${org.shortName} предлагает ${product}.`,
    `Решение отвечает требованиям заказчика: ${topic.requirements[0].toLowerCase()}${topic.requirements.slice(1)}`,
    approach,
    rng.pick(INTEGRATION),
    rng.pick(EVIDENCE),
  ].join(' ');
  const weeks = [rng.int(1, 3), rng.int(4, 7), rng.int(1, 2)];
  const pilotPlan = `Этап 1 (${weeks[0]} нед.): подготовка и установка на площадке. Этап 2 (${weeks[1]} нед.): опытная эксплуатация, сбор показателей. Этап 3 (${weeks[2]} нед.): оценка результатов — ${topic.metric}, цель ${topic.target} %.`;
  const size = rng.weighted([
    [1, 1],
    [2, 3],
    [3, 5],
    [4, 6],
    [5, 5],
    [6, 4],
    [7, 2],
    [8, 2],
    [9, 1],
    [10, 1],
  ] as const);
  const roles = [
    rng.pick(LEAD_ROLES),
    ...rng.sample([...TEAM_ROLES, ...topic.scopes.flatMap((s) => DOMAIN_ROLES[s] ?? [])], size - 1),
  ];
  const people = new Set<string>();
  const team: TeamMember[] = roles.map((role) => {
    let name = personName(rng);
    while (people.has(name)) name = personName(rng);
    people.add(name);
    return { name, role };
  });
  const budget = r.budgetKopecks !== null ? Number(r.budgetKopecks / 100n) : rng.logUniform(1_000_000, 20_000_000);
  const priceKopecks = rng.chance(0.12) ? null : BigInt(roundTo(budget * (0.3 + rng.next() * 0.8), 1000)) * 100n;
  return { summary, description, novelty: rng.pick(NOVELTY), pilotPlan, team, priceKopecks };
}

/** The part of every solution's story up to submission (or a draft), within the request's window. */
function openSolution(ctx: StoryContext, r: RequestDraft, org: Org, trl: number, submit: boolean, notBefore = 0) {
  const { rng } = ctx;
  const start = Math.max(r.publishedAt!.getTime() + HOUR, notBefore);
  const end = Math.min(r.deadline.getTime(), ctx.latest);
  const created = between(rng, start, submit ? end - DAY : end);
  if (created === undefined) return undefined;
  const events: DemoStep<SolutionStatus>[] = [
    { status: 'draft', at: new Date(created), actor: 'company', comment: null },
  ];
  let submittedAt: number | null = null;
  if (submit) {
    submittedAt = after(rng, created, 0, 10);
    if (submittedAt >= end) submittedAt = between(rng, created, end) ?? null;
    if (submittedAt === null) return undefined;
    events.push({ status: 'submitted', at: new Date(submittedAt), actor: 'company', comment: null });
  }
  const texts = solutionTexts(rng, r, org, trl);
  const solution: SolutionDraft = {
    id: uuid(ctx.ids),
    requestId: r.id,
    organizationKey: org.inn,
    ...texts,
    trl,
    status: submit ? 'submitted' : 'draft',
    lastComment: null,
    scoreAverage: null,
    scoreCount: 0,
    submittedAt: submittedAt !== null ? new Date(submittedAt) : null,
    decidedAt: null,
    version: 0,
    createdAt: new Date(created),
    updatedAt: new Date(created),
    events,
    scores: [],
    ndaAcceptedAt: null,
    request: r,
  };
  return solution;
}

function step(
  s: SolutionDraft,
  status: SolutionStatus,
  at: number,
  actor: DemoInnovationActor,
  comment: string | null,
) {
  s.events.push({ status, at: new Date(at), actor, comment });
  s.status = status;
  // as the service keeps it: the comment of the last move
  s.lastComment = comment;
  if (actor === 'customer') s.decidedAt = new Date(at);
}

function finish<T extends { events: DemoStep<string>[]; version: number; updatedAt: Date }>(row: T): T {
  row.version = row.events.length;
  row.updatedAt = row.events[row.events.length - 1].at;
  return row;
}

function decisionWindow(ctx: StoryContext, r: RequestDraft, submittedAt: number): [number, number] {
  const deadline = r.deadline.getTime();
  switch (r.status) {
    case 'published':
      return [submittedAt + 2 * DAY, Math.min(submittedAt + 40 * DAY, ctx.latest)];
    case 'closed':
      return [Math.max(submittedAt, deadline) + HOUR, Math.min(deadline + 90 * DAY, ctx.latest)];
    case 'resolved':
      return [Math.max(submittedAt, deadline) + HOUR, r.resolvedAt! - HOUR];
    default:
      return [r.cancelledAt! + 10 * 60_000, Math.min(r.cancelledAt! + 2 * DAY, ctx.latest)];
  }
}

function makeSolution(ctx: StoryContext, r: RequestDraft, org: Org, role: Role): SolutionDraft | undefined {
  const { rng } = ctx;
  if (role === 'draft' && r.status !== 'published') return undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    const trl =
      role === 'shortlisted' ? rng.int(Math.max(r.minTrl, 4), 9) : role === 'declined' ? rng.int(2, 8) : rng.int(3, 8);
    const withdrawFromDraft = role === 'withdrawn' && rng.chance(0.3);
    const s = openSolution(ctx, r, org, trl, role !== 'draft' && !withdrawFromDraft);
    if (!s) continue;
    const submittedAt = s.submittedAt?.getTime() ?? s.createdAt.getTime();
    if (role === 'withdrawn') {
      const at = after(rng, submittedAt, 1, 20);
      if (at >= Math.min(r.deadline.getTime(), ctx.latest)) continue;
      step(s, 'withdrawn', at, 'company', rng.pick(WITHDRAW_REASONS));
    } else if (role === 'shortlisted' || role === 'declined') {
      const [lo, hi] = decisionWindow(ctx, r, submittedAt);
      const at = between(rng, lo, hi);
      if (at === undefined) continue;
      const comment =
        role === 'declined'
          ? r.status === 'cancelled'
            ? `Запрос отменён заказчиком. ${r.lastComment ?? ''}`.trim()
            : rng.pick(DECLINE_REASONS)
          : null;
      step(s, role, at, 'customer', comment);
    }
    return finish(s);
  }
  return undefined;
}

/** A withdrawn solution of the same company on the same request, before its current one was started. */
function makeWithdrawnBefore(ctx: StoryContext, r: RequestDraft, org: Org, current: SolutionDraft) {
  const { rng } = ctx;
  const before = current.createdAt.getTime() - DAY;
  const start = r.publishedAt!.getTime() + HOUR;
  const created = between(rng, start, before - 2 * DAY);
  if (created === undefined) return undefined;
  const submitted = between(rng, created, before - DAY);
  const withdrawn = submitted !== undefined ? between(rng, submitted, before) : undefined;
  if (submitted === undefined || withdrawn === undefined) return undefined;
  const s: SolutionDraft = {
    id: uuid(ctx.ids),
    requestId: r.id,
    organizationKey: org.inn,
    ...solutionTexts(rng, r, org, Math.max(1, current.trl - 1)),
    trl: Math.max(1, current.trl - 1),
    status: 'withdrawn',
    lastComment: null,
    scoreAverage: null,
    scoreCount: 0,
    submittedAt: new Date(submitted),
    decidedAt: null,
    version: 0,
    createdAt: new Date(created),
    updatedAt: new Date(created),
    events: [
      { status: 'draft', at: new Date(created), actor: 'company', comment: null },
      { status: 'submitted', at: new Date(submitted), actor: 'company', comment: null },
    ],
    scores: [],
    ndaAcceptedAt: null,
    request: r,
  };
  step(s, 'withdrawn', withdrawn, 'company', 'Подадим обновлённую версию решения.');
  return finish(s);
}

function pickSite(ctx: StoryContext, r: RequestDraft, at: number, running: boolean): DemoPilotSite | undefined {
  const { rng } = ctx;
  const fits = (s: DemoPilotSite) => s.createdAt.getTime() < at && (s.active || !running);
  const kinds = r.topic.site ? [r.topic.site] : [...new Set(r.customer.org.profile?.siteKinds ?? [])];
  const pool = (kinds.length ? kinds.flatMap((k) => ctx.sitesByKind.get(k) ?? []) : ctx.sites).filter(fits);
  const own = pool.filter((s) => s.ownerKey === r.organizationKey);
  if (own.length && rng.chance(0.75)) return rng.pick(own);
  if (pool.length) return rng.pick(pool);
  const any = ctx.sites.filter(fits);
  return any.length ? rng.pick(any) : undefined;
}

interface WinnerStory {
  solution: SolutionDraft;
  pilots: PilotDraft[];
  contract: DemoContract | null;
}

function fitsTarget(story: WinnerStory, target: WinnerTarget | undefined): boolean {
  if (!target) return true;
  if (target.solution && story.solution.status !== target.solution) return false;
  if (target.pilot && !story.pilots.some((p) => p.status === target.pilot)) return false;
  return true;
}

/** A solution chosen for a pilot: tried until its story fits the target (if any) and the clock. */
function makeWinner(
  ctx: StoryContext,
  r: RequestDraft,
  org: Org,
  target: WinnerTarget | undefined,
  required: boolean,
): WinnerStory | undefined {
  const { rng } = ctx;
  const tries = target ? 400 : 30;
  for (let attempt = 0; attempt < tries; attempt++) {
    const plan: WinnerPlan =
      target?.pilot === 'rejected'
        ? 'rejected'
        : target?.pilot === 'cancelled'
          ? 'cancelled'
          : target?.solution === 'contract'
            ? rng.pick(['contract', 'contract_later'] as const)
            : target?.solution === 'not_adopted'
              ? 'failure'
              : rng.weighted(WINNER_PLANS);
    const story = winnerStory(ctx, r, org, plan);
    if (story && fitsTarget(story, target)) return story;
  }
  if (required) return undefined;
  // no story fits the target: any story the clock allows
  if (target) return makeWinner(ctx, r, org, undefined, false);
  return undefined;
}

function winnerStory(ctx: StoryContext, r: RequestDraft, org: Org, plan: WinnerPlan): WinnerStory | undefined {
  const { rng, latest } = ctx;
  const trl = rng.int(Math.max(6, r.minTrl), 9);
  const s = openSolution(ctx, r, org, trl, true);
  if (!s) return undefined;
  const submittedAt = s.submittedAt!.getTime();
  const deadline = r.deadline.getTime();
  // a resolved request names its winners among the shortlisted (or further) at resolution
  const resolvedAt = r.status === 'resolved' ? r.resolvedAt! : null;
  const shortlistHi = resolvedAt !== null ? resolvedAt - 2 * DAY : latest - DAY;
  const shortlistLo = Math.max(submittedAt, deadline) + HOUR;
  const shortlisted = between(rng, Math.max(shortlistLo, r.status === 'closed' ? latest - 150 * DAY : 0), shortlistHi);
  if (shortlisted === undefined) return undefined;
  step(s, 'shortlisted', shortlisted, 'customer', null);

  const pilots: PilotDraft[] = [];
  let contract: DemoContract | null = null;
  const done = () => finishWinner(s, pilots, contract);
  const sign = (at: number, pilotId: string | null) => {
    const price =
      s.priceKopecks ?? r.budgetKopecks ?? BigInt(roundTo(rng.logUniform(1_000_000, 20_000_000), 1000)) * 100n;
    const rounded = ((price * BigInt(rng.int(80, 110))) / 100n / 100_000n) * 100_000n;
    const amount = rounded > 0n ? rounded : 100_000_000n;
    const signedOn = isoDate(at);
    contract = {
      id: uuid(ctx.ids),
      solutionId: s.id,
      pilotId,
      requestId: r.id,
      organizationKey: org.inn,
      customerKey: r.organizationKey,
      amountKopecks: amount,
      signedOn,
      createdAt: new Date(at),
    };
    step(s, 'contract', at, 'customer', `Договор от ${signedOn} на ${formatRubles(amount)}`);
  };
  if (plan === 'contract_without_pilot') {
    const at = after(rng, Math.max(shortlisted, resolvedAt ?? 0), 5, 40);
    if (at <= latest) sign(at, null);
    return done();
  }
  // proposals come after the shortlist; on a resolved request the pilot ends after the resolution, so the winners
  // named then are still shortlisted or in pilot
  let proposed = after(rng, shortlisted, 1, 12);
  if (resolvedAt !== null && proposed < resolvedAt - 20 * DAY) proposed = after(rng, resolvedAt - 20 * DAY, 0, 10);
  if (proposed > latest) return undefined;

  let current: WinnerPlan = plan;
  for (let round = 0; round < 2; round++) {
    const site = pickSite(ctx, r, proposed, true);
    if (!site) return undefined;
    const weeks = rng.int(4, 12);
    const pilot: PilotDraft = {
      id: uuid(ctx.ids),
      solutionId: s.id,
      requestId: r.id,
      siteId: site.id,
      organizationKey: org.inn,
      customerKey: r.organizationKey,
      plan: `Пилот на площадке «${site.name}»: ${weeks} нед. опытной эксплуатации. Показатель — ${r.topic.metric}, цель — ${r.topic.target} %. ${s.pilotPlan}`,
      trl: s.trl,
      startsOn: '',
      endsOn: '',
      status: 'proposed',
      lastComment: null,
      resultReport: null,
      outcome: null,
      startedAt: null,
      completedAt: null,
      version: 0,
      createdAt: new Date(proposed),
      updatedAt: new Date(proposed),
      events: [{ status: 'proposed', at: new Date(proposed), actor: 'customer', comment: null }],
    };
    pilots.push(pilot);
    const pstep = (status: PilotStatus, at: number, actor: DemoInnovationActor, comment: string | null = null) => {
      pilot.events.push({ status, at: new Date(at), actor, comment });
      pilot.status = status;
      pilot.lastComment = comment;
    };
    // the dates the pilot is planned for: at most three calendar months
    const answered = after(rng, proposed, 2, 12);
    const startDay = dayOf(answered) + rng.int(3, 21) * DAY;
    pilot.startsOn = isoDate(startDay);
    const longest = addMonthsIso(pilot.startsOn, PILOT_MAX_MONTHS);
    const planned = isoDate(startDay + Math.min(weeks * 7, 92) * DAY);
    pilot.endsOn = [planned, longest].sort()[0]; // ISO dates: the earlier sorts first
    const endDay = Date.parse(`${pilot.endsOn}T00:00:00Z`);

    // refused by the site or called off by the customer before the site answered: the solution stays shortlisted
    if (current === 'rejected' || current === 'cancelled') {
      if (answered > latest) return done();
      if (current === 'rejected') pstep('rejected', answered, 'site_owner', rng.pick(PILOT_REJECT_REASONS));
      else pstep('cancelled', answered, 'customer', rng.pick(PILOT_CANCEL_REASONS));
      if (round === 0 && rng.chance(0.5)) {
        proposed = after(rng, answered, 3, 20);
        if (proposed > latest) return done();
        current = rng.weighted(
          WINNER_PLANS.filter(([p]) => p !== 'rejected' && p !== 'cancelled' && p !== 'contract_without_pilot'),
        );
        continue;
      }
      const declined = after(rng, Math.max(answered, resolvedAt ?? 0), 5, 30);
      if (declined <= latest)
        step(s, 'declined', declined, 'customer', 'Пилот не состоялся, решение не будет внедрено.');
      return done();
    }
    if (answered > latest) return done();
    pstep('approved', answered, 'site_owner');
    step(s, 'pilot', answered, 'site_owner', `Пилот ${PILOT_NUMBER(pilot.id)} одобрен площадкой`);
    const started = workingMoment(rng, startDay);
    if (started > latest) return done();
    pstep('running', started, rng.chance(0.5) ? 'company' : 'customer');
    pilot.startedAt = new Date(started);
    const completed = workingMoment(rng, endDay + rng.int(0, 7) * DAY);
    if (completed > latest) return done();
    const success = current !== 'failure';
    const target = r.topic.target;
    const value = success
      ? Math.min(100, target + rng.int(0, 8))
      : Math.max(1, Math.round(target * (0.4 + rng.next() * 0.45)));
    pilot.outcome = success ? 'success' : 'failure';
    pilot.resultReport = success
      ? `Пилот завершён успешно: ${r.topic.metric} — ${value} % при целевом значении ${target} %. ${rng.pick(SUCCESS_NOTES)}`
      : `Целевые показатели не достигнуты: ${r.topic.metric} — ${value} % при целевом значении ${target} %. ${rng.pick(FAILURE_NOTES)}`;
    pilot.completedAt = new Date(completed);
    pstep('completed', completed, 'customer', success ? 'Пилот успешен' : 'Пилот неуспешен');
    if (!success) {
      step(s, 'not_adopted', completed, 'customer', `Пилот ${PILOT_NUMBER(pilot.id)} неуспешен`);
    } else if (current === 'contract') {
      sign(completed, pilot.id);
    } else if (current === 'contract_later') {
      const at = after(rng, completed, 10, 60);
      if (at <= latest) sign(at, pilot.id);
    }
    // 'success_open': a successful pilot, no contract yet — the solution stays in pilot
    return done();
  }
  return done();
}

function finishWinner(s: SolutionDraft, pilots: PilotDraft[], contract: DemoContract | null): WinnerStory {
  for (const p of pilots) finish(p);
  return { solution: finish(s), pilots, contract };
}

function scoreSolution(rng: Rng, s: SolutionDraft, now: number) {
  const r = s.request;
  if (!s.submittedAt) return;
  const submitted = s.submittedAt.getTime();
  const firstDecision = s.events.find((e) => e.actor === 'customer')?.at.getTime() ?? null;
  const until = firstDecision ?? now - HOUR;
  const level: 'high' | 'mid' | 'low' =
    s.status === 'declined' ? 'low' : s.status === 'submitted' || s.status === 'withdrawn' ? 'mid' : 'high';
  const scorers: Array<'expert' | 'customer'> = [];
  const decided = firstDecision !== null;
  if (r.expertAppointedAt && rng.chance(decided ? 0.8 : s.status === 'submitted' ? 0.4 : 0)) scorers.push('expert');
  if (r.customer.account && rng.chance(decided ? 0.9 : s.status === 'submitted' ? 0.3 : 0)) scorers.push('customer');
  for (const scorer of scorers) {
    const from = Math.max(submitted, scorer === 'expert' ? r.expertAppointedAt!.getTime() : submitted);
    const at = between(rng, from, until);
    if (at === undefined) continue;
    const scores: CriterionScore[] = DEFAULT_REQUEST_CRITERIA.map((c, i) => {
      const share = level === 'high' ? rng.int(65, 100) : level === 'mid' ? rng.int(45, 85) : rng.int(15, 60);
      return {
        criterion: c.key,
        score: Math.round((c.maxScore * share) / 100),
        comment: i === 0 ? rng.pick(SCORE_COMMENTS[level]) : '',
      };
    });
    s.scores.push({
      scorer,
      scores,
      total: weightedScore(DEFAULT_REQUEST_CRITERIA, scores),
      comment: rng.chance(0.6) ? rng.pick(SCORE_COMMENTS[level]) : null,
      scoredAt: new Date(at),
    });
  }
  if (s.scores.length) {
    s.scoreCount = s.scores.length;
    s.scoreAverage = Math.round(s.scores.reduce((sum, x) => sum + x.total, 0) / s.scores.length);
  }
}
