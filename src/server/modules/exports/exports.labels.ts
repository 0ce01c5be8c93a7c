// What exported files say, in Russian and English: column headers and the names of statuses and kinds.
import type {
  ApplicationStatus,
  MeasureKind,
  MeasureStatus,
  Recommendation,
  ReviewStatus,
} from '../../../shared/measures.ts';
import type { Lang } from '../../http/messages.ts';

export type CellType = 'text' | 'money' | 'date' | 'integer';
export interface Column {
  type: CellType;
  header: Record<Lang, string>;
  width: number;
}

const col = (type: CellType, ru: string, en: string, width = 16): Column => ({ type, header: { ru, en }, width });

export const EXPORT_COLUMNS = {
  applications: [
    col('text', 'Номер', 'Number', 18),
    col('text', 'Мера поддержки', 'Support measure', 48),
    col('text', 'Организация', 'Organization', 36),
    col('text', 'ИНН', 'INN', 14),
    col('text', 'Статус', 'Status', 22),
    col('money', 'Запрошено, ₽', 'Requested, RUB'),
    col('money', 'Одобрено, ₽', 'Approved, RUB'),
    col('money', 'Выплачено, ₽', 'Paid, RUB'),
    col('date', 'Создана', 'Created', 12),
    col('date', 'Подана', 'Submitted', 12),
    col('date', 'Решение', 'Decided', 12),
  ],
  measures: [
    col('text', 'Код', 'Code', 16),
    col('text', 'Название', 'Title', 56),
    col('text', 'Вид', 'Kind', 18),
    col('text', 'Статус', 'Status', 16),
    col('money', 'Максимальная сумма, ₽', 'Maximum amount, RUB', 20),
    col('money', 'Бюджет, ₽', 'Budget, RUB', 20),
    col('money', 'Одобрено, ₽', 'Committed, RUB', 20),
    col('money', 'Остаток, ₽', 'Remaining, RUB', 20),
    col('date', 'Приём с', 'Opens', 12),
    col('date', 'Приём до', 'Closes', 12),
  ],
  reviews: [
    col('text', 'Заявка', 'Application', 18),
    col('text', 'Мера поддержки', 'Support measure', 48),
    col('text', 'Организация', 'Organization', 36),
    col('text', 'Эксперт', 'Expert', 28),
    col('text', 'Статус', 'Status', 16),
    col('text', 'Рекомендация', 'Recommendation', 18),
    col('integer', 'Балл (0–100)', 'Score (0–100)', 12),
    col('date', 'Назначена', 'Assigned', 12),
    col('date', 'Отправлена', 'Submitted', 12),
  ],
} as const satisfies Record<'applications' | 'measures' | 'reviews', Column[]>;

export const SHEET_NAMES: Record<keyof typeof EXPORT_COLUMNS, Record<Lang, string>> = {
  applications: { ru: 'Заявки', en: 'Applications' },
  measures: { ru: 'Меры поддержки', en: 'Support measures' },
  reviews: { ru: 'Экспертиза', en: 'Reviews' },
};

export interface Labels {
  applicationStatus: Record<ApplicationStatus, string>;
  measureStatus: Record<MeasureStatus, string>;
  measureKind: Record<MeasureKind, string>;
  reviewStatus: Record<ReviewStatus, string>;
  recommendation: Record<Recommendation, string>;
}

export const EXPORT_LABELS: Record<Lang, Labels> = {
  ru: {
    applicationStatus: {
      draft: 'Черновик',
      submitted: 'Подана',
      returned: 'Возвращена на доработку',
      registered: 'Зарегистрирована',
      under_review: 'На экспертизе',
      approved: 'Одобрена',
      rejected: 'Отклонена',
      agreement_signed: 'Соглашение подписано',
      disbursing: 'Выплата траншей',
      reporting: 'Отчётность',
      completed: 'Завершена',
      withdrawn: 'Отозвана',
    },
    measureStatus: { draft: 'Черновик', published: 'Опубликована', closed: 'Приём завершён', archived: 'В архиве' },
    measureKind: {
      grant: 'Грант',
      subsidy: 'Субсидия',
      compensation: 'Компенсация затрат',
      loan: 'Заём',
      service: 'Услуга',
      tax_benefit: 'Налоговая льгота',
      rent: 'Льготная аренда',
    },
    reviewStatus: {
      assigned: 'Назначена',
      declared: 'Декларация подписана',
      submitted: 'Отправлена',
      recused: 'Самоотвод',
    },
    recommendation: { support: 'Поддержать', revise: 'Доработать', reject: 'Отклонить' },
  },
  en: {
    applicationStatus: {
      draft: 'Draft',
      submitted: 'Submitted',
      returned: 'Returned for fixes',
      registered: 'Registered',
      under_review: 'Under review',
      approved: 'Approved',
      rejected: 'Rejected',
      agreement_signed: 'Agreement signed',
      disbursing: 'Disbursing',
      reporting: 'Reporting',
      completed: 'Completed',
      withdrawn: 'Withdrawn',
    },
    measureStatus: { draft: 'Draft', published: 'Published', closed: 'Closed', archived: 'Archived' },
    measureKind: {
      grant: 'Grant',
      subsidy: 'Subsidy',
      compensation: 'Cost compensation',
      loan: 'Loan',
      service: 'Service',
      tax_benefit: 'Tax benefit',
      rent: 'Reduced rent',
    },
    reviewStatus: { assigned: 'Assigned', declared: 'Declared', submitted: 'Submitted', recused: 'Recused' },
    recommendation: { support: 'Support', revise: 'Revise', reject: 'Reject' },
  },
};
