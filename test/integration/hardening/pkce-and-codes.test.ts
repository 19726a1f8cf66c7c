import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { approvedCode, makeTestApp, ORIGIN, pkcePair, signedInPerson, type TestApp } from '../../support/test-app.js';
import { authorize } from '../oauth-authorize/authorize-helpers.js';
import { exchange } from '../oauth-token/token-helpers.js';
import { bearer, expectApiError } from '../helpers.js';

/** PKCE (RFC 7636) and one-time codes (RFC 6749 §4.1.2), probed the way a careless or hostile client would. */
let t: TestApp;
afterEach(() => t?.close());

const consentsStored = () => t.ctx.db.data.consentRequests.length;

/** A digest that, in standard base64, contains + or / (so it is not base64url). */
const digestWithPlusOrSlash = () => {
  for (let i = 0; ; i++) {
    const digest = createHash('sha256').update(`v-${i}`).digest();
    if (/[+/]/.test(digest.toString('base64'))) return digest;
  }
};

describe('PKCE: the method must be exactly S256', () => {
  it.each([
    ['lowercase s256', 's256'],
    ['S-256', 'S-256'],
    ['a trailing space', 'S256 '],
    ['a leading space', ' S256'],
    ['sha256', 'sha256'],
    ['SHA-256', 'SHA-256'],
    ['plain', 'plain'],
    ['PLAIN', 'PLAIN'],
    ['an empty string', ''],
    ['a list', ['S256']],
    ['a number', 256],
  ])('refuses code_challenge_method as %s, saying it must be S256, before any consent_url exists', async (_label, method) => {
    t = await makeTestApp();

    const res = await authorize(t.app, { code_challenge_method: method });

    expectApiError(res, 400, 'invalid_request', /S256/);
    expect(res.body).not.toHaveProperty('consent_url');
    expect(consentsStored()).toBe(0);
  });

  it('never treats a missing method as plain: a challenge equal to the verifier is refused at authorize', async () => {
    t = await makeTestApp();
    const verifier = pkcePair().verifier.slice(0, 43);

    const res = await authorize(t.app, { code_challenge: verifier, code_challenge_method: undefined });

    expectApiError(res, 400, 'invalid_request', /code_challenge_method is required and must be S256/);
    expect(consentsStored()).toBe(0);
  });
});

describe('PKCE: the challenge must have the exact shape of an S256 output', () => {
  it.each([
    ['hex (64 characters)', () => createHash('sha256').update('x').digest('hex')],
    ['standard base64 with padding (44 characters)', () => digestWithPlusOrSlash().toString('base64')],
    ['standard base64 without padding, containing + or /', () => digestWithPlusOrSlash().toString('base64').replace(/=+$/, '')],
    ['base64url with padding', () => `${createHash('sha256').update('x').digest('base64url')}=`],
    ['base64url of a SHA-512 digest', () => createHash('sha512').update('x').digest('base64url')],
    ['43 characters with a space', () => `${'a'.repeat(21)} ${'a'.repeat(21)}`],
    ['43 characters with a non-ASCII letter', () => `${'a'.repeat(42)}é`],
  ])('refuses a challenge in %s at authorize, before any consent_url exists', async (_label, make) => {
    t = await makeTestApp();

    const res = await authorize(t.app, { code_challenge: make() });

    expectApiError(res, 400, 'invalid_request', /code_challenge must be BASE64URL\(SHA256\(code_verifier\)\)/);
    expect(consentsStored()).toBe(0);
  });
});

describe('PKCE: the verifier at the token endpoint', () => {
  it.each([
    ['a number', 1234567890123456789012345678901234567890123, /code_verifier must be a string, not number/],
    ['a list', ['a'.repeat(43)], /code_verifier must be a single string/],
    ['an object', { v: 'a'.repeat(43) }, /code_verifier must be a string, not object/],
    ['null', null, /code_verifier must be a string, not null/],
    ['a 5,000 character string', 'a'.repeat(5000), /code_verifier must be 43-128 characters/],
    ['non-ASCII letters', 'é'.repeat(43), /code_verifier must be 43-128 characters/],
  ])('refuses a code_verifier that is %s with invalid_request saying what is wrong, and the code stays usable', async (_label, verifier, message) => {
    t = await makeTestApp();
    const { code, verifier: good } = await approvedCode(t.app);

    const bad = await exchange(t.app, code, verifier as string);
    const after = await exchange(t.app, code, good);

    expectApiError(bad, 400, 'invalid_request', message);
    expect(after.status).toBe(200);
  });

  it('decodes percent-encoded characters in a form body as RFC 6749 Appendix B says (%7E is ~)', async () => {
    t = await makeTestApp();
    const verifier = `${pkcePair().verifier.slice(0, 40)}~._`;
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const { code } = await approvedCode(t.app, { body: { code_challenge: challenge } });
    const encoded = verifier.replace(/~/g, '%7E').replace(/\./g, '%2E').replace(/_/g, '%5F');

    const res = await request(t.app).post('/v1/oauth/token').type('form').send(`grant_type=authorization_code&code=${encodeURIComponent(code)}&code_verifier=${encoded}`);

    expect(res.status).toBe(200);
  });

  it("refuses a '+' in a form-encoded verifier: it decodes to a space, which is refused and never repaired", async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app);
    const withPlus = `${verifier.slice(0, 20)}+${verifier.slice(21)}`;

    const res = await request(t.app).post('/v1/oauth/token').type('form').send(`grant_type=authorization_code&code=${encodeURIComponent(code)}&code_verifier=${withPlus}`);

    expectApiError(res, 400, 'invalid_request', /code_verifier must be 43-128 characters of A-Z a-z 0-9 - \. _ ~/);
  });

  it('refuses a verifier with a trailing newline rather than trimming it', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app);

    const res = await exchange(t.app, code, `${verifier}\n`);

    expectApiError(res, 400, 'invalid_request', /code_verifier/);
  });
});

describe('codes: single use, bound to their request and redirect_uri', () => {
  it("refuses a code with another request's verifier (a code is bound to its own challenge)", async () => {
    t = await makeTestApp();
    const a = await approvedCode(t.app);
    const b = await approvedCode(t.app);

    const res = await exchange(t.app, a.code, b.verifier);

    expectApiError(res, 400, 'invalid_grant', /code_verifier does not match/);
  });

  it('refuses a redirect_uri that differs only in case, a trailing slash or an added query', async () => {
    t = await makeTestApp();
    const redirect_uri = 'https://agent.example/cb';
    const { code, verifier } = await approvedCode(t.app, { body: { redirect_uri } });

    const results = await Promise.all(
      ['https://agent.example/CB', 'https://agent.example/cb/', 'https://agent.example/cb?x=1'].map((uri) => exchange(t.app, code, verifier, { redirect_uri: uri })),
    );
    const good = await exchange(t.app, code, verifier, { redirect_uri });

    for (const res of results) expectApiError(res, 400, 'invalid_grant', /redirect_uri does not match/);
    expect(good.status).toBe(200);
  });

  it('refuses a redirect_uri at token when none was sent to authorize', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app);

    const res = await exchange(t.app, code, verifier, { redirect_uri: 'https://agent.example/cb' });

    expectApiError(res, 400, 'invalid_grant', /redirect_uri was not sent to authorize/);
  });

  it('a replayed code revokes its key even when the replay carries a wrong verifier', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app);
    const first = await exchange(t.app, code, verifier);

    const replay = await exchange(t.app, code, pkcePair().verifier);
    const use = await request(t.app).get('/v1/api-keys/current').set(bearer(first.body.access_token));

    expectApiError(replay, 400, 'invalid_grant', /already used/);
    expectApiError(use, 401, 'invalid_token', /revoked/);
  });

  it('twenty simultaneous form-encoded redemptions of one code give exactly one key, and the rest are refused', async () => {
    t = await makeTestApp();
    const { code, verifier, requestId } = await approvedCode(t.app);
    const form = `grant_type=authorization_code&code=${encodeURIComponent(code)}&code_verifier=${verifier}`;

    const results = await Promise.all(Array.from({ length: 20 }, () => request(t.app).post('/v1/oauth/token').type('form').send(form)));

    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(t.ctx.db.data.apiKeys.filter((k) => k.consentId === requestId)).toHaveLength(1);
  });

  it('twenty simultaneous approvals of one request mint exactly one code', async () => {
    t = await makeTestApp();
    const res = await authorize(t.app);
    const person = await signedInPerson(t.app);

    const results = await Promise.all(
      Array.from({ length: 20 }, () => person.agent.post(`/bff/consent/${res.body.request_id}/approve`).set('Origin', ORIGIN).send({ scopes: ['documents.read'] })),
    );

    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) expectApiError(r, 409, 'consent_decided');
    expect(t.ctx.db.data.authorizationCodes).toHaveLength(1);
  });

  it('a code expires exactly at its expiry: refused at AUTH_CODE_TTL_SECONDS, no grace', async () => {
    t = await makeTestApp({ AUTH_CODE_TTL_SECONDS: '60' });
    const { code, verifier } = await approvedCode(t.app);
    t.clock.advance(60);

    const res = await exchange(t.app, code, verifier);

    expectApiError(res, 400, 'invalid_grant', /expired/);
  });

  it('a denied request yields no code at all', async () => {
    t = await makeTestApp();
    const { requestId } = await (async () => {
      const res = await authorize(t.app);
      return { requestId: res.body.request_id as string };
    })();
    const person = await signedInPerson(t.app);

    await person.agent.post(`/bff/consent/${requestId}/deny`).set('Origin', ORIGIN).send({});

    expect(t.ctx.db.data.authorizationCodes).toHaveLength(0);
  });
});
