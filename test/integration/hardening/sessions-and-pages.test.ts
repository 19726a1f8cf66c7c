import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import express from 'express';
import { createApp, helmetPolicy } from '../../../bff/app.js';
import { loadConfig } from '../../../bff/config.js';
import { createLogger } from '../../../bff/logger.js';
import { openDb } from '../../../bff/store/db.js';
import { issuedKey, makeTestApp, ORIGIN, signedInPerson, startConsent, type TestApp } from '../../support/test-app.js';
import { bearer, expectApiError } from '../helpers.js';

/** CSRF, sessions, throttling and page headers: nobody gets in sideways. */
let t: TestApp;
afterEach(() => t?.close());

const PASSWORD = 'correct horse battery';
type Forgery = [label: string, headers: Record<string, string>];
const FORGERIES: Forgery[] = [
  ['Origin: https://evil.example', { Origin: 'https://evil.example' }],
  ['Origin: null', { Origin: 'null' }],
  ['no Origin and Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
  ['an Origin that only starts with ours', { Origin: `${ORIGIN}.evil.example` }],
  ['our origin over https instead of http', { Origin: ORIGIN.replace('http:', 'https:') }],
];
const cookieOf = (res: request.Response) => String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';

describe('CSRF: forged cross-site calls with the person’s cookie → 403 csrf_rejected, nothing changed', () => {
  it.each(FORGERIES)('approve with %s', async (_label, headers) => {
    t = await makeTestApp();
    const { requestId } = await startConsent(t.app);
    const { agent } = await signedInPerson(t.app);

    const res = await agent.post(`/bff/consent/${requestId}/approve`).set(headers).send({ scopes: ['send'] });
    const view = await agent.get(`/bff/consent/${requestId}`);

    expectApiError(res, 403, 'csrf_rejected');
    expect(view.body.status).toBe('pending');
    expect(t.ctx.db.data.authorizationCodes).toHaveLength(0);
  });

  it.each(FORGERIES)('deny with %s', async (_label, headers) => {
    t = await makeTestApp();
    const { requestId } = await startConsent(t.app);
    const { agent } = await signedInPerson(t.app);

    const res = await agent.post(`/bff/consent/${requestId}/deny`).set(headers).send({});
    const view = await agent.get(`/bff/consent/${requestId}`);

    expectApiError(res, 403, 'csrf_rejected');
    expect(view.body.status).toBe('pending');
  });

  it.each(FORGERIES)('revoke (DELETE /bff/keys/:id) with %s', async (_label, headers) => {
    t = await makeTestApp();
    const { person, token } = await issuedKey(t.app);

    const res = await person.agent.delete(`/bff/keys/${token.key_id}`).set(headers);
    const use = await request(t.app).get('/v1/api-keys/current').set(bearer(token.access_token));

    expectApiError(res, 403, 'csrf_rejected');
    expect(use.status).toBe(200);
  });

  it.each(FORGERIES)('sign-out (DELETE /bff/session) with %s', async (_label, headers) => {
    t = await makeTestApp();
    const { agent } = await signedInPerson(t.app);

    const res = await agent.delete('/bff/session').set(headers);
    const still = await agent.get('/bff/session');

    expectApiError(res, 403, 'csrf_rejected');
    expect(still.body.user).not.toBeNull();
  });

  it.each(FORGERIES)('sign-up with %s creates no account', async (_label, headers) => {
    t = await makeTestApp();

    const res = await request(t.app).post('/bff/accounts').set(headers).send({ email: 'victim@example.test', password: PASSWORD });

    expectApiError(res, 403, 'csrf_rejected');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(t.ctx.db.data.users).toHaveLength(0);
  });

  it.each(FORGERIES)('sign-in with %s sets no cookie (login CSRF)', async (_label, headers) => {
    t = await makeTestApp();
    await request(t.app).post('/bff/accounts').set('Origin', ORIGIN).send({ email: 'attacker@example.test', password: PASSWORD });

    const res = await request(t.app).post('/bff/session').set(headers).send({ email: 'attacker@example.test', password: PASSWORD });

    expectApiError(res, 403, 'csrf_rejected');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('approve via GET with a query decides nothing', async () => {
    t = await makeTestApp();
    const { requestId } = await startConsent(t.app);
    const { agent } = await signedInPerson(t.app);

    const res = await agent.get(`/bff/consent/${requestId}/approve?scopes=send`).set('Origin', ORIGIN);
    const view = await agent.get(`/bff/consent/${requestId}`);

    expect(res.status).toBe(405);
    expect(view.body.status).toBe('pending');
    expect(t.ctx.db.data.authorizationCodes).toHaveLength(0);
  });
});

describe('sessions', () => {
  it('rotates the session cookie on sign-in: a new value, and the old one no longer works', async () => {
    t = await makeTestApp();
    const signUp = await request(t.app).post('/bff/accounts').set('Origin', ORIGIN).send({ email: 'ada@example.test', password: PASSWORD });
    const before = cookieOf(signUp);

    const signIn = await request(t.app).post('/bff/session').set('Origin', ORIGIN).set('Cookie', before).send({ email: 'ada@example.test', password: PASSWORD });
    const after = cookieOf(signIn);
    const withOld = await request(t.app).get('/bff/session').set('Cookie', before);
    const withNew = await request(t.app).get('/bff/session').set('Cookie', after);

    expect(after).toMatch(/^flw_session=.+/);
    expect(after).not.toBe(before);
    expect(withOld.body).toEqual({ user: null });
    expect(withNew.body.user?.email).toBe('ada@example.test');
  });

  it('ignores a session id an attacker planted: sign-in issues its own (session fixation)', async () => {
    t = await makeTestApp();
    await request(t.app).post('/bff/accounts').set('Origin', ORIGIN).send({ email: 'ada@example.test', password: PASSWORD });
    const planted = 'flw_session=attacker-chosen-value';

    const signIn = await request(t.app).post('/bff/session').set('Origin', ORIGIN).set('Cookie', planted).send({ email: 'ada@example.test', password: PASSWORD });
    const withPlanted = await request(t.app).get('/bff/session').set('Cookie', planted);

    expect(cookieOf(signIn)).not.toBe(planted);
    expect(withPlanted.body).toEqual({ user: null });
  });

  it('ends the session on the server at sign-out: replaying the old cookie on every page call is signed out', async () => {
    t = await makeTestApp();
    const { requestId } = await startConsent(t.app);
    const signUp = await request(t.app).post('/bff/accounts').set('Origin', ORIGIN).send({ email: 'ada@example.test', password: PASSWORD });
    const cookie = cookieOf(signUp);

    await request(t.app).delete('/bff/session').set('Origin', ORIGIN).set('Cookie', cookie);
    const calls = await Promise.all([
      request(t.app).get('/bff/keys').set('Cookie', cookie),
      request(t.app).get('/bff/activity').set('Cookie', cookie),
      request(t.app).get(`/bff/consent/${requestId}`).set('Cookie', cookie),
      request(t.app).post(`/bff/consent/${requestId}/approve`).set('Origin', ORIGIN).set('Cookie', cookie).send({ scopes: ['send'] }),
    ]);

    for (const res of calls) expectApiError(res, 401, 'login_required');
    expect(t.ctx.db.data.sessions).toHaveLength(0);
  });

  it('ends a session exactly 12 hours after sign-in: works 1 ms before, signed out at the expiry', async () => {
    t = await makeTestApp();
    const signUp = await request(t.app).post('/bff/accounts').set('Origin', ORIGIN).send({ email: 'ada@example.test', password: PASSWORD });
    const cookie = cookieOf(signUp);
    const expiry = t.clock.ms + 12 * 3600 * 1000;

    t.clock.ms = expiry - 1;
    const before = await request(t.app).get('/bff/keys').set('Cookie', cookie);
    t.clock.ms = expiry;
    const at = await request(t.app).get('/bff/keys').set('Cookie', cookie);

    expect(before.status).toBe(200);
    expectApiError(at, 401, 'login_required');
  });

  it('sets the cookie HttpOnly, SameSite=Lax, Path=/ and not Secure on an http PUBLIC_URL', async () => {
    t = await makeTestApp();

    const res = await request(t.app).post('/bff/accounts').set('Origin', ORIGIN).send({ email: 'ada@example.test', password: PASSWORD });

    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('adds Secure to the cookie when PUBLIC_URL is https', async () => {
    t = await makeTestApp({ PUBLIC_URL: 'https://exchange.example' });

    const res = await request(t.app).post('/bff/accounts').set('Origin', 'https://exchange.example').send({ email: 'ada@example.test', password: PASSWORD });

    expect(res.status).toBe(201);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('never sends a password hash in any BFF response', async () => {
    t = await makeTestApp();
    const { person, token, requestId } = await issuedKey(t.app);
    await request(t.app).post('/bff/session').set('Origin', ORIGIN).send({ email: person.email, password: 'wrong password!' });
    const signIn = await request(t.app).post('/bff/session').set('Origin', ORIGIN).send({ email: person.email, password: PASSWORD });

    const bodies = [
      signIn.text,
      ...(await Promise.all(
        ['/bff/session', '/bff/keys', '/bff/activity', `/bff/consent/${requestId}`].map(async (p) => (await person.agent.get(p)).text),
      )),
      (await person.agent.delete(`/bff/keys/${token.key_id}`).set('Origin', ORIGIN)).text,
    ];

    const hash = t.ctx.db.data.users[0]?.passwordHash ?? '';
    expect(hash).toMatch(/^scrypt\$/);
    for (const body of bodies) {
      expect(body).not.toContain('scrypt$');
      expect(body).not.toContain(hash.split('$').at(-1));
      expect(body).not.toMatch(/passwordHash/);
    }
  });
});

describe('sign-in throttling', () => {
  it('locks an account after 5 wrong passwords: 429 with Retry-After, even with the right password from a new IP', async () => {
    t = await makeTestApp({ TRUST_PROXY: 'loopback' });
    await request(t.app).post('/bff/accounts').set('Origin', ORIGIN).send({ email: 'ada@example.test', password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      const wrong = await request(t.app).post('/bff/session').set('Origin', ORIGIN).set('X-Forwarded-For', `203.0.113.${i}`).send({ email: 'ada@example.test', password: `wrong password ${i}` });
      expectApiError(wrong, 401, 'invalid_credentials');
    }

    const sixth = await request(t.app).post('/bff/session').set('Origin', ORIGIN).set('X-Forwarded-For', '198.51.100.99').send({ email: 'ADA@example.test', password: PASSWORD });

    expectApiError(sixth, 429, 'too_many_requests', /wrong passwords for this account/);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(sixth.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(sixth.headers['set-cookie']).toBeUndefined();
  });

  it('counts guesses made in parallel: of 20 simultaneous wrong passwords from 20 IPs, at most 5 are checked', async () => {
    t = await makeTestApp({ TRUST_PROXY: 'loopback' });
    await request(t.app).post('/bff/accounts').set('Origin', ORIGIN).send({ email: 'ada@example.test', password: PASSWORD });

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(t.app).post('/bff/session').set('Origin', ORIGIN).set('X-Forwarded-For', `203.0.113.${i}`).send({ email: 'ada@example.test', password: `wrong password ${i}` }),
      ),
    );

    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    for (const r of results.filter((r) => r.status !== 401)) expectApiError(r, 429, 'too_many_requests');
  }, 30_000);

  it('still lets the right password in when it arrives alongside a few wrong ones', async () => {
    t = await makeTestApp({ TRUST_PROXY: 'loopback' });
    await request(t.app).post('/bff/accounts').set('Origin', ORIGIN).send({ email: 'ada@example.test', password: PASSWORD });
    const attempt = (password: string, ip: string) =>
      request(t.app).post('/bff/session').set('Origin', ORIGIN).set('X-Forwarded-For', ip).send({ email: 'ada@example.test', password });

    const [right, ...wrong] = await Promise.all([attempt(PASSWORD, '198.51.100.1'), attempt('wrong password 1', '203.0.113.1'), attempt('wrong password 2', '203.0.113.2')]);

    expect(right.status).toBe(200);
    for (const r of wrong) expect(r.status).toBe(401);
  });

  it('lets the account in again once the 15-minute window has passed', async () => {
    t = await makeTestApp();
    await request(t.app).post('/bff/accounts').set('Origin', ORIGIN).send({ email: 'ada@example.test', password: PASSWORD });
    for (let i = 0; i < 5; i++) await request(t.app).post('/bff/session').set('Origin', ORIGIN).send({ email: 'ada@example.test', password: `wrong password ${i}` });
    t.clock.advance(15 * 60 + 1);

    const res = await request(t.app).post('/bff/session').set('Origin', ORIGIN).send({ email: 'ada@example.test', password: PASSWORD });

    expect(res.status).toBe(200);
  });

  it('limits sign-in attempts per IP across accounts: the 31st in 15 minutes → 429 with Retry-After', async () => {
    t = await makeTestApp();
    for (let i = 0; i < 30; i++) {
      await request(t.app).post('/bff/session').set('Origin', ORIGIN).send({ email: `nobody${i}@example.test`, password: 'wrong password' });
    }

    const res = await request(t.app).post('/bff/session').set('Origin', ORIGIN).send({ email: 'someone-else@example.test', password: 'wrong password' });

    expectApiError(res, 429, 'too_many_requests', /sign-in attempts/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  }, 30_000);
});

describe('security headers on every response', () => {
  const HEADERS = {
    'content-security-policy': /frame-ancestors 'none'/,
    'x-frame-options': /^DENY$/,
    'referrer-policy': /^no-referrer$/,
    'x-content-type-options': /^nosniff$/,
    'cross-origin-opener-policy': /^same-origin$/,
  };
  const expectHelmet = (res: request.Response) => {
    for (const [name, value] of Object.entries(HEADERS)) expect(res.headers[name], `${name} on ${res.status}`).toMatch(value);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
  };

  async function appWithWebBuild() {
    const dir = await mkdtemp(join(tmpdir(), 'flowie-web-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
    const db = await openDb(join(dir, 'exchange.json'));
    const config = loadConfig({ PUBLIC_URL: ORIGIN, DATA_FILE: join(dir, 'exchange.json'), LOG_LEVEL: 'silent' });
    const { app } = createApp({ config, db, logger: createLogger('silent'), webRoot: dir });
    return { app, close: () => db.close() };
  }

  it("are exactly the headers helmet's own middleware sets (they are worked out once, from helmet)", async () => {
    t = await makeTestApp();
    const bare = express();
    bare.use(helmetPolicy(t.ctx.config));
    bare.get('/', (_req, res) => res.json({}));
    const generic = new Set(['content-type', 'content-length', 'etag', 'date', 'connection', 'keep-alive']);

    const fromHelmet = (await request(bare).get('/')).headers;
    const ours = (await request(t.app).get('/healthz')).headers;

    const helmetNames = Object.keys(fromHelmet).filter((n) => !generic.has(n));
    expect(helmetNames.length).toBeGreaterThan(8);
    for (const name of helmetNames) expect(ours[name], name).toBe(fromHelmet[name]);
    expect(ours['x-powered-by']).toBeUndefined();
  });

  it.each([
    ['GET /healthz', (a: TestApp['app']) => request(a).get('/healthz')],
    ['a /v1 JSON success', (a: TestApp['app']) => request(a).get('/v1/oauth/scopes')],
    ['a /v1 404', (a: TestApp['app']) => request(a).get('/v1/nope')],
    ['a /v1 400', (a: TestApp['app']) => request(a).post('/v1/oauth/token').send({})],
    ['a /v1 401', (a: TestApp['app']) => request(a).get('/v1/api-keys/current')],
    ['a /v1 405', (a: TestApp['app']) => request(a).get('/v1/oauth/token')],
    ['a /v1 413', (a: TestApp['app']) => request(a).post('/v1/sandbox/bootstrap').send({ label: 'x'.repeat(17_000) })],
    ['a /v1 415', (a: TestApp['app']) => request(a).post('/v1/oauth/token').set('Content-Type', 'text/plain').send('x')],
    ['a bad percent-encoding 400', (a: TestApp['app']) => request(a).get('/v1/documents/%E0%A4%A')],
    ['a BFF 403', (a: TestApp['app']) => request(a).post('/bff/session').send({})],
    ['a BFF 401', (a: TestApp['app']) => request(a).get('/bff/keys')],
    ['a BFF success', (a: TestApp['app']) => request(a).get('/bff/session')],
    ['a 404 outside the API', (a: TestApp['app']) => request(a).get('/assets/missing.js')],
  ])('%s', async (_label, call) => {
    t = await makeTestApp();

    const res = await call(t.app);

    expectHelmet(res);
  });

  it('sends the consent page HTML with the headers, frame-ancestors none, no-referrer and no inline script allowed', async () => {
    const web = await appWithWebBuild();
    try {
      const res = await request(web.app).get('/consent/some-request-id');

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expectHelmet(res);
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    } finally {
      await web.close();
    }
  });

  it('sends Strict-Transport-Security when PUBLIC_URL is https', async () => {
    t = await makeTestApp({ PUBLIC_URL: 'https://exchange.example' });

    const res = await request(t.app).get('/v1/oauth/scopes');

    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});

