import { ApiError } from './api-client.ts';

/**
 * Maps the API's `error.fields` (paths like `inn` or `technologies.2`) onto the form's top-level fields.
 * Returns the field errors and the ones no field of the form shows, for the summary Alert.
 */
export function splitFieldErrors(
  error: unknown,
  formFields: readonly string[],
): { fieldErrors: Record<string, string>; unmatched: string[] } {
  const fieldErrors: Record<string, string> = {};
  const unmatched: string[] = [];
  if (!(error instanceof ApiError)) return { fieldErrors, unmatched };
  for (const [path, message] of Object.entries(error.fields)) {
    const field = path.split('.')[0];
    if (formFields.includes(field)) fieldErrors[field] ??= message;
    else unmatched.push(message);
  }
  return { fieldErrors, unmatched };
}
