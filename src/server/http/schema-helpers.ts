// Building blocks for TypeBox route schemas, so every route refuses the same bad input the same way.
import { Type } from 'typebox';

// no C0 controls except tab/newline/carriage return, no DEL
const NO_CONTROL_MULTILINE = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';
const NO_CONTROL_SINGLE_LINE = '^[^\\u0000-\\u001F\\u007F]*$';

export const SingleLine = (maxLength: number, minLength = 0) =>
  Type.String({ minLength, maxLength, pattern: NO_CONTROL_SINGLE_LINE });

export const MultiLine = (maxLength: number) => Type.String({ maxLength, pattern: NO_CONTROL_MULTILINE });

export const Email = Type.String({ format: 'email', maxLength: 254 });

export const Uuid = Type.String({ format: 'uuid' });

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const DateString = Type.String({ format: 'date' });
export const DateTime = Type.String({ format: 'date-time' });

/** Money crosses the API as integer kopecks in a string, never a float. */
export const Kopecks = Type.String({ pattern: '^(0|[1-9][0-9]{0,17})$' });

export const Strict = { additionalProperties: false } as const;

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
};

export const Page = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });

export const Ok = Type.Object({ ok: Type.Boolean() });

/** Every 4xx/5xx answer: a stable code, a message in the user's language, the bad fields by path. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'stable machine-readable code, e.g. organization.inn_taken' }),
      message: Type.String({ description: "human message in the user's language" }),
      fields: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'field path → message' })),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      requestId: Type.String(),
    }),
  },
  { $id: 'ErrorResponse', title: 'ErrorResponse' },
);
