// How a funnel's numbers read: conversion as a percentage, median days, and the bar lengths of its chart.
import { type FormatLanguage, formatNumber } from '../../../lib/format.ts';

/** Shown where a step has no value: no previous step, or nothing to divide by. */
export const NO_VALUE = '—';

const percentFormats: Record<FormatLanguage, Intl.NumberFormat> = {
  ru: new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
};

/** 0.9286 → «92,9 %» (a no-break space, as Russian writes it) or «92.9%»; null → «—». */
export function formatPercent(fraction: number | null | undefined, language: FormatLanguage): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NO_VALUE;
  const number = percentFormats[language].format(fraction * 100).replace(/[\u00A0\u202F ]/g, '\u202F');
  return language === 'ru' ? `${number}\u00A0%` : `${number}%`;
}

/** 51.2 → «51,2» / «51.2»; null (no previous step, or nobody got there yet) → «—». */
export function formatDays(days: number | null | undefined, language: FormatLanguage): string {
  if (days === null || days === undefined || !Number.isFinite(days)) return NO_VALUE;
  return formatNumber(days, language);
}

/**
 * Each step's bar as a share (0..100) of the longest: a step that has anyone keeps a sliver, so «few» never looks
 * like «none».
 */
export function barShares(counts: readonly number[]): number[] {
  const longest = Math.max(0, ...counts);
  return counts.map((count) => {
    if (longest === 0 || count <= 0) return 0;
    return Math.max(1, Math.round((count / longest) * 1000) / 10);
  });
}
