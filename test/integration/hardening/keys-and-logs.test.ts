import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { approvedCode, issuedKey, makeTestApp, ORIGIN, pkcePair, signedInPerson, startConsent, type TestApp } from '../../support/test-app.js';
import { bearer, bootstrap, expectApiError } from '../helpers.js';

/** RFC 6750 bearer keys: exact, revocable at once, never in URLs or logs. */
let t: TestApp;
afterEach(() => t?.close());

const current = (key: string, path = '/v1/api-keys/current') => request(t.app).get(path).set(bearer(key));

describe('keys', () => {
  it.each(['bearer', 'BEARER', 'BeArEr'])('accepts the scheme spelled %s', async (scheme) => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    const res = await request(t.app).get('/v1/api-keys/current').set('Authorization', `${scheme} ${apiKey}`);

    expect(res.status).toBe(200);
  });

  it.each([
    ['the prefix in upper case', (k: string) => k.replace('flw_test_', 'FLW_TEST_')],
    ['one letter changed in case', (k: string) => k.replace(/([A-Za-z])([0-9]*)$/, (_m, c: string, digits: string) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + digits)],
    ['a character cut off', (k: string) => k.slice(0, -1)],
    ['a character added', (k: string) => `${k}A`],
  ])('refuses the key with %s (401)', async (_label, change) => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);
    const altered = change(apiKey);
    expect(altered).not.toBe(apiKey);

    const res = await current(altered);

    expectApiError(res, 401, 'invalid_token');
  });

  it.each(['access_token', 'ACCESS_TOKEN', 'Access_Token', 'api_key', 'apikey', 'token', 'bearer'])(
    'refuses a key in the query string as ?%s=…, even alongside a valid header',
    async (name) => {
      t = await makeTestApp();
      const { apiKey } = await bootstrap(t.app);

      const res = await current(apiKey, `/v1/documents?${name}=${apiKey}`);

      expectApiError(res, 400, 'invalid_request', /not accepted in the URL/);
    },
  );

  it('refuses a key pasted into any query parameter (?q=flw_test_…)', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    const res = await current(apiKey, `/v1/documents/search?q=${apiKey}`);

    expectApiError(res, 400, 'invalid_request', /not accepted in the URL/);
  });

  it('refuses a key revoked on the Keys page on the very next API request', async () => {
    t = await makeTestApp();
    const { person, token } = await issuedKey(t.app);
    const before = await current(token.access_token);

    const revoke = await person.agent.delete(`/bff/keys/${token.key_id}`).set('Origin', ORIGIN);
    const next = await current(token.access_token);

    expect(before.status).toBe(200);
    expect(revoke.status).toBe(204);
    expectApiError(next, 401, 'invalid_token', /revoked/);
  });

  it('expires exactly at expiresAt: works 1 ms before, refused at expiresAt, no grace', async () => {
    t = await makeTestApp({ KEY_TTL_SECONDS: '3600' });
    const { apiKey, expiresAt } = await bootstrap(t.app);

    t.clock.ms = Date.parse(expiresAt) - 1;
    const justBefore = await current(apiKey);
    t.clock.ms = Date.parse(expiresAt);
    const atExpiry = await current(apiKey);

    expect(justBefore.status).toBe(200);
    expectApiError(atExpiry, 401, 'invalid_token', /expired/);
  });

  it("gives identical 404 bodies on /v1 for another organization's key and a key that does not exist", async () => {
    t = await makeTestApp();
    const mine = await bootstrap(t.app);
    const { token } = await issuedKey(t.app);

    const other = await request(t.app).delete(`/v1/api-keys/${token.key_id}`).set(bearer(mine.apiKey));
    const missing = await request(t.app).delete('/v1/api-keys/key_00000000000000000000').set(bearer(mine.apiKey));

    expectApiError(other, 404, 'not_found');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(other.body);
  });

  it("gives identical 404 bodies on /bff/keys for someone else's key and a key that does not exist, and leaves theirs working", async () => {
    t = await makeTestApp();
    const { token } = await issuedKey(t.app);
    const stranger = await signedInPerson(t.app);

    const other = await stranger.agent.delete(`/bff/keys/${token.key_id}`).set('Origin', ORIGIN);
    const missing = await stranger.agent.delete('/bff/keys/key_00000000000000000000').set('Origin', ORIGIN);
    const stillWorks = await current(token.access_token);

    expectApiError(other, 404, 'not_found');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(other.body);
    expect(stillWorks.status).toBe(200);
  });
});

describe('logs', () => {
  it('a whole flow logs no key, code, verifier, password, cookie or session id, and logs key prefixes', async () => {
    t = await makeTestApp();
    const password = 'correct horse battery';
    const sandbox = await bootstrap(t.app);
    const consent = await startConsent(t.app, { redirect_uri: 'https://agent.example/cb', state: 'state-value-123' });
    const signUp = await request(t.app).post('/bff/accounts').set('Origin', ORIGIN).send({ email: 'ada@example.test', password });
    await request(t.app).post('/bff/session').set('Origin', ORIGIN).send({ email: 'ada@example.test', password: 'a wrong password!' });
    const signIn = await request(t.app).post('/bff/session').set('Origin', ORIGIN).send({ email: 'ada@example.test', password });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const approve = await request(t.app).post(`/bff/consent/${consent.requestId}/approve`).set('Origin', ORIGIN).set('Cookie', cookie).send({ scopes: ['send'] });
    const code = new URL(approve.body.redirect_to).searchParams.get('code')!;
    const token = await request(t.app).post('/v1/oauth/token').type('form').send(
      `grant_type=authorization_code&code=${code}&code_verifier=${consent.verifier}&redirect_uri=${encodeURIComponent('https://agent.example/cb')}`,
    );
    const key = token.body.access_token as string;
    await current(key);
    await request(t.app).get(`/v1/documents?access_token=${key}`);
    await request(t.app).post('/v1/oauth/token').send({ grant_type: 'authorization_code', code, code_verifier: consent.verifier, redirect_uri: 'https://agent.example/cb' });
    await request(t.app).delete(`/bff/keys/${token.body.key_id}`).set('Origin', ORIGIN).set('Cookie', cookie);
    await request(t.app).delete('/bff/session').set('Origin', ORIGIN).set('Cookie', cookie);

    const log = t.logs.join('');
    const secrets = {
      'sandbox key': sandbox.apiKey,
      key,
      code,
      verifier: consent.verifier,
      password,
      'wrong password': 'a wrong password!',
      'sign-up cookie': String(signUp.headers['set-cookie']).split(';')[0]!.split('=')[1]!,
      'sign-in cookie': cookie.split('=')[1]!,
      'password hash': t.ctx.db.data.users[0]!.passwordHash.split('$').at(-1)!,
    };
    expect(token.status).toBe(200);
    for (const [name, secret] of Object.entries(secrets)) expect(log.includes(secret), `${name} appears in the log`).toBe(false);
    expect(log).toContain(token.body.key_prefix);
    expect(log).toContain(sandbox.keyPrefix);
  });

  it('a key or a code put in a URL path, or a key given as a label or agent name, is not logged either', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '100' });
    const { apiKey } = await bootstrap(t.app);
    const { code } = await approvedCode(t.app);
    const paths = [
      `/v1/documents/${apiKey}`,
      `/v1/documents%3Faccess_token=${apiKey}`,
      `/v1/documents;access_token=${apiKey}`,
      `/v1/documents/${apiKey.replace('_', '%5F')}`,
      `/v1/oauth/token/${code}`,
      `/bff/${code}`,
    ];
    for (const path of paths) await request(t.app).get(path).set(bearer(apiKey));
    await request(t.app).post('/v1/sandbox/bootstrap').send({ label: `mine ${apiKey}` });
    await request(t.app)
      .post('/v1/oauth/authorize')
      .send({ client_name: `Agent ${apiKey.slice(0, 40)}`, scopes: ['send'], code_challenge: pkcePair().challenge, code_challenge_method: 'S256' });

    const log = t.logs.join('');
    expect(log.includes(apiKey.slice(9)), 'the key appears in the log').toBe(false);
    expect(log.includes(apiKey.slice(9, 40)), 'most of the key appears in the log').toBe(false);
    expect(log.includes(code), 'the code appears in the log').toBe(false);
    expect(log).toContain('/v1/documents/[49 chars]');
  });
});
