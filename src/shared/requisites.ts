// Russian company requisites: INN, OGRN/OGRNIP and KPP, with the checksums the Federal Tax Service defines.
// Pure code shared by the server (validation) and the web app (inline hints) and the demo-data generator.

export type LegalType = 'legal_entity' | 'sole_proprietor';

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function weightedCheckDigit(digits: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i];
  return (sum % 11) % 10;
}

/** Completes an INN body (9 or 10 digits) with its check digit(s). */
export function innWithCheckDigits(body: string): string {
  if (/^\d{9}$/.test(body)) return body + weightedCheckDigit(body, INN10_WEIGHTS);
  if (/^\d{10}$/.test(body)) {
    const with11 = body + weightedCheckDigit(body, INN12_WEIGHTS_11);
    return with11 + weightedCheckDigit(with11, INN12_WEIGHTS_12);
  }
  throw new Error('INN body must have 9 or 10 digits');
}

export function isValidInn(inn: string, legalType?: LegalType): boolean {
  if (legalType === 'legal_entity' && inn.length !== 10) return false;
  if (legalType === 'sole_proprietor' && inn.length !== 12) return false;
  if (!/^\d{10}$|^\d{12}$/.test(inn)) return false;
  if (/^0{10,12}$/.test(inn)) return false;
  return innWithCheckDigits(inn.slice(0, inn.length === 10 ? 9 : 10)) === inn;
}

// OGRN (13 digits): the remainder of the first 12 digits divided by 11, its last digit.
// OGRNIP (15 digits): the same with the first 14 digits and 13.
// BigInt keeps 14-digit numbers exact.
function ogrnCheckDigit(body: string, divisor: bigint): number {
  return Number((BigInt(body) % divisor) % 10n);
}

export function ogrnWithCheckDigit(body: string): string {
  if (/^\d{12}$/.test(body)) return body + ogrnCheckDigit(body, 11n);
  if (/^\d{14}$/.test(body)) return body + ogrnCheckDigit(body, 13n);
  throw new Error('OGRN body must have 12 or 14 digits');
}

export function isValidOgrn(ogrn: string, legalType?: LegalType): boolean {
  const expectedLength = legalType === 'sole_proprietor' ? 15 : legalType === 'legal_entity' ? 13 : undefined;
  if (expectedLength && ogrn.length !== expectedLength) return false;
  if (!/^\d{13}$|^\d{15}$/.test(ogrn)) return false;
  // the first digit says what was registered: 1 or 5 a legal entity, 3 a sole proprietor
  if (ogrn.length === 13 && !/^[15]/.test(ogrn)) return false;
  if (ogrn.length === 15 && !ogrn.startsWith('3')) return false;
  return ogrnWithCheckDigit(ogrn.slice(0, -1)) === ogrn;
}

/** KPP has no checksum: 4 digits of the tax office, 2 of the reason (digits or Latin capitals), 3 digits. */
export function isValidKpp(kpp: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp) && kpp !== '000000000';
}

/** Registry number given on admission to the cluster, e.g. МИК-2026-000123. */
export function formatRegistryNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new Error('registry sequence must be 1..999999');
  }
  return `МИК-${year}-${String(sequence).padStart(6, '0')}`;
}

export const REGISTRY_NUMBER_PATTERN = /^МИК-\d{4}-\d{6}$/;
