import { Type } from 'typebox';
import { Email, SingleLine, Strict, Uuid } from '../../http/schema-helpers.ts';

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 8, maxLength: 200 }),
    fullName: SingleLine(200, 2),
    locale: Type.Optional(Type.Union([Type.Literal('ru'), Type.Literal('en')])),
  },
  Strict,
);

export const LoginBody = Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) }, Strict);

export const Me = Type.Object({
  id: Uuid,
  email: Type.String(),
  fullName: Type.String(),
  role: Type.Union([Type.Literal('user'), Type.Literal('expert'), Type.Literal('operator'), Type.Literal('admin')]),
  organizations: Type.Array(
    Type.Object({
      id: Uuid,
      orgRole: Type.Union([Type.Literal('owner'), Type.Literal('manager'), Type.Literal('member')]),
    }),
  ),
});

export const SessionAnswer = Type.Object({ user: Me, csrfToken: Type.String() });
export const MeAnswer = Type.Object({ ...Me.properties, csrfToken: Type.String() });
