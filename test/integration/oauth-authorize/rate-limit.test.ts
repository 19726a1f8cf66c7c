import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/test-app.js';
import { expectApiError } from '../helpers.js';
import { authorize } from './authorize-helpers.js';

let t: TestApp;
afterEach(() => t?.close());

describe('authorize rate limit per client IP (AUTHORIZE_RATE_LIMIT consent requests per hour)', () => {
  it('answers the request over the limit with 429, Retry-After and a JSON error, and stores nothing for it', async () => {
    t = await makeTestApp({ AUTHORIZE_RATE_LIMIT: '2' });
    expect((await authorize(t.app)).status).toBe(200);
    expect((await authorize(t.app)).status).toBe(200);

    const third = await authorize(t.app);

    expectApiError(third, 429, 'too_many_requests', /consent requests/);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(third.headers['retry-after'])).toBeLessThanOrEqual(3600);
    expect(t.ctx.db.data.consentRequests).toHaveLength(2);
  });

  it('counts only requests that created a consent request, so a client fixing its PKCE is not locked out', async () => {
    t = await makeTestApp({ AUTHORIZE_RATE_LIMIT: '2' });
    for (let i = 0; i < 5; i++) expect((await authorize(t.app, { code_challenge_method: 'plain' })).status).toBe(400);

    expect((await authorize(t.app)).status).toBe(200);
    expect((await authorize(t.app)).status).toBe(200);
  });

  it('allows 120 an hour by default', async () => {
    t = await makeTestApp();

    expect(t.config.authorizeRateLimit).toBe(120);
  });
});

describe('authorize rate limit: refusals sent together', () => {
  it('does not keep the count of requests refused with 429 while invalid ones were in flight', async () => {
    t = await makeTestApp({ AUTHORIZE_RATE_LIMIT: '3' });
    // Ten invalid requests at once: each is counted while in flight, so the last seven are refused
    // with 429. None of them stored anything, so none of them may use up the client's hour.
    const refused = await Promise.all(Array.from({ length: 10 }, () => authorize(t.app, { code_challenge_method: 'plain' })));
    expect(refused.every((res) => res.status === 400 || res.status === 429)).toBe(true);
    expect(t.ctx.db.data.consentRequests).toHaveLength(0);

    for (let i = 0; i < 3; i++) expect((await authorize(t.app)).status).toBe(200);
    expect((await authorize(t.app)).status).toBe(429);
  });
});
