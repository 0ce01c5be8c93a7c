// One place maps every failure to { error: { code, message, fields?, requestId } } in the user's language.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';
import { type Lang, type MessageCode, translate } from './messages.ts';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

function fieldPath(issue: AjvIssue): string {
  const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const child = (issue.params.missingProperty ?? issue.params.additionalProperty) as string | undefined;
  return [base, child].filter(Boolean).join('.') || '(body)';
}

function issueMessage(issue: AjvIssue, lang: Lang): string {
  const limit = issue.params.limit;
  const byKeyword: Record<string, MessageCode> = {
    required: 'field.required',
    type: 'field.type',
    minLength: 'field.too_short',
    maxLength: 'field.too_long',
    minItems: 'field.too_few',
    maxItems: 'field.too_many',
    minimum: 'field.too_small',
    maximum: 'field.too_big',
    exclusiveMinimum: 'field.too_small',
    enum: 'field.choice',
    const: 'field.choice',
    anyOf: 'field.choice',
    additionalProperties: 'field.unknown',
    format: issue.params.format === 'email' ? 'field.email' : 'field.format',
    pattern: String(issue.params.pattern ?? '').includes('u0000') ? 'field.control_chars' : 'field.format',
  };
  return translate(byKeyword[issue.keyword] ?? 'field.format', lang, { limit });
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  params: Record<string, unknown> = {},
  fields?: Record<string, string>,
) {
  const lang = request.lang ?? 'ru';
  return reply.status(status).send({
    error: {
      code,
      message: translate(code, lang, params),
      ...(fields ? { fields } : {}),
      // the message's parameters, for clients that act on them (e.g. the id of the organization holding an INN)
      ...(Object.keys(params).length ? { details: params } : {}),
      requestId: request.id,
    },
  });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const lang = request.lang ?? 'ru';
      const fields = error.fields
        ? Object.fromEntries(
            Object.entries(error.fields).map(([path, f]) => [
              path,
              typeof f === 'string' ? translate(f, lang) : translate(f.code, lang, f.params),
            ]),
          )
        : undefined;
      return send(reply, request, error.status, error.code, error.params, fields);
    }
    const fe = error as FastifyError & { validation?: AjvIssue[] };
    if (fe.validation) {
      const fields: Record<string, string> = {};
      for (const issue of fe.validation) {
        const path = fieldPath(issue);
        fields[path] ??= issueMessage(issue, request.lang ?? 'ru');
      }
      return send(reply, request, 400, 'request.invalid', {}, fields);
    }
    if (
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error instanceof SyntaxError
    ) {
      return send(reply, request, 400, 'request.malformed_json');
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413)
      return send(reply, request, 413, 'request.too_large');
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
      return send(reply, request, 415, 'request.unsupported_media_type');
    }
    if (fe.statusCode === 429) return send(reply, request, 429, 'request.too_many');
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return send(reply, request, fe.statusCode, 'request.invalid');
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, 'internal');
  });

  app.setNotFoundHandler((request, reply) => send(reply, request, 404, 'route.not_found'));
}
