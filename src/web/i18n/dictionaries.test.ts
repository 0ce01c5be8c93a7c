// Both dictionaries must carry the same keys, so no text silently falls back to the other language.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  CAPABILITIES,
  MEMBERSHIP_KINDS,
  MEMBERSHIP_STATUSES,
  OKVED_SECTIONS,
  ORG_ROLES,
  SME_CATEGORIES,
  STARTUP_STAGES,
  TECHNOLOGY_AREAS,
} from '../../shared/domain.ts';

type Dictionary = { [key: string]: string | Dictionary };

function load(language: string): Dictionary {
  return JSON.parse(readFileSync(new URL(`./${language}.json`, import.meta.url), 'utf8')) as Dictionary;
}

function flatten(dictionary: Dictionary, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(dictionary)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(path, value);
    else for (const [nested, text] of flatten(value, path)) keys.set(nested, text);
  }
  return keys;
}

const ru = flatten(load('ru'));
const en = flatten(load('en'));

test('every Russian key has an English text', () => {
  const missing = [...ru.keys()].filter((key) => !en.has(key));
  assert.deepEqual(missing, [], `missing in en.json: ${missing.join(', ')}`);
});

test('every English key has a Russian text', () => {
  const missing = [...en.keys()].filter((key) => !ru.has(key));
  assert.deepEqual(missing, [], `missing in ru.json: ${missing.join(', ')}`);
});

test('no text is empty', () => {
  const empty = [...ru, ...en].filter(([, text]) => !text.trim()).map(([key]) => key);
  assert.deepEqual(empty, []);
});

test('every domain value has a translation', () => {
  const groups: Record<string, readonly string[]> = {
    'enums.membershipStatus': [...MEMBERSHIP_STATUSES, 'none'],
    'enums.membershipKind': MEMBERSHIP_KINDS,
    'enums.orgRole': ORG_ROLES,
    'enums.smeCategory': SME_CATEGORIES,
    'enums.startupStage': STARTUP_STAGES,
    'enums.capability': CAPABILITIES,
    'enums.technology': TECHNOLOGY_AREAS,
    'enums.okvedSection': OKVED_SECTIONS,
  };
  const missing = Object.entries(groups).flatMap(([group, values]) =>
    values.map((value) => `${group}.${value}`).filter((key) => !ru.has(key)),
  );
  assert.deepEqual(missing, []);
});

test('every literal key used in the code exists', () => {
  const sources = readdirSync(new URL('..', import.meta.url), { recursive: true, encoding: 'utf8' }).filter(
    (file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'),
  );
  const used = new Set<string>();
  for (const file of sources) {
    const code = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    for (const match of code.matchAll(
      /\b(?:t|translate)\(\s*'([\w.]+)'|labelKey: '([\w.]+)'|\? '([a-z]\w*\.[\w.]+)' : '([a-z]\w*\.[\w.]+)'/g,
    )) {
      for (const key of match.slice(1)) if (key) used.add(key);
    }
  }
  const missing = [...used].filter((key) => !ru.has(key) && !ru.has(`${key}_one`));
  assert.ok(used.size > 100, 'the scan found the keys');
  assert.deepEqual(missing, []);
});
