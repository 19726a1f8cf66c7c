import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../shared/errors.js';
import { makeTestApp, PUBLIC_URL, type TestApp } from '../../support/test-app.js';
import { v1RoutesOf } from './v1-routes.js';

type Doc = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, { content: unknown }>; securitySchemes: Record<string, unknown> };
};
type Operation = {
  security: Record<string, string[]>[];
  'x-required-scope'?: string;
  responses: Record<string, { $ref?: string }>;
};

let t: TestApp;
afterEach(() => t?.close());

async function fetchDocument(path = '/v1/openapi.json'): Promise<Doc> {
  const res = await request(t.app).get(path);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.body as Doc;
}

const operationsOf = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));

describe('GET /v1/openapi.json', () => {
  it('describes every route the /v1 router serves, and nothing else', async () => {
    t = await makeTestApp();

    const doc = await fetchDocument();

    expect(operationsOf(doc).map((o) => o.key).sort()).toEqual(v1RoutesOf(t.app));
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    t = await makeTestApp();
    const doc = await fetchDocument();

    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);

    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it('is served the same under /exchange/v1 and names the public URL as its server', async () => {
    t = await makeTestApp();

    const short = await fetchDocument('/v1/openapi.json');
    const long = await fetchDocument('/exchange/v1/openapi.json');

    expect(long).toEqual(short);
    expect(short.servers).toEqual([expect.objectContaining({ url: `${PUBLIC_URL}/exchange` })]);
  });

  it('requires the bearer scheme with the needed scope on each scoped operation', async () => {
    t = await makeTestApp();

    const doc = await fetchDocument();
    const ops = Object.fromEntries(operationsOf(doc).map(({ key, op }) => [key, op]));

    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(ops['GET /v1/documents']).toMatchObject({ 'x-required-scope': 'documents.read', security: [{ apiKey: ['documents.read'] }] });
    expect(ops['GET /v1/documents/search']).toMatchObject({ 'x-required-scope': 'documents.search' });
    expect(ops['GET /v1/companies']).toMatchObject({ 'x-required-scope': 'companies.read' });
    expect(ops['GET /v1/api-keys/current']?.security).toEqual([{ apiKey: [] }]);
    expect(ops['POST /v1/oauth/authorize']?.security).toEqual([]);
  });

  it('answers every 4xx and 5xx with the shared error shape', async () => {
    t = await makeTestApp();

    const doc = await fetchDocument();
    const errorRefs = operationsOf(doc).flatMap(({ op }) =>
      Object.entries(op.responses).filter(([status]) => Number(status) >= 400).map(([, response]) => response.$ref),
    );

    expect(errorRefs.length).toBeGreaterThan(0);
    for (const ref of errorRefs) {
      const name = String(ref).replace('#/components/responses/', '');
      expect(doc.components.responses[name]?.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Error' } } });
    }
    expect(doc.components.schemas.Error).toMatchObject({ required: Object.keys(apiErrorSchema.shape) });
  });
});
