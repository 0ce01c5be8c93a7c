/** Keys for loading placeholders: identical rows that never reorder, so their position is their identity. */
export function placeholderKeys(count: number, prefix = 'placeholder'): string[] {
  return Array.from({ length: count }, (_, position) => `${prefix}-${position}`);
}
