import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/test-app.js';
import { expectApiError } from '../helpers.js';

let t: TestApp;
afterEach(() => t?.close());

const bootstrapFrom = (forwardedFor?: string) => {
  const req = request(t.app).post('/v1/sandbox/bootstrap').send({});
  return forwardedFor ? req.set('X-Forwarded-For', forwardedFor) : req;
};

describe('bootstrap rate limit per client IP (BOOTSTRAP_RATE_LIMIT per hour)', () => {
  it('answers the call over the limit with 429, Retry-After and a JSON error', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '2' });
    await bootstrapFrom();
    await bootstrapFrom();

    const third = await bootstrapFrom();

    expectApiError(third, 429, 'too_many_requests', /sandbox bootstraps/);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(third.headers['retry-after'])).toBeLessThanOrEqual(3600);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY, so a spoofed header does not reset the limit', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '2' });
    await bootstrapFrom('203.0.113.1');
    await bootstrapFrom('203.0.113.2');

    const third = await bootstrapFrom('203.0.113.3');

    expectApiError(third, 429, 'too_many_requests');
  });

  it('with TRUST_PROXY=loopback counts distinct X-Forwarded-For addresses as distinct clients', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '2', TRUST_PROXY: 'loopback' });
    await bootstrapFrom('203.0.113.1');
    await bootstrapFrom('203.0.113.1');

    const sameClient = await bootstrapFrom('203.0.113.1');
    const otherClient = await bootstrapFrom('198.51.100.7');

    expectApiError(sameClient, 429, 'too_many_requests');
    expect(otherClient.status).toBe(200);
  });

  it('does not limit the public scope catalogue', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '1' });
    await bootstrapFrom();
    await bootstrapFrom();

    const res = await request(t.app).get('/v1/oauth/scopes');

    expect(res.status).toBe(200);
  });
});
