import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../support/test-app.js';
import { expectApiError } from '../helpers.js';
import { authorize } from './authorize-helpers.js';

let t: TestApp;
afterEach(() => t?.close());

/** What `openssl base64` gives: standard alphabet with padding. */
const standardBase64Challenge = () => {
  for (let i = 0; ; i++) {
    const b64 = createHash('sha256').update(`verifier-${i}`).digest('base64');
    if (/[+/]/.test(b64)) return b64;
  }
};

describe('POST /v1/oauth/authorize: PKCE', () => {
  it('accepts code_challenge_method S256', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app);

    expect(res.status).toBe(200);
  });

  it('refuses code_challenge_method plain, saying it must be S256', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app, { code_challenge_method: 'plain' });

    expectApiError(res, 400, 'invalid_request', /must be exactly S256/);
  });

  it('refuses a missing code_challenge_method, saying it must be S256', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app, { code_challenge_method: undefined });

    expectApiError(res, 400, 'invalid_request', /code_challenge_method is required and must be S256/);
  });

  it('refuses a lowercase s256', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app, { code_challenge_method: 's256' });

    expectApiError(res, 400, 'invalid_request', /S256/);
  });

  it('refuses a missing code_challenge', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app, { code_challenge: undefined });

    expectApiError(res, 400, 'invalid_request', /code_challenge is required/);
  });

  it.each([
    ['42 characters', 'a'.repeat(42)],
    ['44 characters', 'a'.repeat(44)],
    ['a hex digest', createHash('sha256').update('v').digest('hex')],
  ])('refuses a code_challenge of %s, saying it must be 43 base64url characters', async (_label, challenge) => {
    t = await makeTestApp();

    const res = await authorize(t.app, { code_challenge: challenge });

    expectApiError(res, 400, 'invalid_request', /exactly 43 characters/);
  });

  it("refuses a standard-base64 challenge with + / or = and explains the tr translation", async () => {
    t = await makeTestApp();

    const res = await authorize(t.app, { code_challenge: standardBase64Challenge() });

    expectApiError(res, 400, 'invalid_request', /tr '\+\/' '-_'.*tr -d '='/);
  });
});
