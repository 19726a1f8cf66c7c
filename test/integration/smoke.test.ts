import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { tokenResponseSchema } from '../../shared/oauth.js';
import { issuedKey, makeTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
afterEach(() => t?.close());

describe('the whole consent flow', () => {
  it('gives an agent a key with only the scopes the person kept, and the key reads documents', async () => {
    t = await makeTestApp();

    const { token } = await issuedKey(t.app, { body: { scopes: ['send', 'documents.read'] }, keep: ['documents.read'] });
    const docs = await request(t.app).get('/v1/documents').set('Authorization', `Bearer ${token.access_token}`);

    expect(tokenResponseSchema.parse(token).scopes).toEqual(['documents.read']);
    expect(docs.status).toBe(200);
    expect(docs.body.data.length).toBeGreaterThan(0);
  });
});
