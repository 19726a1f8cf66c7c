import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { scopeCatalogueResponseSchema } from '../../../shared/oauth.js';
import { makeTestApp, type TestApp } from '../../support/test-app.js';
import { bearer, bootstrap } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.close());

describe('health and mounts', () => {
  it('GET /healthz answers 200 {"status":"ok"} once the store is loaded', async () => {
    t = await makeTestApp();

    const res = await request(t.app).get('/healthz');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('serves the API at /exchange/v1 as in the public page', async () => {
    t = await makeTestApp();

    const res = await request(t.app).get('/exchange/v1/oauth/scopes');

    expect(res.status).toBe(200);
    expect(scopeCatalogueResponseSchema.parse(res.body).scopes).toHaveLength(13);
  });

  it('serves the same API at the /v1 alias', async () => {
    t = await makeTestApp();

    const [long, short] = await Promise.all([
      request(t.app).get('/exchange/v1/oauth/scopes'),
      request(t.app).get('/v1/oauth/scopes'),
    ]);

    expect(short.status).toBe(200);
    expect(short.body).toEqual(long.body);
  });

  it('accepts a key minted on one mount on the other', async () => {
    t = await makeTestApp();
    const sandbox = await request(t.app).post('/exchange/v1/sandbox/bootstrap').send({ label: 'recipe' });

    const res = await request(t.app).get('/v1/api-keys/current').set(bearer(sandbox.body.apiKey));

    expect(sandbox.status).toBe(200);
    expect(res.status).toBe(200);
    expect(res.body.organizationId).toBe(sandbox.body.organizationId);
  });

  it('runs the whole sandbox recipe under /exchange/v1', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    const docs = await request(t.app).get('/exchange/v1/documents?limit=5').set(bearer(apiKey));

    expect(docs.status).toBe(200);
    expect(docs.body.data).toHaveLength(5);
  });
});
