// Data for tests, made through the API as a person would, plus a few direct helpers.
import { randomInt } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { PlatformRole } from '../src/server/db/schema/auth.ts';
import { createAuthService } from '../src/server/modules/auth/auth.service.ts';
import { innWithCheckDigits, ogrnWithCheckDigit } from '../src/shared/requisites.ts';
import type { TestApp } from './test-app.ts';

/** A signed-in client: keeps the session cookie and sends the CSRF token, like the web app. */
export interface Client {
  userId: string;
  email: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

let sequence = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}.${process.pid}.${Date.now()}.${++sequence}@example.ru`;

function clientFor(t: TestApp, cookie: string, csrf: string, userId: string, email: string): Client {
  const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie, 'x-csrf-token': csrf, ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    userId,
    email,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body),
    patch: (url, body) => request('PATCH', url, body),
  };
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'klaster_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `klaster_session=${cookie.value}`;
}

export async function signUp(t: TestApp, email = uniqueEmail(), password = 'correct-horse-42'): Promise<Client> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email, password, fullName: 'Тестовый Пользователь' },
  });
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  const body = response.json();
  return clientFor(t, sessionCookie(response), body.csrfToken, body.user.id, email);
}

/** A user with a platform role (operator, admin, expert) made directly, then signed in through the API. */
export async function signUpAs(t: TestApp, role: PlatformRole): Promise<Client> {
  const email = uniqueEmail(role);
  const password = 'operator-pass-42';
  const auth = createAuthService({ db: t.database.db, clock: { now: () => new Date() } });
  await auth.ensureUser({ email, password, fullName: `Тест ${role}`, role });
  return signIn(t, email, password);
}

export async function signIn(t: TestApp, email: string, password: string): Promise<Client> {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const body = response.json();
  return clientFor(t, sessionCookie(response), body.csrfToken, body.user.id, email);
}

let innCounter = randomInt(1, 900_000);
/** Valid, distinct requisites of a Moscow legal entity. */
export function legalEntityRequisites() {
  const n = String(++innCounter).padStart(6, '0');
  return {
    inn: innWithCheckDigits(`771${n}`),
    ogrn: ogrnWithCheckDigit(`126774${n}`),
    kpp: '771001001',
  };
}

export function soleProprietorRequisites() {
  const n = String(++innCounter).padStart(8, '0');
  return { inn: innWithCheckDigits(`77${n}`), ogrn: ogrnWithCheckDigit(`3267746${n.slice(1)}`) };
}

export function organizationBody(overrides: Record<string, unknown> = {}) {
  return {
    ...legalEntityRequisites(),
    fullName: 'Общество с ограниченной ответственностью «Тестовые Технологии»',
    shortName: 'ООО «Тестовые Технологии»',
    legalForm: 'ООО',
    regionCode: '77',
    district: 'ЦАО',
    okvedMain: '62.01',
    smeCategory: 'small',
    description: 'Разрабатываем беспилотные летательные аппараты для мониторинга',
    technologies: ['drones', 'ai'],
    ...overrides,
  };
}

export async function createOrganization(client: Client, overrides: Record<string, unknown> = {}) {
  const response = await client.post('/api/organizations', organizationBody(overrides));
  if (response.statusCode !== 201) throw new Error(`organization failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; inn: string; ogrn: string; version: number };
}
