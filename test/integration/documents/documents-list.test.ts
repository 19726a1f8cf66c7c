import request, { type Response } from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { documentListResponseSchema } from '../../../shared/documents.js';
import { makeTestApp, type TestApp } from '../../support/test-app.js';
import { bearer, bootstrap, expectApiError } from '../helpers.js';
import { strict } from '../../support/strict.js';

let t: TestApp;
afterEach(() => t?.close());

const list = async (query = '') => {
  const { apiKey } = await bootstrap(t.app);
  return request(t.app).get(`/v1/documents${query}`).set(bearer(apiKey));
};

describe('GET /v1/documents', () => {
  it('lists the organization’s documents newest first as {data, next_cursor}', async () => {
    t = await makeTestApp();

    const res = await list();

    expect(res.status).toBe(200);
    const body = strict(documentListResponseSchema).parse(res.body);
    const created = body.data.map((d) => d.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(body.next_cursor).toBeNull();
  });

  it('answers exactly the JSON res.json would give (the body is assembled from cached JSON), as application/json', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    for (const query of ['', '?limit=2', '?limit=100']) {
      const first = await request(t.app).get(`/v1/documents${query}`).set(bearer(apiKey));
      const next = first.body.next_cursor ? await request(t.app).get(`/v1/documents?limit=2&cursor=${first.body.next_cursor}`).set(bearer(apiKey)) : first;
      for (const res of [first, next]) {
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.text).toBe(JSON.stringify(res.body));
      }
    }
    const search = await request(t.app).get('/v1/documents/search?q=a&limit=1').set(bearer(apiKey));
    const detail = await request(t.app).get(`/v1/documents/${search.body.data[0].id}`).set(bearer(apiKey));
    expect(search.text).toBe(JSON.stringify(search.body));
    expect(detail.text).toBe(JSON.stringify(detail.body));
    expect(detail.body).toEqual(search.body.data[0]);
  });

  it('defaults to a limit of 20 (the sample set fits on the first page)', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);
    const all = await request(t.app).get('/v1/documents?limit=100').set(bearer(apiKey));

    const res = await request(t.app).get('/v1/documents').set(bearer(apiKey));

    expect(res.body.data).toHaveLength(Math.min(20, all.body.data.length));
  });

  it('honours limit=1 and limit=100', async () => {
    t = await makeTestApp();

    const one = await list('?limit=1');
    const hundred = await list('?limit=100');

    expect(one.body.data).toHaveLength(1);
    expect(one.body.next_cursor).not.toBeNull();
    expect(hundred.status).toBe(200);
  });

  it.each(['0', '101', '-1', '2.5', 'ten', ''])('refuses limit=%j with 400 invalid_request', async (limit) => {
    t = await makeTestApp();

    const res = await list(`?limit=${limit}`);

    expectApiError(res, 400, 'invalid_request', /limit must be a whole number from 1 to 100/);
  });

  it.each(['?limit=5&limit=6', '?cursor=a&cursor=b', '/search?q=a&limit=1&limit=2'])(
    'says which parameter was sent more than once for %s',
    async (query) => {
      t = await makeTestApp();
      const { apiKey } = await bootstrap(t.app);
      const name = /limit/.test(query) ? 'limit' : 'cursor';

      const res = await request(t.app).get(`/v1/documents${query.startsWith('/') ? query : `?${query.slice(1)}`}`).set(bearer(apiKey));

      expectApiError(res, 400, 'invalid_request', new RegExp(`${name} was sent more than once`));
    },
  );

  it('pages with next_cursor until it is null, visiting every document once in order', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);
    const all = (await request(t.app).get('/v1/documents?limit=100').set(bearer(apiKey))).body.data as { id: string }[];

    const seen: string[] = [];
    let cursor: string | null = '';
    for (let pages = 0; cursor !== null && pages < 10; pages++) {
      const res: Response = await request(t.app).get(`/v1/documents?limit=2${cursor ? `&cursor=${cursor}` : ''}`).set(bearer(apiKey));
      seen.push(...(res.body.data as { id: string }[]).map((d) => d.id));
      cursor = res.body.next_cursor;
    }

    expect(cursor).toBeNull();
    expect(seen).toEqual(all.map((d) => d.id));
  });

  it.each(['garbage', Buffer.from('o:-1').toString('base64url'), Buffer.from('offset=2').toString('base64url')])(
    'refuses a cursor it did not hand out (%s) with 400',
    async (cursor) => {
      t = await makeTestApp();

      const res = await list(`?cursor=${cursor}`);

      expectApiError(res, 400, 'invalid_request', /cursor/);
    },
  );

  it('refuses a repeated limit parameter with 400 rather than guessing', async () => {
    t = await makeTestApp();

    const res = await list('?limit=1&limit=2');

    expectApiError(res, 400, 'invalid_request');
  });

  it("shows only the caller's organization's documents", async () => {
    t = await makeTestApp();
    const a = await bootstrap(t.app);
    const b = await bootstrap(t.app);

    const res = await request(t.app).get('/v1/documents').set(bearer(a.apiKey));

    const orgs = new Set((res.body.data as { organizationId: string }[]).map((d) => d.organizationId));
    expect([...orgs]).toEqual([a.organizationId]);
    expect(orgs.has(b.organizationId)).toBe(false);
  });
});
