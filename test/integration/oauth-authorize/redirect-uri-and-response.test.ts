import { afterEach, describe, expect, it } from 'vitest';
import { authorizeResponseSchema } from '../../../shared/oauth.js';
import { approvedCode, makeTestApp, PUBLIC_URL, T0, type TestApp } from '../../support/test-app.js';
import { expectApiError } from '../helpers.js';
import { authorize } from './authorize-helpers.js';
import { strict } from '../../support/strict.js';

let t: TestApp;
afterEach(() => t?.close());

describe('POST /v1/oauth/authorize: redirect_uri (RFC 8252 §7.3)', () => {
  it.each(['https://agent.example/callback', 'http://127.0.0.1:53682/callback', 'http://[::1]:8080/cb'])(
    'accepts %s',
    async (uri) => {
      t = await makeTestApp();

      const res = await authorize(t.app, { redirect_uri: uri });

      expect(res.status).toBe(200);
    },
  );

  it.each([
    ['http on localhost (a name, not a loopback IP)', 'http://localhost:8080/cb', /loopback IP literal/],
    ['http on a public host', 'http://example.com/cb', /loopback IP literal/],
    ['a fragment', 'https://agent.example/cb#x', /fragment/],
    ['user information', 'https://user@agent.example/cb', /user information/],
    ['a javascript: URI', 'javascript:alert(1)', /https/],
    ['an uppercase scheme', 'HTTPS://agent.example/cb', /lowercase/],
    ['surrounding whitespace', ' https://agent.example/cb ', /no spaces/],
  ])('refuses %s', async (_label, uri, message) => {
    t = await makeTestApp();

    const res = await authorize(t.app, { redirect_uri: uri });

    expectApiError(res, 400, 'invalid_request', message);
    expect(res.body.error_description).toMatch(/^redirect_uri /);
  });
});

describe('POST /v1/oauth/authorize: state', () => {
  it('echoes a state of up to 512 characters back untouched in the redirect', async () => {
    t = await makeTestApp();
    const state = `&x=1 #é/+=%20${'a-Z_0.9~'.repeat(70)}`.slice(0, 512);

    const { decision } = await approvedCode(t.app, { body: { redirect_uri: 'https://agent.example/cb', state } });

    expect(new URL(decision.redirect_to).searchParams.get('state')).toBe(state);
  });

  it('refuses a state over 512 characters', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app, { state: 's'.repeat(513) });

    expectApiError(res, 400, 'invalid_request', /state must be at most 512/);
  });
});

describe('POST /v1/oauth/authorize: response', () => {
  it('returns consent_url = PUBLIC_URL/consent/<request_id>, expires_in 600 and expires_at', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app);

    expect(res.status).toBe(200);
    const body = strict(authorizeResponseSchema).parse(res.body);
    expect(body.consent_url).toBe(`${PUBLIC_URL}/consent/${body.request_id}`);
    expect(body.expires_in).toBe(600);
    expect(body.expires_at).toBe(new Date(T0 + 600_000).toISOString());
  });

  it('builds the consent link from PUBLIC_URL', async () => {
    t = await makeTestApp({ PUBLIC_URL: 'https://exchange.example/' });

    const res = await authorize(t.app);

    expect(res.body.consent_url).toBe(`https://exchange.example/consent/${res.body.request_id}`);
  });

  it('uses an unguessable request id: at least 128 bits of base64url, never repeated', async () => {
    t = await makeTestApp();

    const ids = await Promise.all(Array.from({ length: 10 }, async () => (await authorize(t.app)).body.request_id as string));

    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(new Set(ids).size).toBe(10);
  });

  it('sends Cache-Control: no-store', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app);

    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('uses CONSENT_TTL_SECONDS for expires_in', async () => {
    t = await makeTestApp({ CONSENT_TTL_SECONDS: '120' });

    const res = await authorize(t.app);

    expect(res.body.expires_in).toBe(120);
  });
});
