// The ecosystem's figures: their names, units and counting rules in Russian and English. The rules are fixed (the
// product's "Ecosystem analytics") and travel with every figure, so a reader always knows what was counted.
import type { Lang } from '../../http/messages.ts';

/** The headline figures of GET /api/stats, in the order the dashboard shows them. */
export const HEADLINE_FIGURES = [
  'participants',
  'partners',
  'projectsImplemented',
  'jointProjects',
  'investmentKopecks',
  'supportKopecks',
  'supportPartnersKopecks',
  'requestsCorporate',
  'requestsCity',
  'solutions',
  'pilots',
  'contracts',
  'contractsKopecks',
] as const;
export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number];

/** The figures with monthly and yearly series. */
export const SERIES_FIGURES = [
  'newParticipants',
  'projectsImplemented',
  'jointProjects',
  'investmentKopecks',
  'supportKopecks',
  'supportPartnersKopecks',
  'requestsPublished',
  'requestsCorporate',
  'requestsCity',
  'solutions',
  'pilots',
  'contracts',
  'contractsKopecks',
] as const;
export type SeriesFigure = (typeof SERIES_FIGURES)[number];

export type Figure = HeadlineFigure | SeriesFigure;

export const MONEY_FIGURES: ReadonlySet<Figure> = new Set([
  'investmentKopecks',
  'supportKopecks',
  'supportPartnersKopecks',
  'contractsKopecks',
]);

export const isMoney = (figure: Figure) => MONEY_FIGURES.has(figure);

export const BREAKDOWN_DIMENSIONS = ['technology', 'okvedSection', 'smeCategory', 'district'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
export const BREAKDOWN_SUBJECTS = ['participants', 'projects'] as const;
export type BreakdownSubject = (typeof BREAKDOWN_SUBJECTS)[number];

export const SERIES_PERIODS = ['month', 'year'] as const;
export type SeriesPeriod = (typeof SERIES_PERIODS)[number];

type Texts<K extends string> = Record<Lang, Record<K, string>>;

export const FIGURE_LABELS: Texts<Figure> = {
  ru: {
    participants: 'Участники кластера',
    partners: 'Партнёры кластера',
    newParticipants: 'Новые участники кластера',
    projectsImplemented: 'Реализованные инновационные проекты',
    jointProjects: 'Совместные проекты',
    investmentKopecks: 'Привлечённые инвестиции',
    supportKopecks: 'Городская поддержка участников',
    supportPartnersKopecks: 'Городская поддержка партнёров',
    requestsPublished: 'Опубликованные запросы',
    requestsCorporate: 'Запросы корпораций',
    requestsCity: 'Запросы города',
    solutions: 'Поданные решения',
    pilots: 'Пилотные внедрения',
    contracts: 'Заключённые договоры',
    contractsKopecks: 'Сумма заключённых договоров',
  },
  en: {
    participants: 'Cluster participants',
    partners: 'Cluster partners',
    newParticipants: 'New cluster participants',
    projectsImplemented: 'Innovative projects implemented',
    jointProjects: 'Joint projects',
    investmentKopecks: 'Investment attracted',
    supportKopecks: 'City support to participants',
    supportPartnersKopecks: 'City support to partners',
    requestsPublished: 'Requests published',
    requestsCorporate: 'Requests from corporations',
    requestsCity: 'Requests from the city',
    solutions: 'Solutions submitted',
    pilots: 'Pilots',
    contracts: 'Contracts signed',
    contractsKopecks: 'Value of contracts signed',
  },
};

export const FIGURE_RULES: Texts<Figure> = {
  ru: {
    participants:
      'Организации, которые на дату расчёта состоят в кластере со статусом «участник» и видом членства «участник». ' +
      'Партнёры считаются отдельно; заявители, приостановленные и исключённые не считаются.',
    partners:
      'Организации, которые на дату расчёта состоят в кластере со статусом «участник» и видом членства «партнёр»; ' +
      'считаются отдельно от участников.',
    newParticipants:
      'Участники кластера (вид членства «участник», на дату расчёта — в кластере) по месяцу и году приёма в кластер.',
    projectsImplemented: 'Проекты в статусе «реализован»; месяц и год — по дате реализации.',
    jointProjects:
      'Реализованные проекты, участие в которых подтвердили не менее двух разных участников кластера (ведущая ' +
      'организация считается, если она участник). Приглашённый, но не подтвердивший партнёр проект совместным не делает.',
    investmentKopecks:
      'Сумма закрытых инвестиционных сделок, которые подтвердили обе стороны — инвестор и компания — и которые никто ' +
      'не оспорил; месяц и год — по дате сделки. Неподтверждённые и оспоренные сделки не считаются.',
    supportKopecks:
      'Сумма выплаченных траншей по мерам поддержки организациям, которые на дату расчёта являются участниками кластера ' +
      '(вид членства «участник»); месяц и год — по дате выплаты. Выплаты партнёрам считаются отдельно.',
    supportPartnersKopecks:
      'Сумма выплаченных траншей по мерам поддержки партнёрам кластера (вид членства «партнёр», на дату расчёта — в ' +
      'кластере); показывается отдельно от поддержки участников.',
    requestsPublished:
      'Запросы корпораций и города, когда-либо опубликованные на платформе (в том числе закрытые, с подведёнными итогами ' +
      'и отменённые после публикации); месяц и год — по дате публикации. Черновики и запросы на модерации не считаются.',
    requestsCorporate:
      'Запросы корпораций, когда-либо опубликованные на платформе (в том числе закрытые и отменённые после публикации); ' +
      'месяц и год — по дате публикации. Черновики и запросы на модерации не считаются.',
    requestsCity:
      'Запросы городских организаций, когда-либо опубликованные на платформе (в том числе закрытые и отменённые после ' +
      'публикации); месяц и год — по дате публикации. Черновики и запросы на модерации не считаются.',
    solutions:
      'Решения, поданные на запросы (в том числе позже отозванные или отклонённые); черновики не считаются. Месяц и год — ' +
      'по дате подачи.',
    pilots:
      'Пилотные внедрения, которые согласовала площадка: согласованные, идущие и завершённые. Предложенные, отклонённые и ' +
      'отменённые не считаются. Месяц и год — по дате начала пилота.',
    contracts:
      'Договоры, заключённые по итогам запросов — после пилота или сразу из шорт-листа; месяц и год — по дате подписания.',
    contractsKopecks: 'Сумма договоров, заключённых по итогам запросов; месяц и год — по дате подписания.',
  },
  en: {
    participants:
      'Organizations that are members of the cluster on the day of computation with status “participant” and ' +
      'membership kind “participant”. Partners are counted apart; applicants, suspended and excluded organizations are not counted.',
    partners:
      'Organizations that are members of the cluster on the day of computation with status “participant” and ' +
      'membership kind “partner”; counted apart from participants.',
    newParticipants:
      'Cluster participants (membership kind “participant”, members on the day of computation) by the month and year they were admitted.',
    projectsImplemented: 'Projects with status “implemented”; month and year by the implementation date.',
    jointProjects:
      'Implemented projects in which at least two distinct cluster participants confirmed taking part (the lead ' +
      'organization counts when it is a participant). A partner invited but not confirmed does not make a project joint.',
    investmentKopecks:
      'Sum of closed investment deals confirmed by both sides — the investor and the company — and disputed by neither; ' +
      'month and year by the deal date. Unconfirmed and disputed deals are not counted.',
    supportKopecks:
      'Sum of support tranches paid to organizations that are cluster participants (membership kind “participant”) on ' +
      'the day of computation; month and year by the payment date. Payments to partners are counted apart.',
    supportPartnersKopecks:
      'Sum of support tranches paid to cluster partners (membership kind “partner”, members on the day of ' +
      'computation); shown apart from the support to participants.',
    requestsPublished:
      'Requests from corporations and the city ever published on the platform (including closed, resolved and ' +
      'cancelled after publication); month and year by the publication date. Drafts and requests in moderation are not counted.',
    requestsCorporate:
      'Requests from corporations ever published on the platform (including closed and cancelled after publication); ' +
      'month and year by the publication date. Drafts and requests in moderation are not counted.',
    requestsCity:
      'Requests from city organizations ever published on the platform (including closed and cancelled after ' +
      'publication); month and year by the publication date. Drafts and requests in moderation are not counted.',
    solutions:
      'Solutions submitted to requests (including those later withdrawn or declined); drafts are not counted. Month and ' +
      'year by the submission date.',
    pilots:
      'Pilots the site agreed to: approved, running and completed. Proposed, refused and cancelled pilots are not ' +
      'counted. Month and year by the pilot start date.',
    contracts:
      'Contracts signed as a result of requests — after a pilot or straight from the shortlist; month and year by the signing date.',
    contractsKopecks: 'Value of the contracts signed as a result of requests; month and year by the signing date.',
  },
};

export const BREAKDOWN_RULES: Texts<BreakdownSubject> = {
  ru: {
    participants:
      'Участники кластера по правилу показателя «Участники кластера». Организация с несколькими технологическими ' +
      'направлениями считается в каждом из них; пустое значение — не указано.',
    projects:
      'Реализованные проекты по правилу показателя «Реализованные инновационные проекты»: технологические направления ' +
      'проекта, округ ведущей организации на момент записи проекта, раздел ОКВЭД и категория МСП ведущей организации. ' +
      'Проект с несколькими направлениями считается в каждом из них; пустое значение — не указано.',
  },
  en: {
    participants:
      'Cluster participants by the rule of the figure “Cluster participants”. An organization with several technology ' +
      'areas is counted in each; an empty value means not given.',
    projects:
      'Implemented projects by the rule of the figure “Innovative projects implemented”: the project’s technology areas, ' +
      'the lead organization’s district when the project was recorded, and its OKVED section and SME category. A ' +
      'project with several areas is counted in each; an empty value means not given.',
  },
};

export const BREAKDOWN_LABELS: Texts<BreakdownDimension | BreakdownSubject> = {
  ru: {
    technology: 'Технологическое направление',
    okvedSection: 'Раздел ОКВЭД',
    smeCategory: 'Категория МСП',
    district: 'Округ',
    participants: 'Участники кластера',
    projects: 'Реализованные проекты',
  },
  en: {
    technology: 'Technology area',
    okvedSection: 'OKVED section',
    smeCategory: 'SME category',
    district: 'District',
    participants: 'Cluster participants',
    projects: 'Implemented projects',
  },
};

// ---- funnels (the operator's)

export const FUNNELS = {
  membership: ['applied', 'participant'],
  support: ['submitted', 'registered', 'approved', 'paid'],
  requests: ['published', 'solutions', 'shortlisted', 'pilot', 'contract'],
  deals: ['intro', 'closed', 'confirmed'],
} as const;
export type FunnelKey = keyof typeof FUNNELS;
export const FUNNEL_KEYS = Object.keys(FUNNELS) as FunnelKey[];
export type FunnelStep = (typeof FUNNELS)[FunnelKey][number];

export const FUNNEL_LABELS: Texts<FunnelKey> = {
  ru: {
    membership: 'Вступление в кластер',
    support: 'Меры поддержки',
    requests: 'Запросы на инновации',
    deals: 'Инвестиционные сделки',
  },
  en: {
    membership: 'Joining the cluster',
    support: 'Support measures',
    requests: 'Innovation requests',
    deals: 'Investment deals',
  },
};

export const FUNNEL_STEP_LABELS: Record<Lang, Record<FunnelKey, Record<string, string>>> = {
  ru: {
    membership: { applied: 'Заявка на вступление подана', participant: 'Принята в кластер' },
    support: {
      submitted: 'Заявка подана',
      registered: 'Зарегистрирована',
      approved: 'Одобрена',
      paid: 'Выплачен первый транш',
    },
    requests: {
      published: 'Запрос опубликован',
      solutions: 'Получены решения',
      shortlisted: 'Решение в шорт-листе',
      pilot: 'Пилот согласован',
      contract: 'Заключён договор',
    },
    deals: { intro: 'Знакомство', closed: 'Сделка закрыта', confirmed: 'Подтверждена обеими сторонами' },
  },
  en: {
    membership: { applied: 'Applied to join', participant: 'Admitted' },
    support: { submitted: 'Submitted', registered: 'Registered', approved: 'Approved', paid: 'First tranche paid' },
    requests: {
      published: 'Request published',
      solutions: 'Solutions received',
      shortlisted: 'A solution shortlisted',
      pilot: 'Pilot approved',
      contract: 'Contract signed',
    },
    deals: { intro: 'Introduction', closed: 'Deal closed', confirmed: 'Confirmed by both sides' },
  },
};

export const FUNNEL_RULES: Texts<FunnelKey> = {
  ru: {
    membership:
      'Заявки на вступление (участники и партнёры), поданные за период; принятые — дошедшие до статуса «участник» ' +
      '(в том числе позже приостановленные или исключённые). Время — медиана дней от подачи до приёма.',
    support:
      'Заявки на меры поддержки, впервые поданные за период, и сколько из них зарегистрировано, одобрено и получило ' +
      'первый транш. Время — медиана дней между шагами.',
    requests:
      'Запросы, опубликованные за период, и сколько из них получили решения, решение в шорт-листе, согласованный пилот и ' +
      'договор; рядом — число самих решений, пилотов и договоров. Время — медиана дней между первыми событиями шагов.',
    deals:
      'Сделки, начатые за период, закрытые из них и подтверждённые обеими сторонами без спора. Время — медиана дней ' +
      'между шагами.',
  },
  en: {
    membership:
      'Applications to join (participants and partners) filed in the period; admitted: those that reached status ' +
      '“participant” (including those later suspended or excluded). Time: median days from applying to admission.',
    support:
      'Support applications first submitted in the period, and how many were registered, approved and got a first ' +
      'tranche. Time: median days between the steps.',
    requests:
      'Requests published in the period, and how many got solutions, a shortlisted solution, an approved pilot and a ' +
      'contract; beside them, the number of solutions, pilots and contracts. Time: median days between the first events of the steps.',
    deals:
      'Deals started in the period, those of them closed, and those confirmed by both sides without a dispute. Time: ' +
      'median days between the steps.',
  },
};
