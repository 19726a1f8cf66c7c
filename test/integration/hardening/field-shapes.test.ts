import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { approvedCode, makeTestApp, pkcePair, type TestApp } from '../../support/test-app.js';
import { authorize } from '../oauth-authorize/authorize-helpers.js';
import { exchange } from '../oauth-token/token-helpers.js';
import { expectApiError } from '../helpers.js';

/** Wrong shapes of the fields that matter, sent as JSON and as forms: a 4xx naming the field, never a guess. */
let t: TestApp;
afterEach(() => t?.close());

const tokenForm = (pairs: [string, string][]) =>
  request(t.app).post('/v1/oauth/token').type('form').send(pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));

describe('token request field shapes', () => {
  it('refuses a repeated code form field with invalid_request naming code, and the code stays usable', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app);

    const res = await tokenForm([['grant_type', 'authorization_code'], ['code', code], ['code', code], ['code_verifier', verifier]]);
    const after = await exchange(t.app, code, verifier);

    expectApiError(res, 400, 'invalid_request', /^code must be a single string; it was sent as a list/);
    expect(after.status).toBe(200);
  });

  it('refuses a repeated code_verifier form field with invalid_request naming code_verifier', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app);

    const res = await tokenForm([['grant_type', 'authorization_code'], ['code', code], ['code_verifier', verifier], ['code_verifier', verifier]]);

    expectApiError(res, 400, 'invalid_request', /^code_verifier must be a single string/);
  });

  it.each([
    ['a list', ['abc'], /^code must be a single string/],
    ['an object', { $ne: null }, /^code must be a string, not object$/],
    ['a number', 42, /^code must be a string, not number$/],
    ['true', true, /^code must be a string, not boolean$/],
    ['an empty string', '', /^code is empty: the authorization code the person was shown$/],
    ['a 5,000 character string', 'c'.repeat(5000), /^code must be at most 256 characters$/],
  ])('refuses a code that is %s with invalid_request saying what is wrong with code', async (_label, code, message) => {
    t = await makeTestApp();

    const res = await request(t.app).post('/v1/oauth/token').send({ grant_type: 'authorization_code', code, code_verifier: pkcePair().verifier });

    expectApiError(res, 400, 'invalid_request', message);
  });

  it('ignores unknown fields in a token request', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app);

    const res = await exchange(t.app, code, verifier, { client_secret: 'x', scope: 'payments', extra: { a: 1 } });

    expect(res.status).toBe(200);
    expect(res.body.scopes).not.toContain('payments');
  });
});

describe('authorize request field shapes', () => {
  it('refuses a repeated client_name form field with invalid_request naming client_name', async () => {
    t = await makeTestApp();
    const form = `client_name=A&client_name=B&scopes=send&code_challenge=${pkcePair().challenge}&code_challenge_method=S256`;

    const res = await request(t.app).post('/v1/oauth/authorize').type('form').send(form);

    expectApiError(res, 400, 'invalid_request', /client_name/);
  });

  it('refuses a repeated code_challenge form field with invalid_request naming code_challenge', async () => {
    t = await makeTestApp();
    const { challenge } = pkcePair();
    const form = `client_name=A&scopes=send&code_challenge=${challenge}&code_challenge=${challenge}&code_challenge_method=S256`;

    const res = await request(t.app).post('/v1/oauth/authorize').type('form').send(form);

    expectApiError(res, 400, 'invalid_request', /code_challenge/);
    expect(t.ctx.db.data.consentRequests).toHaveLength(0);
  });

  it('refuses a client_name of 5,000 characters and a redirect_uri of 5,000 characters, naming each', async () => {
    t = await makeTestApp();

    const name = await authorize(t.app, { client_name: 'n'.repeat(5000) });
    const uri = await authorize(t.app, { redirect_uri: `https://agent.example/${'p'.repeat(5000)}` });

    expectApiError(name, 400, 'invalid_request', /client_name/);
    expectApiError(uri, 400, 'invalid_request', /redirect_uri/);
  });

  it('ignores unknown fields, including prompt, nonce and client_id, and stores none of them', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app, { prompt: 'none', nonce: 'n', client_id: 'x', response_type: 'token' });

    expect(res.status).toBe(200);
    expect(Object.keys(t.ctx.db.data.consentRequests[0] ?? {})).not.toContain('prompt');
  });
});
