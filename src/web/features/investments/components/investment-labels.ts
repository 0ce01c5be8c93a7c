// How ranges and amounts of investment read: «от 5 000 000,00 ₽ до 50 000 000,00 ₽», «до …», «не указан».
import type { TFunction } from 'i18next';
import { type FormatLanguage, formatKopecks } from '../../../lib/format.ts';

export function ticketText(
  range: { ticketMinKopecks: string | null; ticketMaxKopecks: string | null },
  t: TFunction,
  language: FormatLanguage,
): string {
  const min = range.ticketMinKopecks && formatKopecks(range.ticketMinKopecks, language);
  const max = range.ticketMaxKopecks && formatKopecks(range.ticketMaxKopecks, language);
  if (min && max) return t('investments.ticket.range', { min, max });
  if (min) return t('investments.ticket.from', { min });
  if (max) return t('investments.ticket.upTo', { max });
  return t('investments.ticket.none');
}

export function amountOrNone(kopecks: string | null, t: TFunction, language: FormatLanguage): string {
  return kopecks ? formatKopecks(kopecks, language) : t('investments.notStated');
}

/** Today's date in Moscow (UTC+3 all year). */
export function moscowToday(now = new Date()): string {
  return new Date(now.getTime() + 3 * 3600 * 1000).toISOString().slice(0, 10);
}

export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}
