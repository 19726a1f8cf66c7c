import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { documentListResponseSchema, documentSchema } from '../../../shared/documents.js';
import { companyListResponseSchema } from '../../../shared/sandbox.js';
import { issuedKey, makeTestApp, type TestApp } from '../../support/test-app.js';
import { bearer, bootstrap, expectApiError } from '../helpers.js';
import { strict } from '../../support/strict.js';

let t: TestApp;
afterEach(() => t?.close());

const get = (apiKey: string, path: string) => request(t.app).get(path).set(bearer(apiKey));

describe('GET /v1/documents/{id}', () => {
  it('returns one document of the organization', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);
    const first = (await get(apiKey, '/v1/documents?limit=1')).body.data[0];

    const res = await get(apiKey, `/v1/documents/${first.id}`);

    expect(res.status).toBe(200);
    expect(strict(documentSchema).parse(res.body)).toEqual(first);
  });

  it("answers 404 for another organization's document", async () => {
    t = await makeTestApp();
    const a = await bootstrap(t.app);
    const b = await bootstrap(t.app);
    const theirs = (await get(b.apiKey, '/v1/documents?limit=1')).body.data[0];

    const res = await get(a.apiKey, `/v1/documents/${theirs.id}`);

    expectApiError(res, 404, 'not_found');
  });
});

describe('GET /v1/documents/search', () => {
  it('finds documents matching q (case-insensitive) with the documents.search scope', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    const res = await get(apiKey, '/v1/documents/search?q=CREDIT_NOTE');

    expect(res.status).toBe(200);
    const body = documentListResponseSchema.parse(res.body);
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((d) => d.type === 'credit_note')).toBe(true);
  });

  it('returns an empty page when nothing matches', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    const res = await get(apiKey, '/v1/documents/search?q=zzzz-nothing-like-this');

    expect(res.body).toEqual({ data: [], next_cursor: null });
  });

  it('requires q', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    const res = await get(apiKey, '/v1/documents/search');

    expectApiError(res, 400, 'invalid_request', /q is required/);
  });

  it('says q was sent twice when it was, not that it is missing', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    const res = await get(apiKey, '/v1/documents/search?q=a&q=b');

    expectApiError(res, 400, 'invalid_request', /^q must be a single string/);
  });

  it('answers 403 insufficient_scope without documents.search, even with documents.read', async () => {
    t = await makeTestApp();
    const { token } = await issuedKey(t.app, { body: { scopes: ['documents.read'] } });

    const res = await get(token.access_token, '/v1/documents/search?q=invoice');

    expectApiError(res, 403, 'insufficient_scope', /documents\.search/);
  });

  it('answers 403 insufficient_scope on /v1/documents without documents.read', async () => {
    t = await makeTestApp();
    const { token } = await issuedKey(t.app, { body: { scopes: ['documents.search'] } });

    const list = await get(token.access_token, '/v1/documents');
    const search = await get(token.access_token, '/v1/documents/search?q=invoice');

    expectApiError(list, 403, 'insufficient_scope', /documents\.read/);
    expect(search.status).toBe(200);
  });
});

describe('GET /v1/companies', () => {
  it("lists the organization's sandbox company with the companies.read scope", async () => {
    t = await makeTestApp();
    const sandbox = await bootstrap(t.app);

    const res = await get(sandbox.apiKey, '/v1/companies');

    expect(res.status).toBe(200);
    expect(strict(companyListResponseSchema).parse(res.body)).toEqual({ data: [sandbox.company] });
  });
});
