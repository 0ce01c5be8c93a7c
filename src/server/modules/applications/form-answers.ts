// Checks an application's answers against the measure's form, defined as data. Pure: the service decides
// when a missing answer matters (a draft may be incomplete; a submitted file may not).
import type { FormField } from '../../../shared/measures.ts';
import type { MessageCode } from '../../http/messages.ts';

export type FieldError = MessageCode | { code: MessageCode; params?: Record<string, unknown> };
/** Field path (`answers.<key>`) → what is wrong with it. */
export type FieldErrors = Record<string, FieldError>;

const KOPECKS = /^(0|[1-9][0-9]{0,17})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// no C0 controls except tab/newline/carriage return, no DEL (as the API's MultiLine strings)
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRealDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The file ids an answer to a file field holds: one id, or a list of them. */
export function fileIdsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function checkValue(field: FormField, value: unknown): FieldError | undefined {
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string') return 'field.type';
      if (CONTROL_CHARS.test(value)) return 'field.control_chars';
      if (field.maxLength !== undefined && value.length > field.maxLength) {
        return { code: 'field.too_long', params: { limit: field.maxLength } };
      }
      return undefined;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'field.type';
      if (field.min !== undefined && value < field.min)
        return { code: 'field.too_small', params: { limit: field.min } };
      if (field.max !== undefined && value > field.max) return { code: 'field.too_big', params: { limit: field.max } };
      return undefined;
    }
    case 'money': {
      // kopecks in a digit string: never a float
      if (typeof value !== 'string' || !KOPECKS.test(value)) return 'field.format';
      const kopecks = BigInt(value);
      if (field.min !== undefined && kopecks < BigInt(field.min))
        return { code: 'field.too_small', params: { limit: field.min } };
      if (field.max !== undefined && kopecks > BigInt(field.max))
        return { code: 'field.too_big', params: { limit: field.max } };
      return undefined;
    }
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? undefined : 'field.format';
    case 'choice':
      return typeof value === 'string' && (field.options ?? []).includes(value) ? undefined : 'field.choice';
    case 'file': {
      const ids = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
      if (!ids || ids.length > 20) return 'field.type';
      return ids.every((id) => typeof id === 'string' && UUID.test(id)) ? undefined : 'field.format';
    }
  }
}

/**
 * Every problem with the answers, by path. `complete: false` (a draft being saved) lets required answers be
 * missing; `complete: true` (submission) does not. Keys the form does not have are refused either way.
 */
export function validateAnswers(
  fields: readonly FormField[],
  answers: Record<string, unknown>,
  options: { complete: boolean },
): FieldErrors {
  const errors: FieldErrors = {};
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(answers)) {
    if (!byKey.has(key)) errors[`answers.${key}`] = 'field.unknown';
  }
  for (const field of fields) {
    const value = answers[field.key];
    if (isEmpty(value)) {
      if (options.complete && field.required) errors[`answers.${field.key}`] = 'field.required';
      continue;
    }
    const problem = checkValue(field, value);
    if (problem) errors[`answers.${field.key}`] = problem;
  }
  return errors;
}
