import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { scopeCatalogueResponseSchema } from '../../../shared/oauth.js';
import { SCOPES } from '../../../shared/scopes.js';
import { makeTestApp, type TestApp } from '../../support/test-app.js';
import { strict } from '../../support/strict.js';

let t: TestApp;
afterEach(() => t?.close());

const DOCUMENTED = [
  'send', 'receive', 'documents.read', 'documents.search', 'documents.write', 'companies.read',
  'companies.write', 'directory', 'partners', 'payments', 'lifecycle', 'compliance', 'stats',
];

describe('GET /v1/oauth/scopes', () => {
  it('is public: it answers without an API key', async () => {
    t = await makeTestApp();

    const res = await request(t.app).get('/v1/oauth/scopes');

    expect(res.status).toBe(200);
  });

  it('lists the 13 scopes of the public page, in its order', async () => {
    t = await makeTestApp();

    const res = await request(t.app).get('/v1/oauth/scopes');

    const { scopes } = strict(scopeCatalogueResponseSchema).parse(res.body);
    expect(scopes.map((s) => s.name)).toEqual(DOCUMENTED);
  });

  it('gives each scope a name, a description, whether it reads or writes, and the endpoints it unlocks', async () => {
    t = await makeTestApp();

    const res = await request(t.app).get('/v1/oauth/scopes');

    for (const scope of scopeCatalogueResponseSchema.parse(res.body).scopes) {
      expect(scope.description.length).toBeGreaterThan(10);
      expect(['read', 'write', 'money']).toContain(scope.access);
      expect(scope.writes).toBe(scope.access !== 'read');
      expect(scope.endpoints.length).toBeGreaterThan(0);
      for (const endpoint of scope.endpoints) expect(endpoint).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/v1\//);
    }
  });

  it('serves the catalogue from shared/, the single source the BFF checks against', async () => {
    t = await makeTestApp();

    const res = await request(t.app).get('/v1/oauth/scopes');

    expect(res.body).toEqual({ scopes: SCOPES });
  });

  it('says which scope unlocks the endpoints this API serves', async () => {
    t = await makeTestApp();

    const res = await request(t.app).get('/v1/oauth/scopes');

    const byName = new Map(scopeCatalogueResponseSchema.parse(res.body).scopes.map((s) => [s.name, s]));
    expect(byName.get('documents.read')?.endpoints).toContain('GET /v1/documents');
    expect(byName.get('documents.search')?.endpoints).toContain('GET /v1/documents/search');
    expect(byName.get('companies.read')?.endpoints).toContain('GET /v1/companies');
  });
});
