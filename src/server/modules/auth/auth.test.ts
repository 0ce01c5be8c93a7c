import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { sessionCookie, signUp, uniqueEmail } from '../../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { users } from '../../db/schema/auth.ts';

describe('accounts and sessions', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const register = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/register', payload });
  const login = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload });

  test('register stores an argon2id hash, signs in with an httpOnly SameSite cookie and a CSRF token', async () => {
    const email = uniqueEmail();
    const response = await register({
      email: email.toUpperCase(),
      password: 'correct-horse-42',
      fullName: 'Анна Иванова',
    });
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json();
    assert.equal(body.user.email, email, 'e-mail is stored lower-case');
    assert.equal(body.user.role, 'user');
    assert.ok(body.csrfToken.length >= 20);
    const cookie = response.cookies.find((c) => c.name === 'klaster_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    const [row] = await t.database.db.select().from(users).where(eq(users.email, email));
    assert.match(row.passwordHash, /^\$argon2id\$/);
    assert.ok(!JSON.stringify(body).includes(row.passwordHash));
  });

  test('a second registration with the same e-mail answers 409 and creates nothing', async () => {
    const email = uniqueEmail();
    assert.equal((await register({ email, password: 'correct-horse-42', fullName: 'Первый' })).statusCode, 201);
    const again = await register({ email, password: 'other-password-1', fullName: 'Второй' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'auth.email_taken');
    const rows = await t.database.db.select().from(users).where(eq(users.email, email));
    assert.equal(rows.length, 1);
  });

  test('short passwords and bad e-mails are refused with the field named', async () => {
    const response = await register({ email: 'not-an-email', password: 'short', fullName: 'Х' });
    assert.equal(response.statusCode, 400);
    const fields = response.json().error.fields;
    assert.ok(fields.email && fields.password && fields.fullName, JSON.stringify(fields));
  });

  test('login, me, logout: the session ends and the cookie stops working', async () => {
    const email = uniqueEmail();
    await register({ email, password: 'correct-horse-42', fullName: 'Борис' });
    const signedIn = await login({ email, password: 'correct-horse-42' });
    assert.equal(signedIn.statusCode, 200);
    const cookie = sessionCookie(signedIn);
    const csrf = signedIn.json().csrfToken;
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().email, email);
    assert.equal(me.json().csrfToken, csrf);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    assert.equal(out.statusCode, 200);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    assert.equal(after.statusCode, 401);
  });

  test('a state-changing request with the session cookie but without the CSRF token is refused', async () => {
    const client = await signUp(t);
    const withoutToken = await client.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': '' });
    assert.equal(withoutToken.statusCode, 403);
    assert.equal(withoutToken.json().error.code, 'auth.csrf');
    assert.equal((await client.get('/api/auth/me')).statusCode, 200, 'the session is still alive');
  });

  test('wrong password is 401 without saying whether the e-mail exists; 5 failures throttle even the right one', async () => {
    const email = uniqueEmail();
    await register({ email, password: 'correct-horse-42', fullName: 'Вера' });
    const unknown = await login({ email: uniqueEmail(), password: 'whatever-1' });
    const wrong = await login({ email, password: 'wrong-password' });
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.json().error.message, wrong.json().error.message);
    for (let i = 0; i < 4; i++) await login({ email, password: 'wrong-password' });
    const throttled = await login({ email, password: 'correct-horse-42' });
    assert.equal(throttled.statusCode, 429);
    assert.equal(throttled.json().error.code, 'auth.throttled');
  });

  test('messages follow the language: Accept-Language en or the klaster_lang cookie', async () => {
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: uniqueEmail(), password: 'x' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    assert.equal(en.json().error.message, 'Wrong e-mail or password');
    const ru = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: uniqueEmail(), password: 'x' },
      headers: { cookie: 'klaster_lang=ru', 'accept-language': 'en' },
    });
    assert.equal(ru.json().error.message, 'Неверный e-mail или пароль');
  });
});
