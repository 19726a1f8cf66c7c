import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, ORIGIN, type TestApp } from '../../support/test-app.js';
import { expectApiError } from '../helpers.js';

/** Per-client-IP limits; X-Forwarded-For counts only when TRUST_PROXY names the proxy that sent it. */
let t: TestApp;
afterEach(() => t?.close());

const bootstrapFrom = (forwardedFor?: string) => {
  const req = request(t.app).post('/v1/sandbox/bootstrap').send({});
  return forwardedFor ? req.set('X-Forwarded-For', forwardedFor) : req;
};

describe('bootstrap rate limit and X-Forwarded-For', () => {
  it('ignores X-Forwarded-For when TRUST_PROXY names a different proxy than the caller', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '2', TRUST_PROXY: '10.0.0.1' });
    await bootstrapFrom('203.0.113.1');
    await bootstrapFrom('203.0.113.2');

    const third = await bootstrapFrom('203.0.113.3');

    expectApiError(third, 429, 'too_many_requests');
  });

  it('with TRUST_PROXY=loopback uses the address the proxy appended, not one the client prepended', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '2', TRUST_PROXY: 'loopback' });
    await bootstrapFrom('198.51.100.1, 203.0.113.9');
    await bootstrapFrom('198.51.100.2, 203.0.113.9');

    const third = await bootstrapFrom('198.51.100.3, 203.0.113.9');

    expectApiError(third, 429, 'too_many_requests');
  });

  it('answers 429 with Retry-After and RateLimit headers, and a JSON body naming the limit', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '1' });
    await bootstrapFrom();

    const res = await bootstrapFrom();

    expectApiError(res, 429, 'too_many_requests', /too many sandbox bootstraps from this address; try again in \d+ seconds/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(3000);
    expect(res.headers.ratelimit).toBeDefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('counts each client behind a named proxy on its own: a second client still bootstraps when the first is limited', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '1', TRUST_PROXY: 'loopback' });
    await bootstrapFrom('203.0.113.1');
    await bootstrapFrom('203.0.113.1');

    const other = await bootstrapFrom('203.0.113.2');

    expect(other.status).toBe(200);
  });
});

describe('sign-up shares the per-IP limit with sign-in', () => {
  it('the 31st account-or-session attempt from one IP in 15 minutes → 429 with Retry-After', async () => {
    t = await makeTestApp();
    for (let i = 0; i < 30; i++) {
      await request(t.app).post('/bff/accounts').set('Origin', ORIGIN).send({ email: `x${i}@example.test`, password: 'short' });
    }

    const res = await request(t.app).post('/bff/session').set('Origin', ORIGIN).send({ email: 'a@example.test', password: 'whatever password' });

    expectApiError(res, 429, 'too_many_requests');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
