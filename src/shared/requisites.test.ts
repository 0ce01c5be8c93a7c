import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  formatRegistryNumber,
  innWithCheckDigits,
  isValidInn,
  isValidKpp,
  isValidOgrn,
  ogrnWithCheckDigit,
  REGISTRY_NUMBER_PATTERN,
} from './requisites.ts';

test('INN: published numbers pass, a changed digit fails', () => {
  const valid: Array<[string, 'legal_entity' | 'sole_proprietor']> = [
    ['7707083893', 'legal_entity'], // ПАО Сбербанк
    ['7736207543', 'legal_entity'], // ООО «Яндекс»
    ['7702070139', 'legal_entity'], // Банк ВТБ
    ['500100732259', 'sole_proprietor'],
    ['773370857141', 'sole_proprietor'],
  ];
  for (const [inn, type] of valid) assert.ok(isValidInn(inn, type), inn);
  const invalid = [
    '7707083894',
    '7736207544',
    '500100732258',
    '500100732269',
    '0000000000',
    '770708389',
    '77070838933',
    'abcdefghij',
    '',
  ];
  for (const inn of invalid) assert.equal(isValidInn(inn), false, inn);
  assert.equal(isValidInn('7707083893', 'sole_proprietor'), false, 'a 10-digit INN is never a sole proprietor');
  assert.equal(isValidInn('500100732259', 'legal_entity'), false);
});

test('OGRN and OGRNIP: published numbers pass, wrong check digit or kind fails', () => {
  assert.ok(isValidOgrn('1027700132195', 'legal_entity')); // Сбербанк
  assert.ok(isValidOgrn('1027700229193', 'legal_entity')); // Яндекс
  assert.ok(isValidOgrn('304500116000157', 'sole_proprietor'));
  for (const ogrn of ['1027700132196', '304500116000158', '3027700132195', '1234567890123', '10277001321', '']) {
    assert.equal(isValidOgrn(ogrn), false, ogrn);
  }
  assert.equal(isValidOgrn('1027700132195', 'sole_proprietor'), false);
});

test('KPP: 9 characters, reason code may hold Latin capitals', () => {
  for (const kpp of ['773601001', '7736AB001', '500101001']) assert.ok(isValidKpp(kpp), kpp);
  for (const kpp of ['77360100', '7736010011', '7736ab001', '77360100X', '000000000', ''])
    assert.equal(isValidKpp(kpp), false, kpp);
});

test('property: any completed INN/OGRN body is valid, and changing its last digit breaks it', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[1-9]\d{8}$|^[1-9]\d{9}$/), (body) => {
      const inn = innWithCheckDigits(body);
      const last = Number(inn.at(-1));
      return isValidInn(inn) && !isValidInn(inn.slice(0, -1) + ((last + 1) % 10));
    }),
  );
  fc.assert(
    fc.property(fc.stringMatching(/^1\d{11}$|^3\d{13}$/), (body) => {
      const ogrn = ogrnWithCheckDigit(body);
      const last = Number(ogrn.at(-1));
      return isValidOgrn(ogrn) && !isValidOgrn(ogrn.slice(0, -1) + ((last + 1) % 10));
    }),
  );
});

test('registry number: МИК-<year>-<6 digits>', () => {
  assert.equal(formatRegistryNumber(2026, 123), 'МИК-2026-000123');
  assert.equal(formatRegistryNumber(2019, 999_999), 'МИК-2019-999999');
  assert.match(formatRegistryNumber(2026, 1), REGISTRY_NUMBER_PATTERN);
  assert.throws(() => formatRegistryNumber(2026, 0));
  assert.throws(() => formatRegistryNumber(2026, 1_000_000));
  assert.doesNotMatch('МИК-2026-00123', REGISTRY_NUMBER_PATTERN);
});
