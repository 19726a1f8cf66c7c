import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { issuedKey, makeTestApp, type TestApp } from '../../support/test-app.js';
import { bearer, bootstrap, expectApiError } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.close());

const current = (headers: Record<string, string> = {}, path = '/v1/api-keys/current') => request(t.app).get(path).set(headers);

describe('bearer authentication (RFC 6750)', () => {
  it('answers 401 with WWW-Authenticate: Bearer realm=… when no key is sent', async () => {
    t = await makeTestApp();

    const res = await current();

    expectApiError(res, 401, 'invalid_token', /Authorization: Bearer/);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="[^"]+"$/);
  });

  it('accepts the scheme in any case (bearer, BEARER)', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    const lower = await current({ Authorization: `bearer ${apiKey}` });
    const upper = await current({ Authorization: `BEARER ${apiKey}` });

    expect(lower.status).toBe(200);
    expect(upper.status).toBe(200);
  });

  it('treats the key itself as case-sensitive', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);
    const flipped = apiKey.slice(0, 9) + [...apiKey.slice(9)].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

    const res = await current(bearer(flipped));

    expectApiError(res, 401, 'invalid_token', /not recognised/);
  });

  it.each(['access_token', 'api_key', 'key'])('refuses a key in the query string (?%s=…), even with a valid header', async (name) => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    const res = await current(bearer(apiKey), `/v1/api-keys/current?${name}=${apiKey}`);

    expectApiError(res, 400, 'invalid_request', /not accepted in the URL/);
  });

  it('answers 401 invalid_token for an unknown key', async () => {
    t = await makeTestApp();

    const res = await current(bearer(`flw_test_${'A'.repeat(40)}`));

    expectApiError(res, 401, 'invalid_token', /not recognised/);
    expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
  });

  it('answers 401 invalid_token for a scheme other than Bearer', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    const res = await current({ Authorization: `Basic ${apiKey}` });

    expectApiError(res, 401, 'invalid_token', /Bearer <key>/);
  });

  it('answers 401 invalid_token saying "revoked" for a revoked key', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);
    const { body: key } = await current(bearer(apiKey));
    await request(t.app).delete(`/v1/api-keys/${key.id}`).set(bearer(apiKey));

    const res = await current(bearer(apiKey));

    expectApiError(res, 401, 'invalid_token', /revoked/);
  });

  it('answers 401 invalid_token saying "expired" once KEY_TTL_SECONDS have passed', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);
    t.clock.advance(604800);

    const res = await current(bearer(apiKey));

    expectApiError(res, 401, 'invalid_token', /expired/);
  });

  it('answers 403 insufficient_scope naming the scope, with WWW-Authenticate error and scope', async () => {
    t = await makeTestApp();
    const { token } = await issuedKey(t.app, { body: { scopes: ['documents.read'] } });

    const res = await current(bearer(token.access_token), '/v1/documents/search?q=invoice');

    expectApiError(res, 403, 'insufficient_scope', /documents\.search/);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="flowie-exchange", error="insufficient_scope", scope="documents.search"');
  });

  it('checks scope per endpoint: companies.read is needed for /v1/companies', async () => {
    t = await makeTestApp();
    const { token } = await issuedKey(t.app, { body: { scopes: ['documents.read'] } });

    const docs = await current(bearer(token.access_token), '/v1/documents');
    const companies = await current(bearer(token.access_token), '/v1/companies');

    expect(docs.status).toBe(200);
    expectApiError(companies, 403, 'insufficient_scope', /companies\.read/);
  });
});
