// A seeded generator of innovative projects and investments for the demo: projects with their partners (joint when
// two or more cluster participants confirmed), investor profiles, startups' needs and deals with two-sided
// confirmation, each with the timeline of statuses it went through. Sized so that the public figures read like the
// published ones: ≈14.3 thousand implemented projects, ≈5 thousand of them joint, ≈34.2 bn RUB of investment.
// Pure: no database, no clock, no Math.random — the same input always gives the same data, ids included.
import type { StartupStage, TechnologyArea } from '../../shared/domain.ts';
import { innWithCheckDigits, ogrnWithCheckDigit } from '../../shared/requisites.ts';
import {
  DEAL_ROUNDS,
  type DealInstrument,
  type DealRound,
  type DealStatus,
  type InvestorType,
  JOINT_MIN_PARTICIPANTS,
  type Market,
  type PartnerStatus,
  type ProjectStage,
  type ProjectStatus,
} from '../../shared/ventures.ts';
import type { DemoData } from '../config.ts';
import { type DemoOrganization, Rng } from './demo-organizations.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The platform opened: nothing of projects and deals was recorded before. */
const PLATFORM_START = Date.UTC(2018, 0, 15);
/** Implemented projects and closed deals grow this much a year. */
const GROWTH = 1.17;

export interface DemoVenturesSize {
  /** projects with status implemented */
  implemented: number;
  /** of them joint: ≥ 2 distinct confirmed cluster participants */
  joint: number;
  /** planned, active and cancelled projects */
  other: number;
  deals: number;
  /** the sum of closed deals confirmed by both sides and not disputed, in kopecks */
  investmentKopecks: bigint;
}

export const DEMO_VENTURES_SIZES: Record<DemoData, DemoVenturesSize> = {
  full: { implemented: 14_300, joint: 5_000, other: 3_000, deals: 4_000, investmentKopecks: 3_420_000_000_000n },
  small: { implemented: 150, joint: 50, other: 40, deals: 40, investmentKopecks: 34_200_000_000n },
  none: { implemented: 0, joint: 0, other: 0, deals: 0, investmentKopecks: 0n },
};

/** What the generator needs of an organization; a DemoOrganization or an organizations row fits. */
export interface DemoVentureOrganization {
  inn: string;
  shortName: string;
  capabilities: readonly string[];
  technologies: readonly string[];
  okvedMain: string;
  district: string | null;
  regionCode: string;
  smeCategory: string;
  foundedOn: string | null;
  isStartup: boolean;
  startupStage: string | null;
  membershipStatus: string;
  membershipKind: string | null;
  admittedAt: Date | null;
}

/** A contract signed on a solution: the company's project that carries it on. */
export interface DemoContractOrigin {
  solutionId: string;
  pilotId: string | null;
  organizationKey: string;
  customerKey: string;
  signedOn: string;
  requestTitle: string;
  technologies: readonly string[];
}

/** A completed support application: the project it financed. */
export interface DemoApplicationOrigin {
  applicationId: string;
  organizationKey: string;
  measureCode: string;
  measureTitle: string;
  decidedAt: Date;
  completedAt: Date;
}

export interface DemoVenturesInput {
  now: Date;
  size: DemoVenturesSize;
  /** every organization of the demo so far; the investors below are added */
  organizations: DemoVentureOrganization[];
  /** the INNs of the demo accounts' organizations */
  accounts: { company?: string; corporate?: string; investor?: string };
  origins?: { contracts: DemoContractOrigin[]; applications: DemoApplicationOrigin[] };
  seed?: number;
}

/** Who took a step; the insert resolves it to a person of that side when there is one. */
export type DemoVentureActor = 'lead' | 'investor' | 'company' | 'operator';

export interface DemoVentureStep<S extends string> {
  status: S;
  at: Date;
  actor: DemoVentureActor;
  comment: string | null;
}

export interface DemoProject {
  id: string;
  number: string;
  leadKey: string;
  title: string;
  description: string;
  technologies: TechnologyArea[];
  trl: number;
  budgetKopecks: bigint | null;
  startedOn: string;
  plannedEndOn: string | null;
  implementedOn: string | null;
  stage: ProjectStage;
  status: ProjectStatus;
  leadDistrict: string | null;
  confirmedParticipants: number;
  joint: boolean;
  originSolutionId: string | null;
  originPilotId: string | null;
  originApplicationId: string | null;
  originDealId: string | null;
  lastComment: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  events: DemoVentureStep<ProjectStatus>[];
}

export interface DemoProjectPartner {
  projectId: string;
  organizationKey: string;
  status: PartnerStatus;
  role: string;
  invitedAt: Date;
  decidedAt: Date | null;
}

export interface DemoInvestorProfile {
  organizationKey: string;
  type: InvestorType;
  stages: StartupStage[];
  technologies: TechnologyArea[];
  markets: Market[];
  ticketMinKopecks: bigint;
  ticketMaxKopecks: bigint;
  fundSizeKopecks: bigint | null;
  description: string;
  public: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoStartupNeed {
  organizationKey: string;
  rounds: DealRound[];
  instruments: DealInstrument[];
  markets: Market[];
  amountKopecks: bigint;
  pitch: string;
  updatedAt: Date;
}

export interface DemoDeal {
  id: string;
  number: string;
  investorKey: string;
  companyKey: string;
  projectId: string | null;
  round: DealRound;
  instrument: DealInstrument;
  amountKopecks: bigint;
  dealDate: string;
  status: DealStatus;
  /** the side that recorded the deal; it confirms a closed deal right away */
  createdBy: 'investor' | 'company';
  closedAt: Date | null;
  investorConfirmedAt: Date | null;
  companyConfirmedAt: Date | null;
  disputedAt: Date | null;
  disputedBy: 'investor' | 'company' | null;
  disputeReason: string | null;
  lastComment: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  events: DemoVentureStep<DealStatus>[];
}

export interface DemoVentures {
  /** the funds, accelerators and business angels the generator added: insert them before the rest */
  organizations: DemoOrganization[];
  investorProfiles: DemoInvestorProfile[];
  startupNeeds: DemoStartupNeed[];
  projects: DemoProject[];
  partners: DemoProjectPartner[];
  deals: DemoDeal[];
}

/**
 * The rule of the figures: a cluster participant is an organization admitted as a participant (a Moscow one, not a
 * partner from another region) whose membership is in force.
 */
export function isClusterParticipant(org: { membershipStatus: string; membershipKind: string | null }): boolean {
  return org.membershipStatus === 'participant' && org.membershipKind !== 'partner';
}

/** Distinct confirmed cluster participants of a project (the lead counts when it is one), as the figures count. */
export function countConfirmedParticipants(
  leadKey: string,
  confirmedKeys: readonly string[],
  isParticipant: (key: string) => boolean,
): number {
  const keys = new Set([leadKey, ...confirmedKeys]);
  let n = 0;
  for (const key of keys) if (isParticipant(key)) n++;
  return n;
}

/** Closed, confirmed by both sides and not disputed: the deals the investment figure sums. */
export function countsAsInvestment(
  deal: Pick<DemoDeal, 'status' | 'investorConfirmedAt' | 'companyConfirmedAt' | 'disputedAt'>,
) {
  return (
    deal.status === 'closed' &&
    deal.investorConfirmedAt !== null &&
    deal.companyConfirmedAt !== null &&
    deal.disputedAt === null
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Words

const TECH_FIELD: Record<TechnologyArea, string> = {
  ai: 'искусственного интеллекта',
  big_data: 'больших данных',
  robotics: 'робототехники',
  drones: 'беспилотных систем',
  iot: 'интернета вещей',
  cybersecurity: 'кибербезопасности',
  blockchain: 'распределённых реестров',
  vr_ar: 'виртуальной и дополненной реальности',
  biotech: 'биотехнологий',
  medtech: 'медицинских технологий',
  pharma: 'фармацевтики',
  new_materials: 'новых материалов',
  energy: 'энергетики',
  cleantech: 'экологичных технологий',
  transport: 'транспортных технологий',
  smart_city: 'технологий умного города',
  fintech: 'финансовых технологий',
  edtech: 'образовательных технологий',
  agritech: 'агротехнологий',
  space: 'космических технологий',
  electronics: 'электроники',
  quantum: 'квантовых технологий',
  construction: 'строительных технологий',
  manufacturing: 'промышленного производства',
};

/** The names of the areas, as the UI shows them (ru.json), in lower case for lists inside a sentence. */
const TECH_NAME: Record<TechnologyArea, string> = {
  ai: 'искусственный интеллект',
  big_data: 'большие данные',
  robotics: 'робототехника',
  drones: 'беспилотные системы',
  iot: 'интернет вещей',
  cybersecurity: 'кибербезопасность',
  blockchain: 'блокчейн',
  vr_ar: 'виртуальная и дополненная реальность',
  biotech: 'биотехнологии',
  medtech: 'медицинские технологии',
  pharma: 'фармацевтика',
  new_materials: 'новые материалы',
  energy: 'энергетика',
  cleantech: 'экологичные технологии',
  transport: 'транспорт',
  smart_city: 'умный город',
  fintech: 'финансовые технологии',
  edtech: 'образовательные технологии',
  agritech: 'агротехнологии',
  space: 'космос',
  electronics: 'электроника',
  quantum: 'квантовые технологии',
  construction: 'строительные технологии',
  manufacturing: 'промышленное производство',
};

type Domain =
  | 'metro'
  | 'transport'
  | 'housing'
  | 'energy'
  | 'healthcare'
  | 'education'
  | 'ecology'
  | 'industry'
  | 'public_services'
  | 'construction'
  | 'finance'
  | 'culture';

const DOMAIN_TECH: Record<Domain, TechnologyArea[]> = {
  metro: ['transport'],
  transport: ['transport', 'smart_city'],
  housing: ['smart_city', 'construction'],
  energy: ['energy'],
  healthcare: ['medtech'],
  education: ['edtech'],
  ecology: ['cleantech', 'smart_city'],
  industry: ['manufacturing'],
  public_services: ['smart_city'],
  construction: ['construction'],
  finance: ['fintech'],
  culture: ['smart_city'],
};

/** Where a solution was tried: «Испытания проведены …». */
const DOMAIN_PLACES: Record<Domain, string[]> = {
  metro: ['на станциях Московского метрополитена', 'в электродепо Московского метрополитена'],
  transport: ['на улично-дорожной сети Москвы', 'в автобусных и трамвайных парках города'],
  housing: [
    'в многоквартирных домах нескольких районов Москвы',
    'на объектах городского жилищно-коммунального хозяйства',
  ],
  energy: ['на объектах городской энергосистемы', 'на питающих центрах и трансформаторных подстанциях города'],
  healthcare: ['в городских поликлиниках', 'в многопрофильных больницах Москвы'],
  education: ['в московских школах', 'в колледжах и городских технопарках'],
  ecology: ['в парках и на природных территориях Москвы', 'на станциях экологического мониторинга города'],
  industry: [
    'на производственных площадках технопарков Москвы',
    'на предприятиях особой экономической зоны «Технополис Москва»',
  ],
  public_services: ['в центрах госуслуг «Мои документы»', 'в городских информационных системах'],
  construction: ['на строительных площадках города', 'на объектах программы реновации'],
  finance: ['в банках и платёжных сервисах', 'в крупных розничных сетях'],
  culture: ['в музеях и парках Москвы', 'на городских спортивных объектах'],
};

/** A way a solution is built, after its title: «… на основе машинного обучения». */
interface Method {
  tech: TechnologyArea;
  text: string;
  /** only for objects with the flag (o: outdoors, fit for drones; r: a robot can inspect it; i: sensors fit) */
  needs?: 'o' | 'r' | 'i';
}

const M = (tech: TechnologyArea, text: string, needs?: Method['needs']): Method => ({ tech, text, needs });

/** [object in the genitive, its domain, flags, technologies it brings] */
type TaskObject = readonly [string, Domain, string?, TechnologyArea[]?];

interface TaskGroup {
  name: string;
  products: string[];
  /** genitive: «Система <function> <object>» */
  functions: string[];
  objects: TaskObject[];
  methods: Method[];
  /** technologies that lead an organization to this kind of project */
  technologies: TechnologyArea[];
  results: string[];
}

const TASK_GROUPS: TaskGroup[] = [
  {
    name: 'assets',
    products: [
      'Система',
      'Программно-аппаратный комплекс',
      'Интеллектуальная система',
      'Цифровая платформа',
      'Автоматизированная система',
      'Мобильный комплекс',
      'Геоинформационная система',
      'Решение',
    ],
    functions: [
      'предиктивной диагностики',
      'мониторинга технического состояния',
      'дистанционного контроля',
      'автоматизированной инспекции',
      'раннего выявления неисправностей',
      'прогнозирования отказов',
      'оценки износа',
      'планирования ремонтов',
    ],
    objects: [
      ['эскалаторов метрополитена', 'metro', 'i'],
      ['подвижного состава метрополитена', 'metro', 'ri'],
      ['тоннельных конструкций метрополитена', 'metro', 'ri'],
      ['трамвайных путей', 'transport', 'ori'],
      ['светофорных объектов', 'transport', 'oi'],
      ['электробусов', 'transport', 'i'],
      ['городских мостов и путепроводов', 'construction', 'ori'],
      ['дорожного покрытия', 'transport', 'or'],
      ['лифтового оборудования жилых домов', 'housing', 'i'],
      ['тепловых сетей', 'housing', 'ori'],
      ['водопроводных сетей', 'housing', 'ri'],
      ['насосных станций водоснабжения', 'housing', 'i'],
      ['инженерных систем многоквартирных домов', 'housing', 'i'],
      ['кровель и фасадов жилых домов', 'housing', 'o'],
      ['трансформаторных подстанций', 'energy', 'oi'],
      ['кабельных линий электропередачи', 'energy', 'ori'],
      ['зарядной инфраструктуры электротранспорта', 'energy', 'i'],
      ['систем наружного освещения', 'energy', 'oi'],
      ['медицинского оборудования городских больниц', 'healthcare', 'i'],
      ['станков с числовым программным управлением', 'industry', 'i'],
      ['производственных линий', 'industry', 'ri'],
      ['башенных кранов на строительных площадках', 'construction', 'oi'],
    ],
    methods: [
      M('ai', 'на основе машинного обучения'),
      M('ai', 'на базе нейросетевых моделей'),
      M('ai', 'с применением компьютерного зрения', 'o'),
      M('iot', 'на базе беспроводных датчиков интернета вещей', 'i'),
      M('iot', 'с сетью вибрационных и температурных датчиков', 'i'),
      M('big_data', 'на основе анализа телеметрии'),
      M('drones', 'с применением беспилотных летательных аппаратов', 'o'),
      M('robotics', 'с использованием мобильных роботов-инспекторов', 'r'),
      M('electronics', 'на отечественной электронной компонентной базе', 'i'),
      M('quantum', 'с квантовыми сенсорами', 'i'),
      M('space', 'по данным спутникового мониторинга', 'o'),
    ],
    technologies: [
      'ai',
      'iot',
      'big_data',
      'drones',
      'robotics',
      'electronics',
      'transport',
      'smart_city',
      'energy',
      'construction',
      'quantum',
      'space',
    ],
    results: [
      'Внеплановые простои оборудования сократились на {n} %.',
      'Затраты на техническое обслуживание снизились на {n} %.',
      'Неисправности выявляются в среднем за {d} дней до отказа.',
      'Время обследования одного объекта сократилось в {k} раза.',
    ],
  },
  {
    name: 'flows',
    products: [
      'Система',
      'Сервис',
      'Платформа',
      'Цифровой сервис',
      'Аналитическая платформа',
      'Облачный сервис',
      'Программный комплекс',
      'Модуль',
    ],
    functions: [
      'прогнозирования',
      'моделирования',
      'оперативного анализа',
      'оптимизации',
      'мониторинга в реальном времени',
      'интеллектуального планирования',
    ],
    objects: [
      ['пассажиропотоков метрополитена', 'metro', 'i'],
      ['транспортных потоков на вылетных магистралях', 'transport', 'i'],
      ['движения наземного общественного транспорта', 'transport', 'i'],
      ['загрузки парковочного пространства', 'transport', 'i'],
      ['спроса на такси и каршеринг', 'transport'],
      ['грузовых перевозок в черте города', 'transport'],
      ['потока пациентов в городских поликлиниках', 'healthcare'],
      ['нагрузки на службу скорой медицинской помощи', 'healthcare'],
      ['обращений граждан в центры госуслуг', 'public_services'],
      ['нагрузки на городской контакт-центр', 'public_services'],
      ['посещаемости городских парков', 'culture', 'i'],
      ['потребления тепла и электроэнергии', 'energy', 'i'],
      ['спроса в розничной сети', 'finance'],
      ['закупок лекарственных препаратов', 'healthcare'],
    ],
    methods: [
      M('ai', 'на основе машинного обучения'),
      M('ai', 'с использованием искусственного интеллекта'),
      M('big_data', 'на основе анализа больших данных'),
      M('big_data', 'с использованием открытых данных города'),
      M('iot', 'на данных городских датчиков', 'i'),
      M('quantum', 'на основе квантово-вдохновлённых алгоритмов оптимизации'),
    ],
    technologies: ['ai', 'big_data', 'transport', 'smart_city', 'medtech', 'fintech', 'quantum'],
    results: [
      'Точность прогноза достигла {p} %.',
      'Среднее время ожидания сократилось на {n} %.',
      'Решения по данным системы принимаются в {k} раза быстрее.',
    ],
  },
  {
    name: 'environment',
    products: [
      'Система',
      'Сеть',
      'Программно-аппаратный комплекс',
      'Платформа',
      'Сервис',
      'Геоинформационная система',
      'Мобильный комплекс',
    ],
    functions: ['непрерывного мониторинга', 'прогнозирования', 'контроля', 'оперативной оценки'],
    objects: [
      ['качества атмосферного воздуха', 'ecology', 'oi'],
      ['уровня шума вблизи магистралей', 'ecology', 'oi'],
      ['состояния зелёных насаждений', 'ecology', 'o'],
      ['качества воды в городских водоёмах', 'ecology', 'oi'],
      ['выбросов промышленных предприятий', 'industry', 'oi'],
      ['состояния почв на территории бывших промзон', 'ecology', 'o'],
      ['микроклимата в школьных классах', 'education', 'i'],
      ['энергопотребления бюджетных учреждений', 'energy', 'i'],
      ['теплопотерь жилых зданий', 'housing', 'oi'],
      ['заполнения контейнерных площадок', 'housing', 'oi'],
    ],
    methods: [
      M('iot', 'на базе сети автономных датчиков', 'i'),
      M('ai', 'на основе машинного обучения'),
      M('drones', 'с применением беспилотных летательных аппаратов', 'o'),
      M('big_data', 'на основе анализа больших данных'),
      M('cleantech', 'с датчиками на солнечных батареях', 'i'),
      M('space', 'по данным спутниковой съёмки', 'o'),
      M('biotech', 'с применением биоиндикаторов', 'o'),
    ],
    technologies: ['iot', 'cleantech', 'drones', 'smart_city', 'space', 'energy', 'biotech'],
    results: [
      'Данные поступают в городскую систему мониторинга каждые {m} минут.',
      'Число точек контроля увеличилось в {k} раза.',
      'Нарушения выявляются на {n} % чаще, чем при выездных проверках.',
    ],
  },
  {
    name: 'processes',
    products: [
      'Сервис',
      'Платформа',
      'Цифровая платформа',
      'Система',
      'Программный комплекс',
      'Облачный сервис',
      'Решение',
    ],
    functions: ['автоматизации', 'цифровизации', 'сквозной автоматизации', 'ускорения'],
    objects: [
      ['приёма и маршрутизации обращений граждан', 'public_services'],
      ['записи на приём к врачу', 'healthcare'],
      ['документооборота строительного контроля', 'construction'],
      ['складской логистики аптечной сети', 'finance', 'r'],
      ['проверки документов в кредитном конвейере', 'finance', undefined, ['fintech']],
      ['составления школьного расписания', 'education'],
      ['приёмки работ подрядчиков ЖКХ', 'housing', 'o'],
      ['оформления разрешений на строительство', 'construction'],
      ['выдачи лекарственных препаратов по льготным рецептам', 'healthcare'],
      ['учёта посетителей музеев и выставок', 'culture'],
      ['закупок для городских нужд', 'public_services'],
      ['технического обслуживания подвижного состава', 'metro', 'r'],
    ],
    methods: [
      M('ai', 'с использованием искусственного интеллекта'),
      M('ai', 'на основе больших языковых моделей'),
      M('big_data', 'на основе анализа больших данных'),
      M('blockchain', 'на базе распределённого реестра'),
      M('robotics', 'с применением программных роботов'),
      M('drones', 'с фотофиксацией с беспилотников', 'o'),
      M('robotics', 'с роботизированными складскими комплексами', 'r'),
    ],
    technologies: [
      'ai',
      'big_data',
      'blockchain',
      'fintech',
      'smart_city',
      'construction',
      'medtech',
      'edtech',
      'pharma',
    ],
    results: [
      'Срок обработки сократился на {n} %.',
      'Доля операций без участия сотрудника достигла {p} %.',
      'Число ошибок в документах снизилось в {k} раза.',
    ],
  },
  {
    name: 'detection',
    products: [
      'Система',
      'Сервис',
      'Интеллектуальная система',
      'Программный комплекс',
      'Модуль',
      'Программно-аппаратный комплекс',
      'Решение',
    ],
    functions: ['автоматического выявления', 'раннего обнаружения', 'распознавания', 'автоматической фиксации'],
    objects: [
      ['дефектов дорожного покрытия', 'transport', 'o'],
      ['нарушений правил парковки', 'transport', 'o'],
      ['мошеннических операций в платёжных сервисах', 'finance', undefined, ['fintech']],
      ['возгораний в лесопарковых зонах', 'ecology', 'oi'],
      ['протечек в инженерных сетях', 'housing', 'i'],
      ['патологий на рентгеновских снимках', 'healthcare', undefined, ['medtech']],
      ['новообразований по данным компьютерной томографии', 'healthcare', undefined, ['medtech']],
      ['незаконных врезок в водопроводные сети', 'housing', 'i'],
      ['киберугроз в городских информационных системах', 'public_services', undefined, ['cybersecurity']],
      ['дефектов сварных швов', 'industry', 'r'],
      ['несанкционированных свалок', 'ecology', 'o'],
      ['нарушений техники безопасности на стройплощадках', 'construction', 'o'],
      ['брака на производственной линии', 'industry', 'r'],
    ],
    methods: [
      M('ai', 'с применением компьютерного зрения'),
      M('ai', 'на базе нейросетевых моделей'),
      M('drones', 'с применением беспилотных летательных аппаратов', 'o'),
      M('big_data', 'на основе анализа больших данных'),
      M('iot', 'на базе беспроводных датчиков', 'i'),
      M('robotics', 'с использованием роботизированных манипуляторов', 'r'),
    ],
    technologies: ['ai', 'drones', 'cybersecurity', 'medtech', 'fintech', 'smart_city'],
    results: [
      'Точность распознавания составила {p} %.',
      'Доля пропущенных случаев снизилась на {n} %.',
      'Время реакции сократилось в {k} раза.',
    ],
  },
  {
    name: 'training',
    products: [
      'Платформа',
      'Тренажёр',
      'Цифровой сервис',
      'Образовательная платформа',
      'Симулятор',
      'Программа',
      'Мобильный комплекс',
    ],
    functions: [
      'персонализированного обучения',
      'дистанционного обучения',
      'профессиональной подготовки',
      'оценки компетенций',
    ],
    objects: [
      ['школьников по естественнонаучным предметам', 'education'],
      ['операторов городских служб', 'public_services'],
      ['медицинского персонала', 'healthcare'],
      ['водителей общественного транспорта', 'transport'],
      ['машинистов метрополитена', 'metro'],
      ['студентов колледжей по рабочим профессиям', 'education'],
      ['сотрудников экстренных служб', 'public_services'],
      ['учителей информатики', 'education'],
    ],
    methods: [
      M('vr_ar', 'с применением виртуальной реальности'),
      M('vr_ar', 'с элементами дополненной реальности'),
      M('ai', 'с адаптивными траекториями на основе искусственного интеллекта'),
      M('edtech', 'с геймификацией и цифровым портфолио'),
    ],
    technologies: ['edtech', 'vr_ar'],
    results: [
      'Обучение прошли более {people} человек.',
      'Время подготовки сократилось на {n} %.',
      'Доля успешно сдавших аттестацию выросла на {n} %.',
    ],
  },
  {
    name: 'efficiency',
    products: [
      'Система',
      'Комплекс',
      'Технология',
      'Платформа',
      'Программно-аппаратный комплекс',
      'Решение',
      'Программа',
    ],
    functions: [
      'снижения энергопотребления',
      'автоматизированного учёта энергоресурсов',
      'энергетического аудита',
      'интеллектуального регулирования теплоснабжения',
    ],
    objects: [
      ['многоквартирных домов', 'housing', 'i'],
      ['школ и детских садов', 'education', 'i'],
      ['производственных цехов', 'industry', 'i'],
      ['офисных зданий', 'construction', 'i'],
      ['объектов здравоохранения', 'healthcare', 'i'],
      ['станций метрополитена', 'metro', 'i'],
      ['спортивных комплексов', 'culture', 'i'],
    ],
    methods: [
      M('iot', 'на базе интеллектуальных приборов учёта', 'i'),
      M('ai', 'на основе машинного обучения'),
      M('energy', 'с системами накопления энергии'),
      M('new_materials', 'с применением новых теплоизоляционных материалов'),
      M('cleantech', 'с использованием тепловых насосов'),
      M('electronics', 'на отечественной силовой электронике'),
    ],
    technologies: ['energy', 'cleantech', 'iot', 'new_materials', 'construction', 'electronics'],
    results: [
      'Потребление энергоресурсов снизилось на {n} %.',
      'Срок окупаемости составил {y} года.',
      'Расходы на отопление сократились на {n} %.',
    ],
  },
  {
    name: 'manufacturing',
    products: ['Технология', 'Линия', 'Комплекс', 'Роботизированная ячейка', 'Участок', 'Система', 'Модуль'],
    functions: [
      'аддитивного производства',
      'контроля качества',
      'роботизированной сборки',
      'серийного выпуска',
      'механической обработки',
    ],
    objects: [
      ['деталей подвижного состава', 'metro'],
      ['корпусов электронных устройств', 'industry', undefined, ['electronics']],
      ['медицинских имплантатов', 'healthcare', undefined, ['medtech']],
      ['элементов инженерных конструкций', 'construction'],
      ['композитных панелей', 'industry', undefined, ['new_materials']],
      ['печатных плат', 'industry', undefined, ['electronics']],
      ['компонентов беспилотных аппаратов', 'industry', undefined, ['drones']],
    ],
    methods: [
      M('robotics', 'с применением коллаборативных роботов'),
      M('ai', 'с контролем на основе компьютерного зрения'),
      M('new_materials', 'из отечественных композитных материалов'),
      M('manufacturing', 'с цифровым двойником производства'),
      M('electronics', 'с отечественными системами управления'),
    ],
    technologies: ['manufacturing', 'robotics', 'new_materials', 'electronics'],
    results: [
      'Производительность участка выросла на {n} %.',
      'Доля брака снизилась на {n} %.',
      'Себестоимость изделия снизилась на {n} %.',
    ],
  },
  {
    name: 'life',
    products: ['Технология', 'Платформа', 'Методика', 'Комплекс', 'Программа', 'Система'],
    functions: [
      'ранней диагностики',
      'экспресс-диагностики',
      'персонализированной терапии',
      'лабораторного контроля',
      'профилактики',
      'дистанционного наблюдения пациентов при лечении',
    ],
    objects: [
      ['сердечно-сосудистых заболеваний', 'healthcare'],
      ['онкологических заболеваний', 'healthcare'],
      ['сахарного диабета', 'healthcare'],
      ['инфекционных заболеваний', 'healthcare'],
      ['нейродегенеративных заболеваний', 'healthcare'],
      ['заболеваний органов дыхания', 'healthcare'],
      ['аллергических заболеваний', 'healthcare'],
      ['осложнений после хирургических операций', 'healthcare'],
    ],
    methods: [
      M('biotech', 'на основе ПЦР-анализа'),
      M('biotech', 'на основе геномного секвенирования'),
      M('biotech', 'с применением биосенсоров'),
      M('ai', 'с использованием искусственного интеллекта'),
      M('medtech', 'с носимыми медицинскими устройствами'),
      M('medtech', 'с применением телемедицинских технологий'),
      M('pharma', 'на основе отечественных лекарственных препаратов'),
      M('big_data', 'на основе анализа медицинских данных'),
    ],
    technologies: ['biotech', 'pharma', 'medtech'],
    results: [
      'Чувствительность метода составила {p} %.',
      'Число осложнений снизилось на {n} %.',
      'Время до постановки диагноза сократилось в {k} раза.',
    ],
  },
  {
    name: 'agro',
    products: ['Система', 'Технология', 'Комплекс', 'Платформа', 'Модуль'],
    functions: [
      'автоматизированного выращивания',
      'круглогодичного выращивания',
      'контроля условий выращивания',
      'светодиодного досвечивания',
    ],
    objects: [
      ['зелени в вертикальных фермах', 'industry', 'i'],
      ['овощей в городских теплицах', 'industry', 'i'],
      ['ягод на гидропонике', 'industry', 'i'],
      ['посадочного материала для городского озеленения', 'ecology', 'i'],
      ['микрозелени для ресторанов', 'industry', 'i'],
    ],
    methods: [
      M('agritech', 'с замкнутым циклом водоснабжения'),
      M('iot', 'на базе датчиков микроклимата', 'i'),
      M('ai', 'с управлением на основе машинного обучения'),
      M('robotics', 'с роботизированным сбором урожая'),
      M('energy', 'с энергоэффективным светодиодным освещением'),
    ],
    technologies: ['agritech'],
    results: [
      'Урожайность выросла на {n} %.',
      'Расход воды снизился на {n} %.',
      'Себестоимость продукции снизилась на {n} %.',
    ],
  },
];

/** The genitive of the products, after «Разработка», «Внедрение»… */
const PRODUCT_GENITIVE: Record<string, string> = {
  Система: 'системы',
  'Программно-аппаратный комплекс': 'программно-аппаратного комплекса',
  'Интеллектуальная система': 'интеллектуальной системы',
  'Цифровая платформа': 'цифровой платформы',
  'Автоматизированная система': 'автоматизированной системы',
  'Мобильный комплекс': 'мобильного комплекса',
  'Геоинформационная система': 'геоинформационной системы',
  Решение: 'решения',
  Сервис: 'сервиса',
  Платформа: 'платформы',
  'Цифровой сервис': 'цифрового сервиса',
  'Аналитическая платформа': 'аналитической платформы',
  'Облачный сервис': 'облачного сервиса',
  'Программный комплекс': 'программного комплекса',
  Модуль: 'модуля',
  Сеть: 'сети',
  Тренажёр: 'тренажёра',
  'Образовательная платформа': 'образовательной платформы',
  Симулятор: 'симулятора',
  Программа: 'программы',
  Комплекс: 'комплекса',
  Технология: 'технологии',
  Линия: 'линии',
  'Роботизированная ячейка': 'роботизированной ячейки',
  Участок: 'участка',
  Методика: 'методики',
};
/** What is being done with the product, before its genitive: «Внедрение системы …». */
const TITLE_PREFIXES = [
  'Разработка',
  'Создание',
  'Внедрение',
  'Разработка и внедрение',
  'Пилотное внедрение',
  'Масштабирование',
  'Опытная эксплуатация',
  'Тиражирование',
];

/** Areas whose projects are products of their own rather than a function applied to a city object. */
const PRODUCT_TITLES: Partial<Record<TechnologyArea, Array<readonly [string, Domain]>>> = {
  biotech: [
    ['Тест-система для экспресс-диагностики инфекционных заболеваний методом ПЦР', 'healthcare'],
    ['Технология микробиологической очистки ливневых стоков', 'ecology'],
    ['Биопрепарат для восстановления городских газонов', 'ecology'],
    ['Платформа разработки моноклональных антител', 'healthcare'],
    ['Тест-система для оценки генетических рисков сердечно-сосудистых заболеваний', 'healthcare'],
  ],
  pharma: [
    ['Отечественный биоаналог препарата для терапии ревматоидного артрита', 'healthcare'],
    ['Технология производства субстанций противовирусных препаратов', 'industry'],
    ['Лекарственная форма с пролонгированным высвобождением для лечения гипертонии', 'healthcare'],
    ['Платформа доклинических исследований лекарственных кандидатов', 'healthcare'],
  ],
  medtech: [
    ['Носимый кардиомонитор для дистанционного наблюдения пациентов', 'healthcare'],
    ['Роботизированный комплекс для реабилитации после инсульта', 'healthcare'],
    ['Портативный аппарат УЗИ для выездных бригад скорой помощи', 'healthcare'],
    ['Система телемедицинских консультаций для городских поликлиник', 'healthcare'],
    ['Экзоскелет для реабилитации пациентов с травмами позвоночника', 'healthcare'],
  ],
  agritech: [
    ['Вертикальная ферма для круглогодичного выращивания зелени', 'industry'],
    ['Система точного земледелия для городских теплиц', 'industry'],
    ['Технология гидропонного выращивания ягод', 'industry'],
  ],
  space: [
    ['Сервис мониторинга городской застройки по спутниковым снимкам', 'construction'],
    ['Малый космический аппарат дистанционного зондирования Земли', 'industry'],
    ['Наземная станция приёма спутниковых данных', 'public_services'],
  ],
  quantum: [
    ['Система квантового распределения ключей для защиты городских сетей связи', 'public_services'],
    ['Квантовый сенсор магнитного поля для медицинской диагностики', 'healthcare'],
    ['Эмулятор квантовых вычислений для оптимизации логистики', 'transport'],
  ],
  new_materials: [
    ['Композитный материал для ремонта дорожного покрытия', 'transport'],
    ['Антибактериальное покрытие для поверхностей общественного транспорта', 'transport'],
    ['Теплоизоляционный аэрогель для фасадов зданий', 'construction'],
    ['Биоразлагаемая упаковка для городского ритейла', 'finance'],
  ],
  fintech: [
    ['Сервис оплаты проезда по биометрии', 'transport'],
    ['Сервис кредитного скоринга для малого бизнеса', 'finance'],
    ['Платформа цифровых финансовых активов для инвестиций в городские проекты', 'finance'],
  ],
  cybersecurity: [
    ['Система защиты городских цифровых сервисов от DDoS-атак', 'public_services'],
    ['Платформа управления доступом для городских информационных систем', 'public_services'],
    ['Центр мониторинга киберинцидентов для медицинских организаций', 'healthcare'],
  ],
  blockchain: [
    ['Реестр электронных паспортов качества строительных материалов на блокчейне', 'construction'],
    ['Система прослеживаемости лекарственных препаратов на базе распределённого реестра', 'healthcare'],
  ],
  vr_ar: [
    ['Виртуальный музей истории Москвы', 'culture'],
    ['Сервис навигации в метрополитене с дополненной реальностью', 'metro'],
    ['VR-тренажёр для подготовки спасателей', 'public_services'],
  ],
};

const PRODUCT_RESULTS = [
  'Разработка прошла испытания и готова к серийному применению.',
  'Получены документы, необходимые для вывода на рынок.',
  'Продукт поставлен первым заказчикам в Москве.',
];

const IMPLEMENTED_COMMENTS = [
  'Результаты приняты заказчиком, решение введено в эксплуатацию.',
  'Подписан акт внедрения.',
  'Проект завершён, решение передано в промышленную эксплуатацию.',
  'Все этапы выполнены, отчёт о реализации опубликован.',
];
const CANCEL_REASONS = [
  'Заказчик пересмотрел приоритеты и закрыл направление.',
  'Не удалось привлечь софинансирование.',
  'Ключевой партнёр вышел из проекта.',
  'Испытания не подтвердили заявленные характеристики.',
  'Проект объединён с другим проектом компании.',
];
const STARTED_COMMENTS = ['Работы начаты.', 'Команда сформирована, работы начаты.', null, null];

const PARTNER_ROLES = {
  company: [
    'Разработка программного обеспечения',
    'Поставка оборудования',
    'Системная интеграция',
    'Разработка аппаратной части',
    'Анализ данных и обучение моделей',
    'Производство опытной партии',
    'Техническое сопровождение внедрения',
  ],
  science: ['Научное сопровождение и испытания', 'Исследования и разработка методики'],
  education: ['Подготовка кадров', 'Научно-методическое сопровождение'],
  customer: ['Заказчик, площадка для внедрения', 'Заказчик и эксплуатирующая организация'],
  site: ['Площадка для испытаний'],
} as const;

const DROP_REASONS: Record<'intro' | 'due_diligence' | 'term_sheet', string[]> = {
  intro: [
    'Компания не соответствует инвестиционной стратегии.',
    'Стороны не сошлись в оценке компании.',
    'Компания решила отложить привлечение инвестиций.',
  ],
  due_diligence: [
    'По итогам проверки выявлены риски в структуре владения.',
    'Финансовая модель не подтвердилась.',
    'Команда приняла предложение другого инвестора.',
  ],
  term_sheet: [
    'Не согласованы условия term sheet.',
    'Основатели не приняли условия о ликвидационных привилегиях.',
    'Инвестиционный комитет не одобрил сделку.',
  ],
};
const DISPUTE_REASONS = [
  'Сумма не совпадает с полученной по договору.',
  'Сделка не закрыта: договор не подписан.',
  'Указан неверный инструмент: средства получены как заём.',
];

const ROUND_LABEL: Record<DealRound, string> = {
  pre_seed: 'pre-seed',
  seed: 'seed',
  a: 'раунд A',
  b: 'раунд B',
  c: 'раунд C',
  later: 'поздняя стадия',
};
const INSTRUMENT_LABEL: Record<DealInstrument, string> = {
  equity: 'инвестиции в капитал',
  convertible_loan: 'конвертируемый заём',
  loan: 'заём',
  grant: 'грант',
};
const STAGE_NAME: Record<StartupStage, string> = {
  idea: 'идея',
  seed: 'посевная',
  early: 'ранняя',
  growth: 'рост',
  maturity: 'зрелость',
};

// ---------------------------------------------------------------------------------------------------------------
// The investors the demo adds: funds, accelerators and business angels (not cluster members)

interface AddedInvestor {
  shortName: string;
  fullName: string;
  legalForm: string;
  person: boolean;
  type: InvestorType;
  district: string;
  address: string;
  technologies: TechnologyArea[];
  description: string;
  founded: string;
}

const ADDED_INVESTORS: AddedInvestor[] = [
  {
    shortName: 'АО «Столичный фонд технологических инвестиций»',
    fullName: 'Акционерное общество «Столичный фонд технологических инвестиций»',
    legalForm: 'АО',
    person: false,
    type: 'state_fund',
    district: 'ЦАО',
    address: 'г. Москва, ул. Тверская, д. 13',
    technologies: ['ai', 'smart_city', 'medtech', 'transport', 'energy'],
    description: 'Фонд с участием города: инвестирует в технологические компании Москвы на ранних стадиях.',
    founded: '2012-04-10',
  },
  {
    shortName: 'АНО «Фонд развития городских инноваций»',
    fullName: 'Автономная некоммерческая организация «Фонд развития городских инноваций»',
    legalForm: 'АНО',
    person: false,
    type: 'state_fund',
    district: 'ЦАО',
    address: 'г. Москва, ул. Новый Арбат, д. 21',
    technologies: ['smart_city', 'edtech', 'cleantech', 'construction'],
    description: 'Гранты и займы технологическим компаниям, решающим задачи городского хозяйства.',
    founded: '2016-09-01',
  },
  {
    shortName: 'ООО «Стартап Акселератор Москва»',
    fullName: 'Общество с ограниченной ответственностью «Стартап Акселератор Москва»',
    legalForm: 'ООО',
    person: false,
    type: 'accelerator',
    district: 'СВАО',
    address: 'г. Москва, ул. Годовикова, д. 9, стр. 17',
    technologies: ['ai', 'big_data', 'fintech', 'edtech', 'iot'],
    description: 'Акселерационная программа для технологических стартапов: обучение, менторы и посевные инвестиции.',
    founded: '2015-02-20',
  },
  {
    shortName: 'АНО «Акселератор городских технологий»',
    fullName: 'Автономная некоммерческая организация «Акселератор городских технологий»',
    legalForm: 'АНО',
    person: false,
    type: 'accelerator',
    district: 'ЮАО',
    address: 'г. Москва, пр-т Андропова, д. 18, корп. 7',
    technologies: ['smart_city', 'transport', 'drones', 'robotics', 'vr_ar'],
    description: 'Готовит стартапы к пилотам с городскими заказчиками и инвестирует в лучшие команды выпуска.',
    founded: '2017-06-05',
  },
  {
    shortName: 'ООО «Северный Капитал Венчурс»',
    fullName: 'Общество с ограниченной ответственностью «Северный Капитал Венчурс»',
    legalForm: 'ООО',
    person: false,
    type: 'private_fund',
    district: 'САО',
    address: 'г. Москва, Ленинградский пр-т, д. 39, стр. 80',
    technologies: ['ai', 'big_data', 'cybersecurity', 'fintech'],
    description: 'Частный венчурный фонд: B2B-программное обеспечение и инфраструктура данных.',
    founded: '2014-11-12',
  },
  {
    shortName: 'АО «Меридиан Капитал»',
    fullName: 'Акционерное общество «Меридиан Капитал»',
    legalForm: 'АО',
    person: false,
    type: 'private_fund',
    district: 'ЦАО',
    address: 'г. Москва, Пресненская наб., д. 12',
    technologies: ['medtech', 'biotech', 'pharma', 'new_materials'],
    description: 'Фонд прямых и венчурных инвестиций в науки о жизни и новые материалы.',
    founded: '2011-03-28',
  },
  {
    shortName: 'ООО «Телеком Венчурс»',
    fullName: 'Общество с ограниченной ответственностью «Телеком Венчурс»',
    legalForm: 'ООО',
    person: false,
    type: 'corporate_fund',
    district: 'ЦАО',
    address: 'г. Москва, ул. Большая Ордынка, д. 25, стр. 1',
    technologies: ['iot', 'ai', 'cybersecurity', 'electronics'],
    description: 'Корпоративный венчурный фонд оператора связи: решения для сетей и цифровых сервисов.',
    founded: '2016-05-17',
  },
  {
    shortName: 'ООО «ПромТех Венчурс»',
    fullName: 'Общество с ограниченной ответственностью «ПромТех Венчурс»',
    legalForm: 'ООО',
    person: false,
    type: 'corporate_fund',
    district: 'ВАО',
    address: 'г. Москва, ул. Электрозаводская, д. 24',
    technologies: ['manufacturing', 'robotics', 'new_materials', 'energy'],
    description: 'Корпоративный фонд промышленной группы: автоматизация производства и новые материалы.',
    founded: '2018-01-09',
  },
  {
    shortName: 'ИП Соколов Андрей Викторович',
    fullName: 'Индивидуальный предприниматель Соколов Андрей Викторович',
    legalForm: 'ИП',
    person: true,
    type: 'business_angel',
    district: 'ЗАО',
    address: 'г. Москва',
    technologies: ['ai', 'fintech', 'edtech'],
    description: 'Бизнес-ангел, основатель двух ИТ-компаний; инвестирует в команды на стадии идеи и посевной.',
    founded: '2013-08-01',
  },
  {
    shortName: 'ИП Белова Марина Сергеевна',
    fullName: 'Индивидуальный предприниматель Белова Марина Сергеевна',
    legalForm: 'ИП',
    person: true,
    type: 'business_angel',
    district: 'ЦАО',
    address: 'г. Москва',
    technologies: ['medtech', 'biotech', 'edtech'],
    description: 'Бизнес-ангел, бывший топ-менеджер фармацевтической компании; помогает с выходом на рынок.',
    founded: '2015-05-14',
  },
  {
    shortName: 'ИП Гусев Дмитрий Олегович',
    fullName: 'Индивидуальный предприниматель Гусев Дмитрий Олегович',
    legalForm: 'ИП',
    person: true,
    type: 'business_angel',
    district: 'ЮЗАО',
    address: 'г. Москва',
    technologies: ['robotics', 'drones', 'iot', 'electronics'],
    description: 'Бизнес-ангел и инженер: аппаратные стартапы, робототехника и беспилотники.',
    founded: '2012-10-03',
  },
  {
    shortName: 'ИП Романова Елена Павловна',
    fullName: 'Индивидуальный предприниматель Романова Елена Павловна',
    legalForm: 'ИП',
    person: true,
    type: 'business_angel',
    district: 'СЗАО',
    address: 'г. Москва',
    technologies: ['smart_city', 'cleantech', 'agritech'],
    description: 'Бизнес-ангел: экологичные технологии и сервисы для горожан.',
    founded: '2016-12-20',
  },
];

/**
 * The investors the demo adds, beside the generated organizations that have the investor capability. INN bodies
 * 9908… and OGRN bodies 10277992000… / 3047799200… stay clear of the generated organizations and of the other
 * demo additions.
 */
export function demoVentureOrganizations(): DemoOrganization[] {
  return ADDED_INVESTORS.map((p, i) => {
    const n = String(i + 1).padStart(2, '0');
    return {
      legalType: p.person ? 'sole_proprietor' : 'legal_entity',
      inn: p.person ? innWithCheckDigits(`99081000${n}`) : innWithCheckDigits(`9908000${n}`),
      ogrn: p.person ? ogrnWithCheckDigit(`30477992000${n.padStart(3, '0')}`) : ogrnWithCheckDigit(`1027799200${n}`),
      kpp: p.person ? null : '770101001',
      fullName: p.fullName,
      shortName: p.shortName,
      legalForm: p.legalForm,
      regionCode: '77',
      district: p.district,
      address: p.address,
      okvedMain: p.person ? '64.99' : p.type === 'accelerator' ? '70.22' : '64.30',
      okvedSection: p.person ? 'K' : p.type === 'accelerator' ? 'M' : 'K',
      okvedExtra: [],
      smeCategory: p.person ? 'micro' : p.type === 'corporate_fund' || p.type === 'state_fund' ? 'medium' : 'small',
      foundedOn: p.founded,
      employees: p.person ? 1 : p.type === 'accelerator' ? 24 : 15,
      annualRevenueKopecks: p.person ? 0n : 18_000_000_000n,
      website: null,
      description: p.description,
      technologies: p.technologies,
      isStartup: false,
      startupStage: null,
      isExporter: false,
      residencies: [],
      capabilities: ['investor'],
      membershipStatus: 'none',
      membershipKind: null,
      registryNumber: null,
      admittedAt: null,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Time, ids, numbers

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

/** A moment in [lo, hi], a working one when there is room. */
function between(rng: Rng, lo: number, hi: number): number {
  if (hi <= lo) return lo;
  const at = workingMoment(rng, lo + rng.next() * (hi - lo));
  return at >= lo && at <= hi ? at : lo + Math.floor(rng.next() * (hi - lo));
}

/** A moment in [from, to], years weighed so that each year brings more than the one before. */
function grownMoment(rng: Rng, from: number, to: number): number {
  const years: Array<readonly [number, number]> = [];
  for (let y = new Date(from).getUTCFullYear(); y <= new Date(to).getUTCFullYear(); y++) {
    const lo = Math.max(from, Date.UTC(y, 0, 1));
    const hi = Math.min(to, Date.UTC(y + 1, 0, 1) - 1);
    if (hi > lo) years.push([y, GROWTH ** (y - 2018) * ((hi - lo) / (365 * DAY))]);
  }
  const year = rng.weighted(years);
  return between(rng, Math.max(from, Date.UTC(year, 0, 1)), Math.min(to, Date.UTC(year + 1, 0, 1) - 1));
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, Math.min(d.getUTCDate(), 28));
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

/** Numbers in order of creation: ПР-2024-000123; the year is the one the record was created in. */
function numberRows<T extends { createdAt: Date; id: string; number: string }>(rows: T[], prefix: string) {
  const sorted = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  sorted.forEach((row, i) => {
    row.number = `${prefix}-${row.createdAt.getUTCFullYear()}-${String(i + 1).padStart(6, '0')}`;
  });
  return sorted;
}

/** Exact shares of `n` items: the largest remainders get the odd ones; each listed value at least `min` when n allows. */
function quotas<T>(n: number, shares: ReadonlyArray<readonly [T, number]>, min = 0): T[] {
  const total = shares.reduce((a, [, w]) => a + w, 0);
  const counts = shares.map(([, w]) => Math.max(n >= shares.length * min ? min : 0, Math.floor((n * w) / total)));
  let left = n - counts.reduce((a, b) => a + b, 0);
  const order = shares
    .map(([, w], i) => [i, (n * w) / total - Math.floor((n * w) / total)] as const)
    .sort((a, b) => b[1] - a[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k][0]]++;
  for (let k = counts.length - 1; left < 0; k = (k - 1 + counts.length) % counts.length) {
    if (counts[k] > min) {
      counts[k]--;
      left++;
    }
  }
  return shares.flatMap(([value], i) => Array.from({ length: counts[i] }, () => value));
}

function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** 12 500 000 ₽ → «12,5 млн ₽»: how people write amounts in a text. */
export function rublesInWords(rubles: number): string {
  const fmt = (v: number) => (Math.round(v * 10) / 10).toString().replace('.', ',');
  if (rubles >= 1e9) return `${fmt(rubles / 1e9)} млрд ₽`;
  if (rubles >= 1e6) return `${fmt(rubles / 1e6)} млн ₽`;
  return `${Math.round(rubles / 1e3)} тыс. ₽`;
}

/** Amounts the way deals are made: round figures. */
function roundRubles(rubles: number): number {
  const step = rubles < 5e6 ? 50_000 : rubles < 50e6 ? 100_000 : rubles < 500e6 ? 1_000_000 : 5_000_000;
  return Math.max(step, Math.round(rubles / step) * step);
}

const kopecks = (rubles: number) => BigInt(Math.round(rubles)) * 100n;

function fill(template: string, rng: Rng): string {
  return template
    .replace('{n}', String(rng.int(12, 48)))
    .replace('{p}', String(rng.int(86, 98)))
    .replace('{k}', String(rng.pick([2, 3, 4])))
    .replace('{d}', String(rng.int(5, 30)))
    .replace('{m}', String(rng.pick([5, 10, 15, 20])))
    .replace('{y}', String(rng.int(2, 4)))
    .replace('{people}', String(rng.pick([500, 800, 1200, 2500, 4000])));
}

// ---------------------------------------------------------------------------------------------------------------
// The generator

interface Org {
  key: string;
  src: DemoVentureOrganization;
  /** admitted as a cluster participant at this moment and still one today; null when it does not count */
  countsSince: number | null;
  /** never admitted: it never counted, so using it in any role is unambiguous */
  neverAdmitted: boolean;
  founded: number;
  technologies: TechnologyArea[];
  account: 'company' | 'corporate' | 'investor' | null;
}

interface InvestorDraft {
  org: Org;
  profile: DemoInvestorProfile;
  min: number;
  max: number;
  created: number;
  weight: number;
}

interface DealDraft extends DemoDeal {
  investor: InvestorDraft;
  company: Org;
  /** the amount in rubles while it is being calibrated */
  rubles: number;
  stepsAt: number[];
  /** the last open step before it was closed or dropped */
  droppedFrom: 'intro' | 'due_diligence' | 'term_sheet' | null;
}

interface ProjectDraft extends DemoProject {
  lead: Org;
  partnerRows: DemoProjectPartner[];
  domain: Domain;
  resultLine: string | null;
  originLine: string | null;
  endAt: number;
}

type FixedPartner = { org: Org; status: PartnerStatus; role?: string; invitedAt?: number; decidedAt?: number };

type PartnerPlan = {
  /** confirmed partners that count */
  counted: number;
  /** confirmed partners that do not count: never admitted to the cluster */
  outside: number;
  declined: number;
  invited: number;
};

const TYPE_TICKETS: Record<
  InvestorType,
  { min: [number, number]; max: [number, number]; fund: [number, number] | null }
> = {
  business_angel: { min: [500_000, 2_000_000], max: [5_000_000, 25_000_000], fund: null },
  accelerator: { min: [500_000, 1_500_000], max: [5_000_000, 15_000_000], fund: [300e6, 2e9] },
  private_fund: { min: [5e6, 25e6], max: [100e6, 500e6], fund: [1e9, 10e9] },
  corporate_fund: { min: [10e6, 40e6], max: [200e6, 800e6], fund: [2e9, 15e9] },
  state_fund: { min: [3e6, 15e6], max: [100e6, 400e6], fund: [3e9, 20e9] },
};
const TYPE_STAGES: Record<InvestorType, StartupStage[][]> = {
  business_angel: [['idea', 'seed'], ['idea', 'seed', 'early'], ['seed']],
  accelerator: [
    ['idea', 'seed'],
    ['idea', 'seed', 'early'],
  ],
  private_fund: [
    ['seed', 'early'],
    ['early', 'growth'],
    ['seed', 'early', 'growth'],
  ],
  corporate_fund: [
    ['early', 'growth'],
    ['early', 'growth', 'maturity'],
    ['growth', 'maturity'],
  ],
  state_fund: [
    ['seed', 'early'],
    ['seed', 'early', 'growth'],
    ['idea', 'seed', 'early'],
  ],
};
const TYPE_DEAL_WEIGHT: Record<InvestorType, number> = {
  business_angel: 1.4,
  accelerator: 1.6,
  private_fund: 1,
  corporate_fund: 0.5,
  state_fund: 1.2,
};
const TYPE_MARKETS: Record<InvestorType, Market[]> = {
  business_angel: ['b2b', 'b2c', 'russia'],
  accelerator: ['b2b', 'b2g', 'russia'],
  private_fund: ['b2b', 'b2c', 'russia', 'cis', 'global'],
  corporate_fund: ['b2b', 'russia', 'cis'],
  state_fund: ['b2b', 'b2g', 'russia'],
};
/** [lowest, highest] amount of a round in rubles. */
const ROUND_RUBLES: Record<DealRound, [number, number]> = {
  pre_seed: [500_000, 6_000_000],
  seed: [3_000_000, 30_000_000],
  a: [20_000_000, 150_000_000],
  b: [60_000_000, 300_000_000],
  c: [150_000_000, 600_000_000],
  later: [200_000_000, 800_000_000],
};
const STAGE_ROUNDS: Record<StartupStage, ReadonlyArray<readonly [DealRound, number]>> = {
  idea: [['pre_seed', 1]],
  seed: [
    ['pre_seed', 1],
    ['seed', 2],
  ],
  early: [
    ['seed', 2],
    ['a', 1],
  ],
  growth: [
    ['a', 2],
    ['b', 1],
  ],
  maturity: [
    ['b', 2],
    ['c', 1],
    ['later', 1],
  ],
};
const DEAL_STATUS_SHARES: ReadonlyArray<readonly [DealStatus, number]> = [
  ['intro', 8],
  ['due_diligence', 8],
  ['term_sheet', 7],
  ['closed', 50],
  ['dropped', 27],
];
type Confirmation = 'both' | 'investor' | 'company' | 'none' | 'disputed';
const CONFIRMATION_SHARES: ReadonlyArray<readonly [Confirmation, number]> = [
  ['both', 86],
  ['investor', 4],
  ['company', 3],
  ['none', 3],
  ['disputed', 4],
];
const PROJECT_OTHER_SHARES: ReadonlyArray<readonly [ProjectStatus, number]> = [
  ['planned', 20],
  ['active', 60],
  ['cancelled', 20],
];

/**
 * Projects, investor profiles, startups' needs and deals of a believable Moscow cluster. Every story follows the
 * state machines, nothing happens after `now`, the database's constraints hold, and the joint flag follows the
 * counting rule from the partner rows.
 */
export function generateDemoVentures(input: DemoVenturesInput): DemoVentures {
  const size = input.size;
  const extra = demoVentureOrganizations();
  const empty: DemoVentures = {
    organizations: extra,
    investorProfiles: [],
    startupNeeds: [],
    projects: [],
    partners: [],
    deals: [],
  };
  if (size.implemented + size.other + size.deals === 0) return { ...empty, organizations: [] };
  const seed = input.seed ?? 14_300;
  const rng = new Rng(seed);
  const ids = new Rng(seed ^ 0x7e57_ca5e);
  const now = input.now.getTime();
  const latest = now - HOUR;
  const accounts = input.accounts;

  // ---- organizations, in a fixed order whatever order they came in
  const unique = new Map([...input.organizations, ...extra].map((o) => [o.inn, o]));
  const sources = [...unique.values()].sort((a, b) => (a.inn < b.inn ? -1 : a.inn > b.inn ? 1 : 0));
  const orgs: Org[] = sources.map((o) => {
    const account =
      o.inn === accounts.company
        ? 'company'
        : o.inn === accounts.corporate
          ? 'corporate'
          : o.inn === accounts.investor
            ? 'investor'
            : null;
    return {
      key: o.inn,
      src: o,
      countsSince: isClusterParticipant(o) && o.admittedAt ? o.admittedAt.getTime() : null,
      neverAdmitted: o.admittedAt === null && o.membershipStatus !== 'participant',
      founded: o.foundedOn ? Date.parse(`${o.foundedOn}T00:00:00Z`) : PLATFORM_START - 3 * 365 * DAY,
      technologies: o.technologies.filter((t): t is TechnologyArea => t in TECH_FIELD),
      account,
    };
  });
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  const counts = (key: string) => byKey.get(key)?.countsSince != null;

  // ---- investor profiles
  const investors = makeInvestors(rng, orgs, now, latest);

  // ---- startups' needs
  const startups = orgs.filter((o) => o.src.isStartup && o.src.startupStage && o.account !== 'investor');
  const startupNeeds = startups.map((o) => makeNeed(rng, o, latest));

  // ---- deals
  const deals = makeDeals(rng, ids, size, orgs, investors, now, latest);

  // ---- projects
  const projects = makeProjects(rng, ids, size, orgs, deals, input.origins, accounts, now, latest);

  // the joint flag from the partner rows, by the rule
  for (const p of projects) {
    const confirmed = p.partnerRows.filter((r) => r.status === 'confirmed').map((r) => r.organizationKey);
    p.confirmedParticipants = countConfirmedParticipants(p.leadKey, confirmed, counts);
    p.joint = p.confirmedParticipants >= JOINT_MIN_PARTICIPANTS;
  }
  for (const p of projects) p.description = describeProject(rng, p, byKey);

  const numberedProjects = numberRows(projects, 'ПР');
  const numberedDeals = numberRows(deals, 'СД');
  return {
    organizations: extra,
    investorProfiles: investors.map((i) => i.profile),
    startupNeeds,
    projects: numberedProjects.map(
      ({ lead, partnerRows, domain, resultLine, originLine, endAt, ...p }): DemoProject => p,
    ),
    partners: numberedProjects.flatMap((p) => p.partnerRows),
    deals: numberedDeals.map(({ investor, company, rubles, stepsAt, droppedFrom, ...d }): DemoDeal => d),
  };
}

// ---- investors

function makeInvestors(rng: Rng, orgs: Org[], now: number, latest: number): InvestorDraft[] {
  const added = new Map(demoVentureOrganizations().map((o, i) => [o.inn, ADDED_INVESTORS[i]]));
  const result: InvestorDraft[] = [];
  let early = 0;
  for (const org of orgs) {
    const addedAs = added.get(org.key);
    const generated =
      !addedAs && org.account === null && org.src.capabilities.includes('investor') && org.countsSince !== null;
    if (!addedAs && org.account !== 'investor' && !generated) continue;
    let type: InvestorType;
    if (addedAs) type = addedAs.type;
    else if (org.account === 'investor') type = 'private_fund';
    else if (org.src.smeCategory === 'large') {
      type = rng.weighted([
        ['corporate_fund', 55],
        ['private_fund', 30],
        ['accelerator', 15],
      ] as const);
    } else {
      type = rng.weighted([
        ['private_fund', 45],
        ['accelerator', 25],
        ['corporate_fund', 15],
        ['state_fund', 5],
        ['business_angel', 10],
      ] as const);
    }
    const t = TYPE_TICKETS[type];
    let min = roundRubles(rng.logUniform(t.min[0], t.min[1]));
    let max = roundRubles(rng.logUniform(t.max[0], t.max[1]));
    let fund = t.fund ? roundRubles(rng.logUniform(t.fund[0], t.fund[1])) : null;
    if (type === 'business_angel' && rng.chance(0.4)) fund = roundRubles(rng.logUniform(30e6, 300e6));
    let stages = [...rng.pick(TYPE_STAGES[type])];
    let technologies = [...new Set([...org.technologies.slice(0, 3), ...(addedAs?.technologies ?? [])])];
    let created: number;
    if (org.account === 'investor') {
      // the demo fund: seed and early rounds of its own areas
      [min, max, fund] = [10_000_000, 150_000_000, 3_000_000_000];
      stages = ['seed', 'early', 'growth'];
      created = workingMoment(rng, now - 170 * DAY);
    } else if (addedAs) {
      // most of the added ones were there from the start, with any stage they meet: early deals need them
      created =
        early++ < 8
          ? between(rng, PLATFORM_START, PLATFORM_START + 60 * DAY)
          : grownMoment(rng, PLATFORM_START, now - 400 * DAY);
      if (early <= 4)
        stages = ['idea', 'seed', 'early', 'growth', 'maturity'].filter(
          (s) => type !== 'business_angel' || s !== 'maturity',
        ) as StartupStage[];
    } else {
      created = Math.min(
        after(rng, Math.max(org.countsSince ?? PLATFORM_START, PLATFORM_START), 5, 120),
        latest - 30 * DAY,
      );
    }
    while (technologies.length < 3) {
      const more = rng.pick(TASK_GROUPS).technologies;
      technologies = [...new Set([...technologies, rng.pick(more)])];
    }
    if (technologies.length < 6 && type !== 'business_angel' && rng.chance(0.5)) {
      technologies = [...new Set([...technologies, rng.pick(rng.pick(TASK_GROUPS).technologies)])];
    }
    const markets = rng.sample(TYPE_MARKETS[type], rng.int(2, TYPE_MARKETS[type].length));
    if (rng.chance(0.15)) markets.push(rng.pick(['asia', 'middle_east'] as const));
    const profile: DemoInvestorProfile = {
      organizationKey: org.key,
      type,
      stages,
      technologies,
      markets: [...new Set(markets)],
      ticketMinKopecks: kopecks(min),
      ticketMaxKopecks: kopecks(max),
      fundSizeKopecks: fund === null ? null : kopecks(fund),
      description: investorDescription(type, stages, technologies, min, max, fund, addedAs?.description),
      public: org.account === 'investor' || rng.chance(0.94),
      createdAt: new Date(created),
      updatedAt: new Date(Math.min(latest, after(rng, created, 0, 400))),
    };
    result.push({ org, profile, min, max, created, weight: TYPE_DEAL_WEIGHT[type] });
  }
  return result;
}

function investorDescription(
  type: InvestorType,
  stages: StartupStage[],
  technologies: TechnologyArea[],
  min: number,
  max: number,
  fund: number | null,
  own?: string,
) {
  const lead: Record<InvestorType, string> = {
    private_fund: 'Частный венчурный фонд.',
    corporate_fund: 'Корпоративный венчурный фонд: ищем технологии для бизнеса группы и её заказчиков.',
    state_fund: 'Фонд с государственным участием: поддерживаем технологическое предпринимательство Москвы.',
    accelerator: 'Акселератор: программа развития, менторы и первые инвестиции.',
    business_angel: 'Бизнес-ангел: инвестирую собственные средства и помогаю командам советом и связями.',
  };
  const stageList = stages.map((s) => STAGE_NAME[s]);
  const stageText =
    stageList.length > 1 ? `${stageList.slice(0, -1).join(', ')} и ${stageList.at(-1)}` : (stageList[0] ?? '');
  const parts = [
    own ?? lead[type],
    `Стадии: ${stageText}. Направления: ${technologies.map((t) => TECH_NAME[t]).join(', ')}.`,
    `Чек — от ${rublesInWords(min)} до ${rublesInWords(max)}.`,
  ];
  if (fund !== null) parts.push(type === 'business_angel' ? '' : `Размер фонда — ${rublesInWords(fund)}.`);
  return parts.filter(Boolean).join(' ');
}

// ---- startups' needs

const PURPOSES = [
  'вывод продукта на рынок',
  'расширение команды разработки',
  'масштабирование продаж в регионах',
  'сертификацию и запуск серийного производства',
  'выход на рынки СНГ',
  'доработку продукта и пилотные внедрения',
];

function makeNeed(rng: Rng, org: Org, latest: number): DemoStartupNeed {
  const stage = org.src.startupStage as StartupStage;
  const rounds = [...new Set([rng.weighted(STAGE_ROUNDS[stage]), rng.weighted(STAGE_ROUNDS[stage])])];
  const early = rounds.includes('pre_seed') || rounds.includes('seed');
  const instruments: DealInstrument[] = early
    ? rng.sample(['equity', 'convertible_loan', 'grant'] as const, rng.int(1, 3))
    : rng.sample(['equity', 'loan', 'convertible_loan'] as const, rng.int(1, 2));
  const markets: Market[] = [rng.pick(['b2b', 'b2b', 'b2g', 'b2c'] as const), 'russia'];
  if (stage === 'growth' || stage === 'maturity' || rng.chance(0.2))
    markets.push(rng.pick(['cis', 'asia', 'middle_east', 'global'] as const));
  const [lo, hi] = ROUND_RUBLES[rounds[rounds.length - 1]];
  const amount = roundRubles(rng.logUniform(lo, hi));
  const [t0, t1] = org.technologies;
  const traction: Record<StartupStage, string> = {
    idea: 'Готов прототип, проведены интервью с потенциальными заказчиками.',
    seed: 'Есть первые пилотные внедрения и платящие клиенты.',
    early: `Выручка растёт на ${rng.int(60, 250)} % в год, среди клиентов — ${rng.int(3, 12)} крупных компаний.`,
    growth: `Работаем в ${rng.int(5, 40)} регионах, выручка за прошлый год — ${rublesInWords(roundRubles(rng.logUniform(40e6, 600e6)))}.`,
    maturity: 'Устойчивый бизнес с положительной рентабельностью; готовим выход на зарубежные рынки.',
  };
  const field = t0 ? `Развиваем решения в области ${TECH_FIELD[t0]}${t1 ? ` и ${TECH_FIELD[t1]}` : ''}. ` : '';
  return {
    organizationKey: org.key,
    rounds,
    instruments,
    markets: [...new Set(markets)],
    amountKopecks: kopecks(amount),
    pitch: `${field}${traction[stage]} Привлекаем ${rublesInWords(amount)} (${rounds.map((r) => ROUND_LABEL[r]).join(' или ')}) на ${rng.pick(PURPOSES)}.`,
    updatedAt: new Date(
      Math.min(latest, Math.max(org.founded + 30 * DAY, latest - rng.int(1, 330) * DAY - rng.int(0, 8) * HOUR)),
    ),
  };
}

// ---- deals

function makeDeals(
  rng: Rng,
  ids: Rng,
  size: DemoVenturesSize,
  orgs: Org[],
  investors: InvestorDraft[],
  now: number,
  latest: number,
): DealDraft[] {
  if (size.deals === 0 || investors.length === 0) return [];
  // companies by founding, so those that existed at a moment are a prefix
  const companies = orgs
    .filter(
      (o) =>
        o.account === null &&
        o.src.capabilities.includes('company') &&
        (o.src.isStartup ||
          ((o.src.smeCategory === 'small' || o.src.smeCategory === 'medium') && o.countsSince !== null)),
    )
    .sort((a, b) => a.founded - b.founded || (a.key < b.key ? -1 : 1));
  const startupsFirst = companies.filter((c) => c.src.isStartup);
  if (companies.length === 0) return [];
  /** mostly startups; now and then an established small or medium company */
  const pickCompany = (at: number) => {
    const pool = startupsFirst.length && rng.chance(0.9) ? startupsFirst : companies;
    let lo = 0;
    let hi = pool.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pool[mid].founded <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? pool[rng.int(0, lo - 1)] : pool[0];
  };
  const deals: DealDraft[] = [];
  const demoInvestor = investors.find((i) => i.org.account === 'investor');
  const demoCompany = orgs.find((o) => o.account === 'company');

  const build = (
    status: DealStatus,
    confirmation: Confirmation | null,
    endAt: number,
    fixed?: {
      investor?: InvestorDraft;
      company?: Org;
      droppedFrom?: DealDraft['droppedFrom'];
      createdBy?: 'investor' | 'company';
    },
  ) => {
    // the path: intro → due_diligence → term_sheet, then closed or dropped at one of those steps (not every
    // investor asks for a term sheet)
    const droppedFrom: DealDraft['droppedFrom'] =
      status === 'dropped'
        ? (fixed?.droppedFrom ??
          rng.weighted([
            ['intro', 40],
            ['due_diligence', 35],
            ['term_sheet', 25],
          ] as const))
        : status === 'closed'
          ? (fixed?.droppedFrom ??
            rng.weighted([
              ['intro', 4],
              ['due_diligence', 18],
              ['term_sheet', 78],
            ] as const))
          : null;
    const path = dealPath(status, droppedFrom);
    const gaps: Record<DealStatus, [number, number]> = {
      intro: [0, 0],
      due_diligence: [7, 45],
      term_sheet: [20, 75],
      closed: [10, 50],
      dropped: [5, 40],
    };
    const spans = path.map((s) => rng.int(...gaps[s]));
    let start = endAt - spans.reduce((a, b) => a + b, 0) * DAY;
    if (start < PLATFORM_START) start = PLATFORM_START + rng.int(1, 20) * DAY;
    // who: a company that existed, an investor that was on the platform and fits it
    let company = fixed?.company;
    let investor = fixed?.investor;
    for (let attempt = 0; !company || !investor; attempt++) {
      const candidate = company ?? pickCompany(start - 90 * DAY);
      const stage = (candidate.src.startupStage ?? 'maturity') as StartupStage;
      const options = investors.filter(
        (i) =>
          i.org.key !== candidate.key &&
          i.org.account !== 'investor' &&
          i.created <= start &&
          (attempt > 6 || i.profile.stages.includes(stage)),
      );
      if (!options.length) {
        if (attempt > 12) {
          // nobody was there yet: the earliest investor, the deal a little later
          investor = [...investors].filter((i) => i.org.key !== candidate.key).sort((a, b) => a.created - b.created)[0];
          company = candidate;
          start = Math.max(start, investor.created + DAY);
        }
        continue;
      }
      const weighted = options.map(
        (i) =>
          [i, i.weight * (i.profile.technologies.some((t) => candidate.technologies.includes(t)) ? 3 : 1)] as const,
      );
      investor = rng.weighted(weighted);
      company = candidate;
    }
    // times of each step
    const stepsAt: number[] = [];
    let at = workingMoment(rng, start);
    for (const [i, s] of path.entries()) {
      if (i > 0) at = after(rng, at, Math.max(1, gaps[s][0]), Math.max(2, spans[i]));
      stepsAt.push(at);
    }
    // squeeze into the past when the walk ran over
    const overshoot = stepsAt[stepsAt.length - 1] - (latest - DAY);
    if (overshoot > 0) {
      const first = stepsAt[0];
      const span = stepsAt[stepsAt.length - 1] - first;
      const room = Math.max(HOUR * stepsAt.length, latest - DAY - first);
      for (let i = 0; i < stepsAt.length; i++)
        stepsAt[i] = Math.floor(first + ((stepsAt[i] - first) * room) / Math.max(span, 1)) + i;
    }
    const stage = (company.src.startupStage ??
      (company.src.smeCategory === 'medium' ? 'maturity' : 'growth')) as StartupStage;
    let round = rng.weighted(STAGE_ROUNDS[stage]);
    const [rlo, rhi] = ROUND_RUBLES[round];
    let lo = Math.max(rlo, investor.min);
    let hi = Math.min(rhi, investor.max);
    if (lo > hi) {
      // the round does not fit the investor's tickets: its tickets decide, and the round follows the amount
      lo = investor.min;
      hi = investor.max;
    }
    const rubles = roundRubles(rng.logUniform(lo, hi));
    if (rubles > ROUND_RUBLES[round][1] || rubles < ROUND_RUBLES[round][0]) {
      round = (Object.keys(ROUND_RUBLES) as DealRound[]).find((r) => rubles <= ROUND_RUBLES[r][1]) ?? 'later';
    }
    const type = investor.profile.type;
    const instrument: DealInstrument =
      round === 'pre_seed' || round === 'seed'
        ? rng.weighted([
            ['equity', 45],
            ['convertible_loan', 30],
            ['grant', type === 'state_fund' || type === 'accelerator' ? 40 : 5],
            ['loan', 5],
          ] as const)
        : rng.weighted([
            ['equity', 70],
            ['convertible_loan', 12],
            ['loan', type === 'state_fund' ? 30 : 12],
            ['grant', type === 'state_fund' ? 8 : 0],
          ] as const);
    const createdBy = fixed?.createdBy ?? (rng.chance(0.75) ? 'investor' : 'company');
    const last = stepsAt[stepsAt.length - 1];
    const deal: DealDraft = {
      id: uuid(ids),
      number: '',
      investorKey: investor.org.key,
      companyKey: company.key,
      projectId: null,
      round,
      instrument,
      amountKopecks: 0n,
      dealDate: isoDate(status === 'closed' ? last : stepsAt[0]),
      status,
      createdBy,
      closedAt: status === 'closed' ? new Date(last) : null,
      investorConfirmedAt: null,
      companyConfirmedAt: null,
      disputedAt: null,
      disputedBy: null,
      disputeReason: null,
      lastComment: null,
      version: 1,
      createdAt: new Date(stepsAt[0]),
      updatedAt: new Date(last),
      events: [],
      investor,
      company,
      rubles,
      stepsAt,
      droppedFrom,
    };
    if (status === 'closed' && confirmation) {
      const closedAt = last;
      const soon = (side: 'investor' | 'company') =>
        Math.min(latest, side === createdBy ? closedAt + rng.int(2, 90) * 60_000 : after(rng, closedAt, 1, 14));
      if (confirmation === 'both' || confirmation === 'investor') deal.investorConfirmedAt = new Date(soon('investor'));
      if (confirmation === 'both' || confirmation === 'company') deal.companyConfirmedAt = new Date(soon('company'));
      if (confirmation === 'disputed') {
        // the side that recorded it confirmed; the other one disputes instead of confirming
        if (createdBy === 'investor') deal.investorConfirmedAt = new Date(soon('investor'));
        else deal.companyConfirmedAt = new Date(soon('company'));
        deal.disputedBy = createdBy === 'investor' ? 'company' : 'investor';
        deal.disputedAt = new Date(Math.min(latest, after(rng, closedAt, 1, 20)));
        deal.disputeReason = rng.pick(DISPUTE_REASONS);
      }
      const marks = [deal.investorConfirmedAt, deal.companyConfirmedAt, deal.disputedAt].filter(
        (d): d is Date => d !== null,
      );
      for (const d of marks) if (d.getTime() <= closedAt) d.setTime(closedAt + 60_000);
      deal.updatedAt = new Date(Math.max(closedAt, ...marks.map((d) => d.getTime())));
    }
    deals.push(deal);
    return deal;
  };

  // the demo investor's own deals: one in every status, and a closed one the demo company has yet to confirm
  if (demoInvestor) {
    const pick = (stage: StartupStage[]) =>
      startupsFirst.find(
        (c) => stage.includes(c.src.startupStage as StartupStage) && c.founded < now - 2 * 365 * DAY,
      ) ??
      startupsFirst[0] ??
      companies[0];
    const fixed = (company: Org | undefined, droppedFrom?: DealDraft['droppedFrom']) => ({
      investor: demoInvestor,
      company,
      createdBy: 'investor' as const,
      droppedFrom,
    });
    build('intro', null, now - 6 * DAY, fixed(pick(['seed'])));
    build('due_diligence', null, now - 25 * DAY, fixed(pick(['early'])));
    build('term_sheet', null, now - 45 * DAY, fixed(pick(['growth', 'early'])));
    if (demoCompany) build('closed', 'investor', now - 10 * DAY, fixed(demoCompany));
    build('closed', 'both', now - 120 * DAY, fixed(pick(['early', 'seed'])));
    build('dropped', null, now - 90 * DAY, fixed(pick(['seed', 'early']), 'due_diligence'));
  }

  const left = Math.max(0, size.deals - deals.length);
  const statuses = rng.sample(quotas(left, DEAL_STATUS_SHARES, 1), left);
  const closedCount = statuses.filter((s) => s === 'closed').length;
  const confirmations = rng.sample(quotas(closedCount, CONFIRMATION_SHARES, 1), closedCount);
  for (const status of statuses) {
    let endAt: number;
    if (status === 'closed' || status === 'dropped')
      endAt = grownMoment(rng, PLATFORM_START + 150 * DAY, latest - 3 * DAY);
    else endAt = latest - rng.int(3, status === 'intro' ? 60 : 200) * DAY;
    build(status, status === 'closed' ? confirmations.pop()! : null, endAt);
  }

  calibrate(deals, size.investmentKopecks);
  for (const d of deals) {
    d.amountKopecks = kopecks(d.rubles);
    // a round is named by its size too: a scaled-down B is an A
    while (d.round !== 'pre_seed' && d.rubles < ROUND_RUBLES[d.round][0] * 0.7) {
      d.round = DEAL_ROUNDS[DEAL_ROUNDS.indexOf(d.round) - 1];
    }
    const events: DemoVentureStep<DealStatus>[] = [];
    const statuses = dealPath(d.status, d.droppedFrom);
    for (const [i, status] of statuses.entries()) {
      const comment =
        status === 'intro'
          ? d.createdBy === 'investor'
            ? `Инвестор предложил сделку: ${ROUND_LABEL[d.round]}, ${INSTRUMENT_LABEL[d.instrument]}.`
            : `Компания пригласила инвестора в раунд: ${ROUND_LABEL[d.round]}.`
          : status === 'due_diligence'
            ? 'Начата комплексная проверка компании.'
            : status === 'term_sheet'
              ? 'Подписан term sheet.'
              : status === 'closed'
                ? `Сделка закрыта: ${INSTRUMENT_LABEL[d.instrument]}, ${rublesInWords(d.rubles)}.`
                : rng.pick(DROP_REASONS[d.droppedFrom!]);
      const actor: DemoVentureActor =
        status === 'intro'
          ? d.createdBy
          : status === 'dropped'
            ? rng.pick(['investor', 'company'] as const)
            : 'investor';
      events.push({ status, at: new Date(d.stepsAt[i]), actor, comment });
    }
    d.events = events;
    d.lastComment = d.disputeReason ?? events[events.length - 1].comment;
    d.version = events.length + [d.investorConfirmedAt, d.companyConfirmedAt, d.disputedAt].filter(Boolean).length;
  }
  return deals;
}

const OPEN_STEPS = ['intro', 'due_diligence', 'term_sheet'] as const;

/** The statuses a deal went through: intro → due_diligence → term_sheet → closed, or dropped after one of the first three. */
export function dealPath(status: DealStatus, lastOpen: DealDraft['droppedFrom']): DealStatus[] {
  if (status === 'closed' || status === 'dropped') {
    return [...OPEN_STEPS.slice(0, OPEN_STEPS.indexOf(lastOpen ?? 'term_sheet') + 1), status];
  }
  return OPEN_STEPS.slice(0, OPEN_STEPS.indexOf(status) + 1);
}

/**
 * Scales the amounts so that the confirmed investment sums to the target, each amount kept within its investor's
 * tickets; the rest follow by the same factor so that the figures and the lists look alike.
 */
function calibrate(deals: DealDraft[], target: bigint) {
  const counted = deals.filter(countsAsInvestment);
  if (!counted.length || target <= 0n) return;
  const goal = Number(target / 100n);
  const clamp = (d: DealDraft, v: number) => Math.min(d.investor.max, Math.max(d.investor.min, v));
  let factor = 1;
  for (let round = 0; round < 8; round++) {
    let fixedSum = 0;
    let freeSum = 0;
    for (const d of counted) {
      const v = clamp(d, d.rubles * factor);
      if (v === d.investor.max || v === d.investor.min) fixedSum += v;
      else freeSum += v;
    }
    if (freeSum === 0) break;
    const step = (goal - fixedSum) / freeSum;
    if (Math.abs(step - 1) < 1e-6) break;
    factor *= step;
  }
  for (const d of deals) d.rubles = roundRubles(clamp(d, d.rubles * factor));
  // what rounding left: on the largest counted deals that have room for it
  let rest = goal - counted.reduce((a, d) => a + d.rubles, 0);
  for (const d of [...counted].sort((a, b) => b.rubles - a.rubles || (a.id < b.id ? -1 : 1))) {
    if (Math.abs(rest) < 50_000) break;
    const v = clamp(d, roundRubles(d.rubles + rest));
    rest -= v - d.rubles;
    d.rubles = v;
  }
}

// ---- projects

interface Pools {
  /** cluster participants by admission: those admitted by a moment are a prefix */
  counted: Org[];
  /** never admitted, fit to lead or take part */
  outside: Org[];
  /** never admitted companies in Moscow: leads of projects that do not count their lead */
  outsideLeads: Org[];
  /** anyone who may be invited or decline: members in any state, partners from other regions, outsiders */
  anyone: Org[];
}

function countedBy(pools: Pools, at: number): number {
  let lo = 0;
  let hi = pools.counted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pools.counted[mid].countsSince ?? Number.POSITIVE_INFINITY) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function makeProjects(
  rng: Rng,
  ids: Rng,
  size: DemoVenturesSize,
  orgs: Org[],
  deals: DealDraft[],
  origins: DemoVenturesInput['origins'],
  accounts: DemoVenturesInput['accounts'],
  now: number,
  latest: number,
): ProjectDraft[] {
  if (size.implemented + size.other === 0) return [];
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  const takesPart = (o: Org) =>
    o.account === null && (o.src.capabilities.some((c) => c !== 'investor') || o.src.capabilities.length === 0);
  const pools: Pools = {
    counted: orgs
      .filter((o) => o.countsSince !== null && takesPart(o) && o.src.district !== null)
      .sort((a, b) => a.countsSince! - b.countsSince! || (a.key < b.key ? -1 : 1)),
    outside: orgs.filter((o) => o.neverAdmitted && takesPart(o)),
    outsideLeads: orgs.filter(
      (o) => o.neverAdmitted && takesPart(o) && o.src.capabilities.includes('company') && o.src.regionCode === '77',
    ),
    anyone: orgs.filter(takesPart),
  };
  if (!pools.counted.length) throw new Error('demo ventures: no cluster participants to run projects');
  const closedDeals = new Map<string, DealDraft[]>();
  for (const d of deals) {
    if (!countsAsInvestment(d)) continue;
    closedDeals.set(d.companyKey, [...(closedDeals.get(d.companyKey) ?? []), d]);
  }
  const usedTitles = new Map<string, number>();
  const projects: ProjectDraft[] = [];
  // a partner of the cluster from another region is listed as a participant but does not count as one: kept out of
  // leading and confirming, so that no reading of the rule makes a project joint that is not
  const ambiguous = (o: Org) => o.src.membershipStatus === 'participant' && o.countsSince === null;

  // ---- timelines
  type Timeline = { status: ProjectStatus; created: number; active: number | null; end: number | null };
  const implementedTimeline = (endAt: number, createdFloor = PLATFORM_START): Timeline => {
    // now and then a project is recorded after the fact: planned and marked implemented within days
    if (rng.chance(0.06) && endAt - 5 * DAY > createdFloor) {
      return {
        status: 'implemented',
        created: endAt - rng.int(1, 5) * DAY - rng.int(1, 6) * HOUR,
        active: null,
        end: endAt,
      };
    }
    const months = rng.int(4, 30);
    // recorded on the platform no earlier than its opening, a month or more before the end
    const early = () =>
      workingMoment(rng, createdFloor + rng.int(0, Math.max(0, Math.floor((endAt - createdFloor) / DAY) - 40)) * DAY);
    let created = workingMoment(rng, addMonths(endAt, -months) - rng.int(0, 40) * DAY);
    if (created > endAt - 30 * DAY) created = endAt - rng.int(30, 60) * DAY;
    if (created < createdFloor) created = early();
    const active = Math.min(after(rng, created, 1, 30), endAt - rng.int(7, 20) * DAY);
    return { status: 'implemented', created, active: Math.max(active, created + HOUR), end: endAt };
  };
  const otherTimeline = (status: ProjectStatus): Timeline => {
    if (status === 'planned') {
      return { status, created: latest - rng.int(1, 180) * DAY - rng.int(0, 8) * HOUR, active: null, end: null };
    }
    if (status === 'active') {
      const created = latest - rng.int(20, 720) * DAY - rng.int(0, 8) * HOUR;
      return { status, created, active: Math.min(latest - HOUR, after(rng, created, 1, 40)), end: null };
    }
    const created = grownMoment(rng, PLATFORM_START, latest - 60 * DAY);
    const end = Math.min(latest - DAY, after(rng, created, 30, 400));
    const active = rng.chance(0.6) ? Math.min(after(rng, created, 1, 30), end - DAY) : null;
    return { status, created, active: active !== null && active > created ? active : null, end };
  };

  // ---- one project from a lead, a timeline and a plan of partners
  const make = (
    lead: Org,
    tl: Timeline,
    plan: PartnerPlan,
    opts: {
      title?: string;
      domain?: Domain;
      technologies?: TechnologyArea[];
      fixedPartners?: FixedPartner[];
      origin?: Partial<
        Pick<DemoProject, 'originSolutionId' | 'originPilotId' | 'originApplicationId' | 'originDealId'>
      >;
      originLine?: string;
    } = {},
  ): ProjectDraft => {
    const end = tl.end ?? latest;
    const id = uuid(ids);
    const topic = opts.title
      ? {
          title: opts.title,
          domain: opts.domain ?? 'industry',
          technologies: opts.technologies ?? lead.technologies.slice(0, 2),
          results: PRODUCT_RESULTS,
          task: null,
          method: null,
        }
      : freshTopic(rng, lead, usedTitles);
    let title = topic.title;
    const seenTitle = usedTitles.get(title) ?? 0;
    usedTitles.set(title, seenTitle + 1);
    if (seenTitle > 0) title = `${title} (${seenTitle + 1}-й этап)`;

    // partners
    const rows: DemoProjectPartner[] = [];
    const taken = new Set<string>([lead.key]);
    const add = (org: Org, status: PartnerStatus, role?: string, invitedAt?: number, decidedAt?: number) => {
      if (taken.has(org.key)) return false;
      taken.add(org.key);
      const room = Math.max(HOUR, end - tl.created - 3 * DAY);
      const invited =
        invitedAt ?? tl.created + rng.int(5, 120) * 60_000 + Math.floor(rng.next() * Math.min(room * 0.5, 60 * DAY));
      let decided: number | null = null;
      if (status !== 'invited') {
        decided = decidedAt ?? Math.min(end - HOUR, after(rng, invited, 1, 21));
        if (decided <= invited) decided = invited + Math.max(60_000, Math.floor((end - invited) / 2));
      }
      rows.push({
        projectId: id,
        organizationKey: org.key,
        status,
        role: role ?? roleOf(rng, org),
        invitedAt: new Date(invited),
        decidedAt: decided === null ? null : new Date(decided),
      });
      return true;
    };
    for (const f of opts.fixedPartners ?? []) add(f.org, f.status, f.role, f.invitedAt, f.decidedAt);
    const prefix = countedBy(pools, tl.created);
    // `limit`: only the first ones of the pool (participants admitted by then); a scan when random picks collide
    const pickFrom = (pool: Org[], limit: number, n: number, status: PartnerStatus) => {
      let placed = 0;
      for (let tries = 0; placed < n && tries < n * 8 && limit > 0; tries++) {
        if (add(pool[Math.floor(rng.next() * limit)], status)) placed++;
      }
      const offset = limit > 0 ? rng.int(0, limit - 1) : 0;
      for (let k = 0; placed < n && k < limit; k++) if (add(pool[(offset + k) % limit], status)) placed++;
    };
    pickFrom(pools.counted, prefix, plan.counted, 'confirmed');
    pickFrom(pools.outside, pools.outside.length, plan.outside, 'confirmed');
    pickFrom(pools.anyone, pools.anyone.length, plan.declined, 'declined');
    pickFrom(pools.anyone, pools.anyone.length, plan.invited, 'invited');

    // events
    const events: DemoVentureStep<ProjectStatus>[] = [
      { status: 'planned', at: new Date(tl.created), actor: 'lead', comment: null },
    ];
    if (tl.active !== null)
      events.push({ status: 'active', at: new Date(tl.active), actor: 'lead', comment: rng.pick(STARTED_COMMENTS) });
    if (tl.status === 'implemented') {
      events.push({
        status: 'implemented',
        at: new Date(tl.end!),
        actor: 'lead',
        comment: rng.pick(IMPLEMENTED_COMMENTS),
      });
    } else if (tl.status === 'cancelled') {
      events.push({ status: 'cancelled', at: new Date(tl.end!), actor: 'lead', comment: rng.pick(CANCEL_REASONS) });
    }
    const last = events[events.length - 1];
    const startedOn =
      tl.active !== null
        ? isoDate(tl.active - (rng.chance(0.3) ? rng.int(0, 60) * DAY : 0))
        : tl.status === 'implemented'
          ? isoDate(addMonths(tl.created, -rng.int(6, 24)))
          : isoDate(tl.created + rng.int(7, 90) * DAY);
    const plannedMonths = rng.int(6, 30);
    const plannedEndOn =
      tl.status === 'implemented' && rng.chance(0.15) ? null : isoDate(addMonths(Date.parse(startedOn), plannedMonths));
    const trl =
      tl.status === 'implemented'
        ? rng.weighted([
            [7, 30],
            [8, 40],
            [9, 30],
          ] as const)
        : tl.status === 'active'
          ? rng.int(4, 8)
          : tl.status === 'planned'
            ? rng.int(2, 6)
            : rng.int(3, 6);
    const stage: ProjectStage =
      tl.status === 'implemented'
        ? rng.chance(0.6)
          ? 'implementation'
          : 'scaling'
        : tl.status === 'planned'
          ? 'research'
          : tl.status === 'active'
            ? rng.pick(['development', 'testing', 'implementation'] as const)
            : rng.pick(['research', 'development', 'testing'] as const);
    const counted = rows.filter((r) => r.status === 'confirmed').length;
    const budget =
      tl.status === 'planned' && rng.chance(0.15)
        ? null
        : kopecks(roundRubles(rng.logUniform(3e6, 150e6) * (1 + 0.5 * counted)));
    const touched = Math.max(last.at.getTime(), ...rows.map((r) => (r.decidedAt ?? r.invitedAt).getTime()));
    return {
      id,
      number: '',
      leadKey: lead.key,
      title,
      description: '',
      technologies: topic.technologies.slice(0, 3),
      trl,
      budgetKopecks: budget,
      startedOn,
      plannedEndOn: plannedEndOn !== null && plannedEndOn < startedOn ? startedOn : plannedEndOn,
      implementedOn: tl.status === 'implemented' ? isoDate(tl.end!) : null,
      stage,
      status: tl.status,
      leadDistrict: lead.src.district,
      confirmedParticipants: 0,
      joint: false,
      originSolutionId: opts.origin?.originSolutionId ?? null,
      originPilotId: opts.origin?.originPilotId ?? null,
      originApplicationId: opts.origin?.originApplicationId ?? null,
      originDealId: opts.origin?.originDealId ?? null,
      lastComment: [...events].reverse().find((e) => e.comment !== null)?.comment ?? null,
      version: events.length + rows.length + rows.filter((r) => r.decidedAt).length,
      createdAt: new Date(tl.created),
      updatedAt: new Date(touched),
      events,
      lead,
      partnerRows: rows,
      domain: topic.domain,
      resultLine: tl.status === 'implemented' ? fill(rng.pick(topic.results), rng) : null,
      originLine: opts.originLine ?? null,
      endAt: end,
    };
  };

  const isJointNow = (p: ProjectDraft) =>
    countConfirmedParticipants(
      p.leadKey,
      p.partnerRows.filter((r) => r.status === 'confirmed').map((r) => r.organizationKey),
      (k) => byKey.get(k)?.countsSince != null,
    ) >= JOINT_MIN_PARTICIPANTS;

  // ---- the demo accounts' projects: something to look at and something to act on
  const demoCompany = accounts.company ? byKey.get(accounts.company) : undefined;
  const corporate = accounts.corporate ? byKey.get(accounts.corporate) : undefined;
  if (demoCompany) {
    const since = Math.max(demoCompany.countsSince ?? PLATFORM_START, now - 200 * DAY);
    const partners = pools.counted.filter((o) => o.countsSince! < since && o.src.capabilities.includes('company'));
    const implementedAt = workingMoment(rng, now - 25 * DAY);
    const createdAt = workingMoment(rng, since + 10 * DAY);
    const fixed: FixedPartner[] = rng.sample(partners, 2).map((org, i) => ({
      org,
      status: 'confirmed',
      role: i === 0 ? 'Поставка оборудования и монтаж' : 'Анализ данных и обучение моделей',
      invitedAt: createdAt + (i + 1) * HOUR,
      decidedAt: createdAt + (i + 2) * DAY + 3 * HOUR,
    }));
    const declined = pools.counted.find((o) => o.countsSince! < since && !fixed.some((f) => f.org === o));
    if (declined) {
      fixed.push({
        org: declined,
        status: 'declined',
        role: 'Разработка мобильного приложения',
        invitedAt: createdAt + 2 * HOUR,
        decidedAt: createdAt + 4 * DAY,
      });
    }
    projects.push(
      make(
        demoCompany,
        { status: 'implemented', created: createdAt, active: createdAt + 3 * DAY, end: implementedAt },
        { counted: 0, outside: 0, declined: 0, invited: 0 },
        {
          title: 'Система видеоаналитики загруженности остановок наземного транспорта на основе компьютерного зрения',
          domain: 'transport',
          technologies: ['ai', 'smart_city', 'transport'],
          fixedPartners: fixed,
        },
      ),
    );
    const activeCreated = workingMoment(rng, now - 40 * DAY);
    const waiting = corporate ?? partners[0];
    if (waiting) {
      projects.push(
        make(
          demoCompany,
          { status: 'active', created: activeCreated, active: activeCreated + 5 * DAY, end: null },
          { counted: 0, outside: 0, declined: 0, invited: 0 },
          {
            title: 'Интеллектуальная система учёта и прогнозирования нагрузки на городские электросети',
            domain: 'energy',
            technologies: ['ai', 'energy', 'smart_city'],
            fixedPartners: [
              {
                org: waiting,
                status: 'invited',
                role: 'Заказчик, площадка для пилотного внедрения',
                invitedAt: workingMoment(rng, now - 5 * DAY),
              },
            ],
          },
        ),
      );
    }
    // and an invitation for the demo company itself to confirm
    const host = pools.counted.find((o) => o.src.capabilities.includes('company') && o.countsSince! < now - 400 * DAY);
    if (host) {
      const created = workingMoment(rng, now - 30 * DAY);
      projects.push(
        make(
          host,
          { status: 'active', created, active: created + 2 * DAY, end: null },
          { counted: 1, outside: 0, declined: 0, invited: 0 },
          {
            fixedPartners: [
              {
                org: demoCompany,
                status: 'invited',
                role: 'Компьютерное зрение и видеоаналитика',
                invitedAt: workingMoment(rng, now - 3 * DAY),
              },
            ],
          },
        ),
      );
    }
  }

  // ---- projects that grew out of contracts and of completed support applications
  for (const c of origins?.contracts ?? []) {
    const lead = byKey.get(c.organizationKey);
    const customer = byKey.get(c.customerKey);
    if (!lead || ambiguous(lead)) continue;
    const signed = Date.parse(`${c.signedOn}T00:00:00Z`);
    const created = Math.min(latest - 2 * DAY, after(rng, signed, 3, 30));
    const implementedAt = after(rng, created, 120, 420);
    const tl: Timeline =
      implementedAt < latest - DAY
        ? {
            status: 'implemented',
            created,
            active: Math.min(after(rng, created, 1, 14), implementedAt - DAY),
            end: implementedAt,
          }
        : { status: 'active', created, active: Math.min(latest - HOUR, after(rng, created, 1, 14)), end: null };
    const techs = c.technologies.filter((t): t is TechnologyArea => t in TECH_FIELD);
    projects.push(
      make(
        lead,
        tl,
        { counted: 0, outside: 0, declined: 0, invited: 0 },
        {
          title: `Внедрение решения по запросу «${c.requestTitle}»`,
          domain: 'public_services',
          technologies: techs.length ? techs : lead.technologies,
          fixedPartners:
            customer && !ambiguous(customer)
              ? [{ org: customer, status: 'confirmed', role: 'Заказчик по контракту' }]
              : [],
          origin: { originSolutionId: c.solutionId, originPilotId: c.pilotId },
          originLine: `Проект вырос из решения, отобранного заказчиком по запросу «${c.requestTitle}»${c.pilotId ? ', и успешного пилотного тестирования' : ''}; с заказчиком заключён контракт.`,
        },
      ),
    );
  }
  for (const a of origins?.applications ?? []) {
    const lead = byKey.get(a.organizationKey);
    if (!lead || lead.account !== null || ambiguous(lead)) continue;
    const decided = a.decidedAt.getTime();
    const completed = Math.min(a.completedAt.getTime(), latest - DAY);
    const created = Math.min(after(rng, decided, 3, 30), completed - 20 * DAY);
    if (created <= decided || completed <= created + 10 * DAY) continue;
    const implementedAt = between(rng, created + 10 * DAY, completed);
    const cooperative = a.measureCode.includes('COOP');
    projects.push(
      make(
        lead,
        {
          status: 'implemented',
          created,
          active: Math.min(after(rng, created, 1, 10), implementedAt - DAY),
          end: implementedAt,
        },
        { counted: cooperative ? rng.int(1, 3) : 0, outside: 0, declined: 0, invited: 0 },
        {
          origin: { originApplicationId: a.applicationId },
          originLine: `Проект поддержан мерой «${a.measureTitle}».`,
        },
      ),
    );
  }

  // ---- the rest: implemented ones (a set share of them joint) and the planned, active and cancelled
  const implementedSoFar = projects.filter((p) => p.status === 'implemented');
  const jointSoFar = implementedSoFar.filter(isJointNow).length;
  const implementedLeft = Math.max(0, size.implemented - implementedSoFar.length);
  const jointLeft = Math.max(0, Math.min(implementedLeft, size.joint - jointSoFar));
  const ends = Array.from({ length: implementedLeft }, () =>
    grownMoment(rng, PLATFORM_START + 45 * DAY, latest - DAY),
  ).sort((a, b) => a - b);
  const timelines = ends.map((end) => implementedTimeline(end));
  // joint needs two participants admitted before the project was recorded
  const canBeJoint = timelines.map((tl, i) => [i, countedBy(pools, tl.created)] as const).filter(([, n]) => n >= 2);
  const jointSet = new Set(rng.sample(canBeJoint, jointLeft).map(([i]) => i));
  for (const [i, tl] of timelines.entries()) {
    const available = countedBy(pools, tl.created);
    let lead: Org;
    const plan: PartnerPlan = {
      counted: 0,
      outside: rng.chance(0.22) ? rng.int(1, 2) : 0,
      declined: rng.chance(0.1) ? 1 : 0,
      invited: rng.chance(0.04) ? 1 : 0,
    };
    if (jointSet.has(i)) {
      const leadCounts = available >= 3 && pools.outsideLeads.length ? rng.chance(0.92) : true;
      lead = leadCounts ? pools.counted[rng.int(0, available - 1)] : rng.pick(pools.outsideLeads);
      const want = leadCounts
        ? rng.weighted([
            [1, 55],
            [2, 28],
            [3, 13],
            [4, 4],
          ] as const)
        : rng.weighted([
            [2, 70],
            [3, 25],
            [4, 5],
          ] as const);
      plan.counted = Math.min(want, available - (leadCounts ? 1 : 0));
    } else if (rng.chance(0.85) || !pools.outsideLeads.length) {
      // mostly a participant of the time; some joined the cluster later
      lead = available > 0 && rng.chance(0.6) ? pools.counted[rng.int(0, available - 1)] : rng.pick(pools.counted);
    } else {
      lead = pools.outsideLeads.length ? rng.pick(pools.outsideLeads) : pools.counted[0];
      plan.counted = lead.countsSince === null && rng.chance(0.5) ? 1 : 0;
    }
    const origin = dealOrigin(rng, closedDeals, lead.key, tl.created);
    const p = make(lead, tl, plan, origin ? originOfDeal(origin, byKey) : {});
    if (origin) origin.projectId = p.id;
    projects.push(p);
  }

  const othersLeft = Math.max(0, size.other - projects.filter((p) => p.status !== 'implemented').length);
  for (const status of rng.sample(quotas(othersLeft, PROJECT_OTHER_SHARES, 1), othersLeft)) {
    const tl = otherTimeline(status);
    const available = countedBy(pools, tl.created);
    const lead =
      rng.chance(0.88) || !pools.outsideLeads.length
        ? available > 0
          ? pools.counted[rng.int(0, available - 1)]
          : rng.pick(pools.counted)
        : rng.pick(pools.outsideLeads);
    const plan: PartnerPlan =
      status === 'active'
        ? {
            counted: rng.chance(0.45) ? rng.int(1, 3) : 0,
            outside: rng.chance(0.2) ? 1 : 0,
            declined: rng.chance(0.08) ? 1 : 0,
            invited: rng.chance(0.45) ? rng.int(1, 2) : 0,
          }
        : status === 'planned'
          ? {
              counted: rng.chance(0.15) ? 1 : 0,
              outside: 0,
              declined: rng.chance(0.05) ? 1 : 0,
              invited: rng.chance(0.55) ? rng.int(1, 2) : 0,
            }
          : {
              counted: rng.chance(0.3) ? rng.int(1, 2) : 0,
              outside: 0,
              declined: rng.chance(0.2) ? 1 : 0,
              invited: rng.chance(0.1) ? 1 : 0,
            };
    const origin = status === 'active' ? dealOrigin(rng, closedDeals, lead.key, tl.created) : undefined;
    const p = make(lead, tl, plan, origin ? originOfDeal(origin, byKey) : {});
    if (origin) origin.projectId = p.id;
    projects.push(p);
  }
  return projects;
}

/** A closed, confirmed deal of the lead before the project, not yet tied to a project: what financed it. */
function dealOrigin(rng: Rng, closedDeals: Map<string, DealDraft[]>, leadKey: string, created: number) {
  const own = closedDeals.get(leadKey);
  if (!own || !rng.chance(0.6)) return undefined;
  return own.find(
    (d) => d.projectId === null && d.closedAt!.getTime() < created && d.closedAt!.getTime() > created - 365 * DAY,
  );
}

function originOfDeal(deal: DealDraft, byKey: Map<string, Org>) {
  const investor = byKey.get(deal.investorKey)?.src.shortName ?? 'инвестора';
  return {
    origin: { originDealId: deal.id },
    originLine: `Проект профинансирован сделкой с ${investor}: ${INSTRUMENT_LABEL[deal.instrument]}, ${rublesInWords(deal.rubles)}.`,
  };
}

function roleOf(rng: Rng, org: Org): string {
  const caps = org.src.capabilities;
  if (caps.includes('customer') && rng.chance(0.7)) return rng.pick(PARTNER_ROLES.customer);
  if (caps.includes('pilot_site_owner') && rng.chance(0.6)) return rng.pick(PARTNER_ROLES.site);
  if (caps.includes('science')) return rng.pick(PARTNER_ROLES.science);
  if (caps.includes('education') && rng.chance(0.6)) return rng.pick(PARTNER_ROLES.education);
  return rng.pick(PARTNER_ROLES.company);
}

/** A topic whose title is not taken yet, when a few tries find one; a repeated title becomes a further stage. */
function freshTopic(rng: Rng, lead: Org, used: Map<string, number>): Topic {
  let topic = pickTopic(rng, lead);
  for (let i = 0; i < 12 && used.has(topic.title); i++) topic = pickTopic(rng, lead);
  return topic;
}

interface Topic {
  title: string;
  domain: Domain;
  technologies: TechnologyArea[];
  results: string[];
  task: string | null;
  method: string | null;
}

/** A title from what the lead does: a function applied to a city object, built some way, or a product of its own. */
function pickTopic(rng: Rng, lead: Org): Topic {
  const own = lead.technologies.length ? lead.technologies : (['ai'] as TechnologyArea[]);
  const main = rng.chance(0.8) ? own[0] : rng.pick(own);
  const products = PRODUCT_TITLES[main];
  const groups = TASK_GROUPS.filter((g) => g.technologies.includes(main));
  if (products && (!groups.length || rng.chance(0.12))) {
    const [title, domain] = rng.pick(products);
    return {
      title,
      domain,
      technologies: [main, ...own.filter((t) => t !== main).slice(0, 1)],
      results: PRODUCT_RESULTS,
      task: null,
      method: null,
    };
  }
  const group = groups.length ? rng.pick(groups) : rng.pick(TASK_GROUPS);
  // objects of the lead's own domain first
  const fitting = group.objects.filter(
    (o) => DOMAIN_TECH[o[1]].some((t) => own.includes(t)) || o[3]?.some((t) => own.includes(t)),
  );
  const object = fitting.length && rng.chance(0.7) ? rng.pick(fitting) : rng.pick(group.objects);
  const flags = object[2] ?? '';
  const methods = group.methods.filter((m) => !m.needs || flags.includes(m.needs));
  const ownMethods = methods.filter((m) => own.includes(m.tech));
  const method = rng.chance(0.85)
    ? ownMethods.length && rng.chance(0.75)
      ? rng.pick(ownMethods)
      : rng.pick(methods)
    : null;
  const fn = rng.pick(group.functions);
  const task = `${fn} ${object[0]}`;
  let product = rng.pick(group.products);
  // not «Цифровая платформа цифровизации»
  if (fn === 'цифровизации' && product.startsWith('Цифров')) product = group.products[0];
  const head = rng.chance(0.45) ? `${rng.pick(TITLE_PREFIXES)} ${PRODUCT_GENITIVE[product]}` : product;
  const title = `${head} ${task}${method ? ` ${method.text}` : ''}`;
  const technologies = [
    ...new Set<TechnologyArea>([
      ...(method ? [method.tech] : []),
      ...(group.technologies.includes(main) ? [main] : []),
      ...(object[3] ?? []),
      ...DOMAIN_TECH[object[1]].slice(0, 1),
    ]),
  ];
  return { title, domain: object[1], technologies, results: group.results, task, method: method?.text ?? null };
}

function describeProject(rng: Rng, p: ProjectDraft, byKey: Map<string, Org>): string {
  const parts: string[] = [];
  const implemented = p.status === 'implemented';
  const task = p.title.replace(/ \(\d+-й этап\)$/, '');
  parts.push(
    implemented
      ? `Проект «${task}» реализован ${p.lead.src.shortName}.`
      : p.status === 'planned'
        ? `${p.lead.src.shortName} готовит проект «${task}».`
        : `Проект «${task}» ведёт ${p.lead.src.shortName}.`,
  );
  if (p.originLine) parts.push(p.originLine);
  const fields = p.technologies.map((t) => TECH_NAME[t]);
  if (fields.length) parts.push(`Технологии: ${fields.join(', ')}.`);
  const place = rng.pick(DOMAIN_PLACES[p.domain]);
  parts.push(
    p.status === 'planned'
      ? `Пилотное внедрение планируется ${place}.`
      : p.status === 'cancelled'
        ? `Испытания планировались ${place}.`
        : `Испытания проведены ${place}.`,
  );
  const confirmed = p.partnerRows.filter((r) => r.status === 'confirmed');
  if (confirmed.length) {
    const names = confirmed.map((r) => byKey.get(r.organizationKey)?.src.shortName ?? '').filter(Boolean);
    parts.push(
      p.joint
        ? `Совместный проект ${p.confirmedParticipants} ${plural(p.confirmedParticipants, 'участника', 'участников', 'участников')} кластера; партнёры: ${names.join(', ')}.`
        : `${plural(names.length, 'Партнёр', 'Партнёры', 'Партнёры')} проекта: ${names.join(', ')}.`,
    );
  }
  if (p.resultLine) parts.push(p.resultLine);
  if (p.status === 'active') parts.push(`Сейчас идёт этап ${STAGE_WORDS[p.stage]}.`);
  return parts.join(' ');
}

const STAGE_WORDS: Record<ProjectStage, string> = {
  research: 'исследований',
  development: 'разработки',
  testing: 'испытаний',
  implementation: 'внедрения',
  scaling: 'масштабирования',
};
