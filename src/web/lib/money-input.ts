// Rubles as people type them («1 234 567,89») to integer kopecks in a string, and back, without floats.

/** '1 234,5' → '123450'; null when the text is not an amount of rubles. Empty text gives ''. */
export function rublesToKopecks(text: string): string | null {
  const compact = text.replace(/[\s\u00A0\u202F]/g, '').replace(',', '.');
  if (compact === '') return '';
  const match = /^(\d{1,16})(?:\.(\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const kopecks = BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  return kopecks.toString();
}

/** '123450' → '1234,50' (no grouping, so the text stays editable). */
export function kopecksToRubles(kopecks: string | null | undefined): string {
  if (!kopecks) return '';
  const value = BigInt(kopecks);
  const cents = value % 100n;
  return cents === 0n ? (value / 100n).toString() : `${value / 100n},${cents.toString().padStart(2, '0')}`;
}
