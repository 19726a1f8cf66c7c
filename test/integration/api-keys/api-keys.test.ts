import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { currentKeyResponseSchema } from '../../../shared/api-keys.js';
import { SCOPE_NAMES } from '../../../shared/scopes.js';
import { makeTestApp, T0, type TestApp } from '../../support/test-app.js';
import { bearer, bootstrap, expectApiError } from '../helpers.js';
import { strict } from '../../support/strict.js';

let t: TestApp;
afterEach(() => t?.close());

const currentKey = async (apiKey: string) => currentKeyResponseSchema.parse((await request(t.app).get('/v1/api-keys/current').set(bearer(apiKey))).body);

describe('GET /v1/api-keys/current', () => {
  it("describes the calling key: id, keyPrefix, keyType, organizationId, scopes, createdAt, expiresAt", async () => {
    t = await makeTestApp();
    const sandbox = await bootstrap(t.app);

    const res = await request(t.app).get('/v1/api-keys/current').set(bearer(sandbox.apiKey));

    expect(res.status).toBe(200);
    const body = strict(currentKeyResponseSchema).parse(res.body);
    expect(body).toEqual({
      id: expect.stringMatching(/^key_/),
      keyPrefix: sandbox.keyPrefix,
      keyType: 'personal',
      organizationId: sandbox.organizationId,
      scopes: [...SCOPE_NAMES],
      createdAt: new Date(T0).toISOString(),
      expiresAt: sandbox.expiresAt,
    });
  });

  it('never returns the key itself or its hash', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    const res = await request(t.app).get('/v1/api-keys/current').set(bearer(apiKey));

    expect(JSON.stringify(res.body)).not.toContain(apiKey);
    expect(res.body).not.toHaveProperty('hash');
  });
});

describe('DELETE /v1/api-keys/{id}', () => {
  it('revokes the caller’s own key with 204, effective on the very next request', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);
    const { id } = await currentKey(apiKey);

    const del = await request(t.app).delete(`/v1/api-keys/${id}`).set(bearer(apiKey));
    const next = await request(t.app).get('/v1/documents').set(bearer(apiKey));

    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expectApiError(next, 401, 'invalid_token', /revoked/);
  });

  it("answers 404 for another organization's key and leaves it working", async () => {
    t = await makeTestApp();
    const mine = await bootstrap(t.app);
    const theirs = await bootstrap(t.app);
    const { id: theirId } = await currentKey(theirs.apiKey);

    const res = await request(t.app).delete(`/v1/api-keys/${theirId}`).set(bearer(mine.apiKey));
    const theirsStill = await request(t.app).get('/v1/api-keys/current').set(bearer(theirs.apiKey));

    expectApiError(res, 404, 'not_found');
    expect(theirsStill.status).toBe(200);
  });

  it("gives the same 404 body for a key that does not exist as for another organization's key", async () => {
    t = await makeTestApp();
    const mine = await bootstrap(t.app);
    const theirs = await bootstrap(t.app);
    const { id: theirId } = await currentKey(theirs.apiKey);

    const other = await request(t.app).delete(`/v1/api-keys/${theirId}`).set(bearer(mine.apiKey));
    const missing = await request(t.app).delete('/v1/api-keys/key_doesnotexist0000000').set(bearer(mine.apiKey));

    expectApiError(missing, 404, 'not_found');
    expect(missing.body).toEqual(other.body);
  });

  it('needs a key: 401 without Authorization', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);
    const { id } = await currentKey(apiKey);

    const res = await request(t.app).delete(`/v1/api-keys/${id}`);

    expectApiError(res, 401, 'invalid_token');
  });
});
