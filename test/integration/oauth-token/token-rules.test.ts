import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { tokenResponseSchema } from '../../../shared/oauth.js';
import { approvedCode, makeTestApp, pkcePair, type TestApp } from '../../support/test-app.js';
import { expectApiError } from '../helpers.js';
import { exchange } from './token-helpers.js';
import { strict } from '../../support/strict.js';

let t: TestApp;
afterEach(() => t?.close());

describe('POST /v1/oauth/token', () => {
  it('exchanges a code and its verifier for a key, with Cache-Control: no-store', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app, { keep: ['documents.read', 'send'] });

    const res = await exchange(t.app, code, verifier);

    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = strict(tokenResponseSchema).parse(res.body);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 604800, scopes: ['send', 'documents.read'], scope: 'send documents.read' });
    expect(body.access_token).toMatch(/^flw_test_[A-Za-z0-9]{32,}$/);
    expect(body.key_prefix).toBe(body.access_token.slice(0, 13));
    expect(body.key_id).toMatch(/^key_/);
    expect(body.organization_id).toMatch(/^org_sbx_/);
  });

  it('uses KEY_TTL_SECONDS for expires_in', async () => {
    t = await makeTestApp({ KEY_TTL_SECONDS: '3600' });
    const { code, verifier } = await approvedCode(t.app);

    const res = await exchange(t.app, code, verifier);

    expect(res.body.expires_in).toBe(3600);
  });

  it('answers invalid_grant when BASE64URL(SHA256(verifier)) does not match the challenge (RFC 7636 §4.6)', async () => {
    t = await makeTestApp();
    const { code } = await approvedCode(t.app);

    const res = await exchange(t.app, code, pkcePair().verifier);

    expectApiError(res, 400, 'invalid_grant', /code_verifier does not match/);
  });

  it.each([
    ['shorter than 43 characters', 'a'.repeat(42)],
    ['longer than 128 characters', 'a'.repeat(129)],
    ['with characters outside A-Z a-z 0-9 - . _ ~', `${'a'.repeat(42)}+`],
  ])('answers invalid_request for a verifier %s', async (_label, verifier) => {
    t = await makeTestApp();
    const { code } = await approvedCode(t.app);

    const res = await exchange(t.app, code, verifier);

    expectApiError(res, 400, 'invalid_request', /code_verifier must be 43-128 characters/);
  });

  it('answers invalid_grant for an unknown code, saying it is not recognised', async () => {
    t = await makeTestApp();

    const res = await exchange(t.app, 'no-such-code', pkcePair().verifier);

    expectApiError(res, 400, 'invalid_grant', /not recognised/);
  });

  it('answers invalid_grant saying "expired" once AUTH_CODE_TTL_SECONDS have passed', async () => {
    t = await makeTestApp({ AUTH_CODE_TTL_SECONDS: '60' });
    const { code, verifier } = await approvedCode(t.app);
    t.clock.advance(61);

    const res = await exchange(t.app, code, verifier);

    expectApiError(res, 400, 'invalid_grant', /expired/);
  });

  it('still accepts the code just before AUTH_CODE_TTL_SECONDS have passed', async () => {
    t = await makeTestApp({ AUTH_CODE_TTL_SECONDS: '60' });
    const { code, verifier } = await approvedCode(t.app);
    t.clock.advance(59);

    const res = await exchange(t.app, code, verifier);

    expect(res.status).toBe(200);
  });

  it('answers unsupported_grant_type for any other grant type', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app);

    const res = await exchange(t.app, code, verifier, { grant_type: 'client_credentials' });

    expectApiError(res, 400, 'unsupported_grant_type', /authorization_code/);
  });

  it.each([
    ['refresh_token', { grant_type: 'refresh_token', refresh_token: 'x' }],
    ['client_credentials', { grant_type: 'client_credentials' }],
    ['password', { grant_type: 'password', username: 'a', password: 'b' }],
  ])('names an unsupported grant type (%s) before asking for fields only authorization_code needs', async (_name, body) => {
    t = await makeTestApp();

    const res = await request(t.app).post('/v1/oauth/token').send(body);

    expectApiError(res, 400, 'unsupported_grant_type', /is not supported; use authorization_code/);
  });

  it.each([
    ['JSON', { grant_type: '' }, 'json'],
    ['form', 'grant_type=', 'form'],
    ['form, no value', 'grant_type', 'form'],
  ] as const)('says an empty grant_type is empty (%s), not that a code is missing', async (_name, body, type) => {
    t = await makeTestApp();

    const res = await request(t.app).post('/v1/oauth/token').type(type).send(body);

    expectApiError(res, 400, 'invalid_request', /^grant_type is empty: use authorization_code$/);
  });

  it('accepts a form-encoded token request (RFC 6749 §4.1.3)', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app);

    const res = await exchange(t.app, code, verifier).type('form');

    expect(res.status).toBe(200);
  });
});

describe('POST /v1/oauth/token: redirect_uri', () => {
  const redirect_uri = 'https://agent.example/cb';

  it('requires redirect_uri when it was sent to authorize', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app, { body: { redirect_uri } });

    const res = await exchange(t.app, code, verifier);

    expectApiError(res, 400, 'invalid_request', /redirect_uri is required/);
  });

  it('refuses a redirect_uri different from the one sent to authorize', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app, { body: { redirect_uri } });

    const res = await exchange(t.app, code, verifier, { redirect_uri: `${redirect_uri}/other` });

    expectApiError(res, 400, 'invalid_grant', /redirect_uri does not match/);
  });

  it('accepts the same redirect_uri', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app, { body: { redirect_uri } });

    const res = await exchange(t.app, code, verifier, { redirect_uri });

    expect(res.status).toBe(200);
  });
});
