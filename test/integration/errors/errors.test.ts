import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, ORIGIN, type TestApp } from '../../support/test-app.js';
import { bearer, bootstrap, expectApiError } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.close());

const noHtmlNoStack = (res: request.Response) => {
  expect(res.text).not.toMatch(/<html|<!DOCTYPE|\n\s+at /i);
};

describe('errors are JSON {error, error_description}, never HTML', () => {
  it('answers malformed JSON with 400 invalid_request', async () => {
    t = await makeTestApp();

    const res = await request(t.app).post('/v1/oauth/authorize').set('Content-Type', 'application/json').send('{"client_name": ');

    expectApiError(res, 400, 'invalid_request', /not valid JSON/);
    noHtmlNoStack(res);
  });

  it('answers a body over 16 KiB with 413 payload_too_large', async () => {
    t = await makeTestApp();

    const res = await request(t.app).post('/v1/sandbox/bootstrap').send({ label: 'x'.repeat(17 * 1024) });

    expectApiError(res, 413, 'payload_too_large', /16 KiB/);
  });

  it('accepts a body just under 16 KiB as far as the size check goes', async () => {
    t = await makeTestApp();

    const res = await request(t.app).post('/v1/oauth/token').send({ grant_type: 'authorization_code', code: 'c', code_verifier: 'a'.repeat(43), pad: 'x'.repeat(16_000) });

    expectApiError(res, 400, 'invalid_grant');
  });

  it('answers a text/plain body with 415 unsupported_media_type', async () => {
    t = await makeTestApp();

    const res = await request(t.app).post('/v1/oauth/token').set('Content-Type', 'text/plain').send('grant_type=authorization_code');

    expectApiError(res, 415, 'unsupported_media_type', /application\/json/);
  });

  it('answers a body with no Content-Type with 415', async () => {
    t = await makeTestApp();

    const res = await request(t.app).post('/v1/oauth/token').set('Content-Type', '').send(Buffer.from('{"a":1}'));

    expectApiError(res, 415, 'unsupported_media_type');
  });

  it.each(['/v1/nope', '/exchange/v1/nope', '/v1/documents/x/y'])('answers an unknown route %s with 404 JSON', async (path) => {
    t = await makeTestApp();

    const res = await request(t.app).get(path);

    expectApiError(res, 404, 'not_found');
    noHtmlNoStack(res);
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    t = await makeTestApp();

    const res = await request(t.app).get('/v1/oauth/token');

    expectApiError(res, 405, 'method_not_allowed');
    expect(res.headers.allow).toBe('POST');
  });

  it('answers a JSON array or string body with 400, not 500', async () => {
    t = await makeTestApp();

    const array = await request(t.app).post('/v1/oauth/authorize').send([1, 2]);
    const string = await request(t.app).post('/v1/oauth/authorize').set('Content-Type', 'application/json').send('"hi"');

    expectApiError(array, 400, 'invalid_request');
    expectApiError(string, 400, 'invalid_request');
  });

  it('answers wrong field types with 400 naming the field', async () => {
    t = await makeTestApp();

    const res = await request(t.app).post('/v1/oauth/authorize').send({ client_name: 42, scopes: ['send'], code_challenge: 'x', code_challenge_method: 'S256' });

    expectApiError(res, 400, 'invalid_request', /client_name/);
  });

  it('answers malformed percent-encoding in the path with 400', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);

    const res = await request(t.app).get('/v1/documents/%E0%A4%A').set(bearer(apiKey));

    expectApiError(res, 400, 'invalid_request');
  });

  it('sets Cache-Control: no-store on errors', async () => {
    t = await makeTestApp();

    const res = await request(t.app).get('/v1/api-keys/current');

    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers BFF errors as JSON too (unknown BFF route → 404)', async () => {
    t = await makeTestApp();

    const res = await request(t.app).post('/bff/nope').set('Origin', ORIGIN).send({});

    expectApiError(res, 404, 'not_found');
  });
});
