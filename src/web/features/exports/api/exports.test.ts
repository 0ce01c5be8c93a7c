import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { EXPORT_LIST_INFO, EXPORT_LISTS, EXPORT_SECTIONS, exportUrl, listsOfSection } from './exports.ts';

type Dictionary = { [key: string]: string | Dictionary };

function text(language: 'ru' | 'en', key: string): string | undefined {
  const dictionary = JSON.parse(
    readFileSync(new URL(`../../../i18n/${language}.json`, import.meta.url), 'utf8'),
  ) as Dictionary;
  let node: string | Dictionary | undefined = dictionary;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

test('a list without filters downloads from its bare address', () => {
  assert.equal(exportUrl('applications', 'csv'), '/api/exports/applications.csv');
  assert.equal(exportUrl('funnels', 'xlsx', {}), '/api/exports/funnels.xlsx');
});

test('the filters that are set go into the address; empty ones stay out', () => {
  assert.equal(
    exportUrl('funnels', 'csv', { from: '2026-01-01', to: undefined, measureId: '', technology: 'ai' }),
    '/api/exports/funnels.csv?from=2026-01-01&technology=ai',
  );
});

test('a status list repeats the parameter, as the server reads an array', () => {
  const url = new URL(exportUrl('requests', 'csv', { status: ['moderation', 'published'], q: 'дроны' }), 'http://x');
  assert.equal(url.pathname, '/api/exports/requests.csv');
  assert.deepEqual(url.searchParams.getAll('status'), ['moderation', 'published']);
  assert.equal(url.searchParams.get('q'), 'дроны');
  assert.equal(exportUrl('applications', 'xlsx', { status: [] }), '/api/exports/applications.xlsx');
});

test('search text with spaces, quotes and ampersands arrives whole', () => {
  const q = 'ООО «Демо & Ко» 50%';
  const url = new URL(exportUrl('membership', 'csv', { q }), 'http://x');
  assert.equal(url.searchParams.get('q'), q);
  assert.equal([...url.searchParams.keys()].length, 1);
});

test('booleans are written as the server reads them', () => {
  assert.equal(exportUrl('deals', 'csv', { counted: false }), '/api/exports/deals.csv?counted=false');
});

test('every list belongs to a section, and each section shows at least one', () => {
  const shown = EXPORT_SECTIONS.flatMap(listsOfSection);
  assert.deepEqual([...shown].sort(), [...EXPORT_LISTS].sort());
  for (const section of EXPORT_SECTIONS) assert.ok(listsOfSection(section).length > 0, section);
});

test('every list, section and status has its words in both languages', () => {
  const missing: string[] = [];
  const need = (key: string) => {
    for (const language of ['ru', 'en'] as const) if (!text(language, key)) missing.push(`${language}:${key}`);
  };
  for (const section of EXPORT_SECTIONS) need(`exportsPage.sections.${section}`);
  for (const list of EXPORT_LISTS) {
    need(`exportsPage.lists.${list}.title`);
    need(`exportsPage.lists.${list}.description`);
    const info = EXPORT_LIST_INFO[list];
    if (info.statuses.length > 0) assert.ok(info.statusKeys, `${list} has statuses without their names`);
    for (const status of info.statuses) need(`${info.statusKeys}.${status}`);
  }
  assert.deepEqual(missing, []);
});
