// Numbers, money and dates as people in Russia (and English readers) expect them.
// Money arrives as integer kopecks in a string and is formatted without ever becoming a float.

export type FormatLanguage = 'ru' | 'en';

const MOSCOW_TIME_ZONE = 'Europe/Moscow';
const NARROW_NO_BREAK_SPACE = '\u202F';
const NO_BREAK_SPACE = '\u00A0';

function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** 1234567 → «1 234 567» (thin no-break spaces) in Russian, «1,234,567» in English. */
export function formatNumber(value: number | bigint, language: FormatLanguage): string {
  const text = typeof value === 'bigint' ? value.toString() : String(Math.trunc(Math.abs(Number(value))));
  if (typeof value === 'number' && !Number.isInteger(value)) {
    return new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-US', { maximumFractionDigits: 2 })
      .format(value)
      .replace(/[\u00A0\u202F ]/g, language === 'ru' ? NARROW_NO_BREAK_SPACE : ',');
  }
  const negative = text.startsWith('-') || (typeof value === 'number' && value < 0);
  const digits = text.replace('-', '');
  const grouped = groupDigits(digits, language === 'ru' ? NARROW_NO_BREAK_SPACE : ',');
  return negative ? `−${grouped}` : grouped;
}

/** '123456789' kopecks → «1 234 567,89 ₽» in Russian, «₽1,234,567.89» in English. */
export function formatKopecks(kopecks: string | number | bigint, language: FormatLanguage): string {
  const amount = BigInt(kopecks);
  const negative = amount < 0n;
  const absolute = negative ? -amount : amount;
  const rubles = groupDigits((absolute / 100n).toString(), language === 'ru' ? NARROW_NO_BREAK_SPACE : ',');
  const cents = (absolute % 100n).toString().padStart(2, '0');
  const sign = negative ? '−' : '';
  return language === 'ru' ? `${sign}${rubles},${cents}${NO_BREAK_SPACE}₽` : `${sign}₽${rubles}.${cents}`;
}

const dateFormatter = new Intl.DateTimeFormat('ru-RU', {
  timeZone: MOSCOW_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const dateTimeFormatter = new Intl.DateTimeFormat('ru-RU', {
  timeZone: MOSCOW_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const dateTimeSecondsFormatter = new Intl.DateTimeFormat('ru-RU', {
  timeZone: MOSCOW_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * A calendar date «26.11.2026»: a date-only string is shown as written (no time-zone shift),
 * a moment in time as the date in Moscow.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string') {
    const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (dateOnly) return `${dateOnly[3]}.${dateOnly[2]}.${dateOnly[1]}`;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return dateFormatter.format(date);
}

/** «26.11.2026, 14:05» in Moscow time. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return dateTimeFormatter.format(date);
}

/** «26.11.2026, 14:05:09» in Moscow time, where two moments a minute apart must still read differently. */
export function formatDateTimeSeconds(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return dateTimeSecondsFormatter.format(date);
}
