import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../../shared/bff.js';
import { makeTestApp, ORIGIN, signedInPerson, type TestApp } from '../../support/test-app.js';
import { expectApiError } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.close());

const PASSWORD = 'correct horse battery';
const post = (path: string, body: object) => request(t.app).post(path).set('Origin', ORIGIN).send(body);

describe('accounts and sessions (BFF)', () => {
  it('signs a new person up and in with an HttpOnly, SameSite=Lax session cookie', async () => {
    t = await makeTestApp();

    const res = await post('/bff/accounts', { email: 'Ada@Example.test', password: PASSWORD });

    expect(res.status).toBe(201);
    expect(sessionResponseSchema.parse(res.body).user?.email).toBe('ada@example.test');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/flw_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a second account for the same email with 409 email_taken', async () => {
    t = await makeTestApp();
    await post('/bff/accounts', { email: 'ada@example.test', password: PASSWORD });

    const res = await post('/bff/accounts', { email: 'ADA@example.test', password: PASSWORD });

    expectApiError(res, 409, 'email_taken');
  });

  it('refuses a password shorter than 10 characters with weak_password', async () => {
    t = await makeTestApp();

    const res = await post('/bff/accounts', { email: 'ada@example.test', password: 'short' });

    expectApiError(res, 400, 'weak_password', /at least 10/);
  });

  it('answers a wrong password and an unknown email alike: 401 invalid_credentials', async () => {
    t = await makeTestApp();
    await post('/bff/accounts', { email: 'ada@example.test', password: PASSWORD });

    const wrong = await post('/bff/session', { email: 'ada@example.test', password: 'not the password' });
    const unknown = await post('/bff/session', { email: 'bob@example.test', password: PASSWORD });

    expectApiError(wrong, 401, 'invalid_credentials');
    expect(unknown.body).toEqual(wrong.body);
  });

  it('stores passwords hashed with scrypt, never in clear', async () => {
    t = await makeTestApp();

    await post('/bff/accounts', { email: 'ada@example.test', password: PASSWORD });

    const [user] = t.ctx.db.data.users;
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    expect(user?.passwordHash).not.toContain(PASSWORD);
  });

  it('signs out on the server: the old cookie no longer opens the session', async () => {
    t = await makeTestApp();
    const signUp = await post('/bff/accounts', { email: 'ada@example.test', password: PASSWORD });
    const cookie = String(signUp.headers['set-cookie']).split(';')[0] ?? '';
    const before = await request(t.app).get('/bff/session').set('Cookie', cookie);

    const out = await request(t.app).delete('/bff/session').set('Origin', ORIGIN).set('Cookie', cookie);
    const after = await request(t.app).get('/bff/session').set('Cookie', cookie);

    expect(before.body.user).not.toBeNull();
    expect(out.status).toBe(204);
    expect(after.body).toEqual({ user: null });
  });

  it('refuses sign-out from another origin with 403 csrf_rejected', async () => {
    t = await makeTestApp();
    const { agent } = await signedInPerson(t.app);

    const res = await agent.delete('/bff/session').set('Origin', 'https://evil.example');
    const still = await agent.get('/bff/session');

    expectApiError(res, 403, 'csrf_rejected');
    expect(still.body.user).not.toBeNull();
  });
});
