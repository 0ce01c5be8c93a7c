import type { MessageCode } from './messages.ts';

const STATUS_BY_KIND = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many: 429,
} as const;

export type ErrorKind = keyof typeof STATUS_BY_KIND;

/**
 * A failure the user can understand: a stable code, an HTTP kind, parameters for the message,
 * and for field errors the path of each field with the message code.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: MessageCode,
    readonly kind: ErrorKind,
    readonly params: Record<string, unknown> = {},
    readonly fields?: Record<string, MessageCode | { code: MessageCode; params?: Record<string, unknown> }>,
  ) {
    super(code);
    this.status = STATUS_BY_KIND[kind];
  }
}

export const notFound = (code: MessageCode = 'route.not_found') => new AppError(code, 'not_found');
export const forbidden = () => new AppError('auth.forbidden', 'forbidden');
export const unauthenticated = () => new AppError('auth.required', 'unauthenticated');
export const conflict = (code: MessageCode, params?: Record<string, unknown>) => new AppError(code, 'conflict', params);
export const invalidFields = (fields: NonNullable<AppError['fields']>) =>
  new AppError('request.invalid', 'invalid', {}, fields);
