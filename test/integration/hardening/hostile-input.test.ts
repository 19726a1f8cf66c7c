import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../shared/errors.js';
import { issuedKey, makeTestApp, ORIGIN, signedInPerson, type TestApp } from '../../support/test-app.js';

/**
 * Random and hostile bodies against every route: the answer is a 4xx JSON error that names the
 * problem, or a success — never a 5xx, never HTML, never a hang.
 */
let t: TestApp;
let key: string;
let cookie: string;

beforeAll(async () => {
  t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '1000000' });
  key = (await issuedKey(t.app, { body: { scopes: ['documents.read', 'documents.search', 'companies.read'] } })).token.access_token;
  const person = await signedInPerson(t.app);
  const session = await person.agent.get('/bff/session');
  cookie = String(session.request.getHeader?.('cookie') ?? '');
  cookie = (person.agent as unknown as { jar: { getCookies: (o: object) => { toValueString(): string }[] } }).jar
    .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
    .map((c) => c.toValueString())
    .join('; ');
});
afterAll(() => t.close());

const ROUTES: [method: 'get' | 'post' | 'delete', path: string][] = [
  ['post', '/v1/oauth/authorize'],
  ['post', '/v1/oauth/token'],
  ['post', '/v1/sandbox/bootstrap'],
  ['get', '/v1/oauth/scopes'],
  ['get', '/v1/api-keys/current'],
  ['delete', '/v1/api-keys/key_doesnotexist'],
  ['get', '/v1/documents'],
  ['get', '/v1/documents/doc_nope'],
  ['get', '/v1/documents/search'],
  ['get', '/v1/companies'],
  ['get', '/bff/session'],
  ['post', '/bff/session'],
  ['delete', '/bff/session'],
  ['post', '/bff/accounts'],
  ['get', '/bff/consent/abc'],
  ['post', '/bff/consent/abc/approve'],
  ['post', '/bff/consent/abc/deny'],
  ['get', '/bff/keys'],
  ['delete', '/bff/keys/key_nope'],
  ['get', '/bff/activity'],
];

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'code', 'scopes', 'client_name', 'code_verifier', 'grant_type', 'email', 'password', 'label', 'state', 'redirect_uri');
const hostileValue = fc.oneof(
  fc.string({ maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 32 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.constant('x'.repeat(5000)),
);
const hostileBody = fc.oneof(
  fc.dictionary(hostileKey, hostileValue, { maxKeys: 8 }),
  fc.jsonValue({ maxDepth: 3 }),
);

function expectCleanAnswer(res: request.Response) {
  expect(res.status, `${res.status} ${res.text.slice(0, 200)}`).toBeLessThan(500);
  if (res.status >= 400 && res.status !== 405) {
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = apiErrorSchema.parse(res.body);
    expect(body.error_description.length).toBeGreaterThan(5);
  }
}

function send(method: 'get' | 'post' | 'delete', path: string, withAuth: boolean) {
  const req = request(t.app)[method](path).set('Origin', ORIGIN);
  if (withAuth) req.set('Authorization', `Bearer ${key}`).set('Cookie', cookie);
  return req;
}

describe('hostile input on every route', () => {
  it.each(ROUTES)('%s %s answers random JSON bodies with a 4xx JSON error or a success, never a 5xx', async (method, path) => {
    await fc.assert(
      fc.asyncProperty(hostileBody, fc.boolean(), async (body, withAuth) => {
        const res = await send(method, path, withAuth).set('Content-Type', 'application/json').send(JSON.stringify(body));
        expectCleanAnswer(res);
      }),
      { numRuns: path.includes('/session') || path.includes('accounts') ? 15 : 40 },
    );
  });

  it.each(ROUTES)('%s %s answers random form bodies and repeated fields without a 5xx', async (method, path) => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostileKey, fc.string({ maxLength: 40 })), { maxLength: 8 }), async (pairs) => {
        const form = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const res = await send(method, path, true).set('Content-Type', 'application/x-www-form-urlencoded').send(form);
        expectCleanAnswer(res);
      }),
      { numRuns: 15 },
    );
  });

  it.each(ROUTES)('%s %s answers hostile query strings without a 5xx', async (method, path) => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('limit', 'cursor', 'q', 'access_token', '__proto__', 'a[b]'), fc.string({ maxLength: 30 })), { maxLength: 5 }), async (pairs) => {
        const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const res = await send(method, `${path}?${query}`, true);
        expectCleanAnswer(res);
      }),
      { numRuns: 15 },
    );
  });

  it.each([
    ['text/plain', 'hello', 415],
    ['application/xml', '<a/>', 415],
    ['application/json; charset=utf-8', '{"label":"ok"}', 200],
    ['application/json; charset=latin1', '{"label":"ok"}', 415],
    ['application/json', '{"label": "unterminated', 400],
    ['application/json', '"just a string"', 400],
    ['application/json', 'x'.repeat(17 * 1024), 413],
  ])('bootstrap with Content-Type %s answers %i', async (type, body, status) => {
    const res = await request(t.app).post('/v1/sandbox/bootstrap').set('Content-Type', type).send(body);

    expect(res.status).toBe(status);
    if (status >= 400) expect(apiErrorSchema.parse(res.body).error_description).toBeTruthy();
  });

  it('answers a body of invalid UTF-8 with a 4xx JSON error', async () => {
    const res = await request(t.app)
      .post('/v1/oauth/token')
      .set('Content-Type', 'application/json')
      .send(Buffer.from([0x7b, 0x22, 0x63, 0x6f, 0x64, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));

    expectCleanAnswer(res);
    expect(res.status).toBe(400);
  });

  it('answers malformed percent-encoding in the path with a 400 JSON error', async () => {
    const res = await request(t.app).get('/v1/documents/%E0%A4%A').set('Authorization', `Bearer ${key}`);

    expectCleanAnswer(res);
  });

  it('leaves no trace of __proto__ bodies on other objects or later requests', async () => {
    await request(t.app).post('/v1/sandbox/bootstrap').set('Content-Type', 'application/json').send('{"__proto__":{"polluted":"yes"},"label":"x"}');
    await request(t.app).post('/v1/oauth/authorize').type('form').send('__proto__[polluted]=yes&constructor[prototype][polluted]=yes');

    const after = await request(t.app).get('/v1/api-keys/current').set('Authorization', `Bearer ${key}`);

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(after.status).toBe(200);
    expect(after.body).not.toHaveProperty('polluted');
  });
});
