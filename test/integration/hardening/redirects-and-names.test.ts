import { afterEach, describe, expect, it } from 'vitest';
import { consentViewSchema, decisionResponseSchema } from '../../../shared/bff.js';
import { makeTestApp, ORIGIN, signedInPerson, type TestApp } from '../../support/test-app.js';
import { authorize } from '../oauth-authorize/authorize-helpers.js';
import { expectApiError } from '../helpers.js';

/** RFC 8252 §7.3 / RFC 9700 §4.1: only https, or http to a loopback IP literal; the URL parser decides. */
let t: TestApp;
afterEach(() => t?.close());

describe('redirect_uri: refused at authorize before any consent_url exists', () => {
  it.each([
    ['an uppercase scheme', 'HTTPS://agent.example/cb'],
    ['a mixed-case http scheme to loopback', 'hTTp://127.0.0.1/cb'],
    ['one slash after the scheme', 'https:/agent.example/cb'],
    ['no slashes after the scheme', 'https:agent.example/cb'],
    ['three slashes after the scheme', 'https:///agent.example/cb'],
    ['a tab inside the scheme', 'ht\ttps://agent.example/cb'],
    ['a newline inside the host', 'https://agent.\nexample/cb'],
    ['a carriage return before the path', 'https://agent.example\r/cb'],
    ['a NUL byte', 'https://agent.example/\u0000cb'],
    ['a leading space', ' https://agent.example/cb'],
    ['a javascript: URI', 'javascript:alert(document.cookie)'],
    ['a javascript: URI dressed as a URL', 'javascript://agent.example/%0aalert(1)'],
    ['a data: URI', 'data:text/html,<script>alert(1)</script>'],
    ['a file: URI', 'file:///etc/passwd'],
    ['a custom scheme', 'com.agent.app:/callback'],
    ['a custom scheme with slashes', 'myapp://callback'],
    ['a ws: URI', 'ws://127.0.0.1/cb'],
    ['user information before a good host', 'https://agent.example@evil.example/cb'],
    ['user and password', 'https://agent.example:pw@evil.example/cb'],
    ['an empty user', 'https://@evil.example/cb'],
    ['a backslash before @', 'https://evil.example\\@agent.example/cb'],
    ['a backslash as a slash', 'https:\\\\evil.example/cb'],
    ['a percent-encoded host', 'https://%65vil.example/cb'],
    ['a percent-encoded dot in the host', 'https://evil%2Eexample/cb'],
    ['an uppercase host', 'https://EVIL.example/cb'],
    ['an IPv4 address in decimal', 'http://2130706433/cb'],
    ['an IPv4 address in hex', 'http://0x7f.1/cb'],
    ['an IPv4 address in octal', 'http://0177.0.0.1/cb'],
    ['a shortened IPv4 address', 'http://127.1/cb'],
    ['an IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]/cb'],
    ['a long-form IPv6 loopback', 'http://[0:0:0:0:0:0:0:1]/cb'],
    ['http to localhost by name', 'http://localhost/cb'],
    ['http to a name that resolves anywhere', 'http://127.0.0.1.nip.io/cb'],
    ['a Cyrillic look-alike host (аpple)', 'https://\u0430pple.com/cb'],
    ['a full-width host', 'https://\uff45vil.example/cb'],
    ['a fragment', 'https://agent.example/cb#access_token=x'],
    ['an empty fragment', 'https://agent.example/cb#'],
    ['the default port spelled out', 'https://agent.example:443/cb'],
  ])('refuses %s', async (_label, uri) => {
    t = await makeTestApp();

    const res = await authorize(t.app, { redirect_uri: uri });

    expectApiError(res, 400, 'invalid_request', /^redirect_uri /);
    expect(res.body).not.toHaveProperty('consent_url');
    expect(t.ctx.db.data.consentRequests).toHaveLength(0);
  });
});

describe('redirect_uri: the consent page shows the host the browser will really go to', () => {
  it.each([
    'https://agent.example/cb',
    'https://good.example.evil.example/cb',
    'https://xn--pple-43d.com/cb',
    'https://agent.example:8443/cb?keep=1',
    'http://127.0.0.1:53682/cb',
    'http://[::1]:8080/cb',
  ])('for %s, redirect_host equals new URL(redirect_to).host', async (uri) => {
    t = await makeTestApp();
    const { body } = await authorize(t.app, { redirect_uri: uri, state: 's' });
    const person = await signedInPerson(t.app);

    const view = consentViewSchema.parse((await person.agent.get(`/bff/consent/${body.request_id}`)).body);
    const decision = decisionResponseSchema.parse(
      (await person.agent.post(`/bff/consent/${body.request_id}/approve`).set('Origin', ORIGIN).send({ scopes: ['documents.read'] })).body,
    );

    expect(new URL(decision.redirect_to ?? '').host).toBe(view.redirect_host);
    expect(new URL(decision.redirect_to ?? '').protocol).toBe(new URL(uri).protocol);
  });

  it.each(['code', 'state', 'error', 'error_description', 'error_uri', 'iss'])(
    'refuses a redirect_uri that already carries %s= in its query, which the service adds itself (RFC 6749 §4.1.2)',
    async (name) => {
      t = await makeTestApp();

      const res = await authorize(t.app, { redirect_uri: `https://agent.example/cb?keep=1&${name}=planted` });

      expectApiError(res, 400, 'invalid_request', new RegExp(`^redirect_uri must not carry .*${name}`));
      expect(t.ctx.db.data.consentRequests).toHaveLength(0);
    },
  );

  it('shows a look-alike host only in its punycode form', async () => {
    t = await makeTestApp();
    const { body } = await authorize(t.app, { redirect_uri: 'https://xn--pple-43d.com/cb' });
    const person = await signedInPerson(t.app);

    const view = await person.agent.get(`/bff/consent/${body.request_id}`);

    expect(view.body.redirect_host).toBe('xn--pple-43d.com');
  });
});

describe('client_name: what the person is shown', () => {
  it.each([
    ['a right-to-left override (U+202E)', 'Invoice\u202Eexe.fdp'],
    ['a left-to-right isolate (U+2066)', 'Invoice\u2066Helper'],
    ['an Arabic letter mark (U+061C)', 'Invoice\u061CHelper'],
    ['a zero-width space (U+200B)', 'Flow\u200Bie'],
    ['a zero-width joiner (U+200D)', 'Flow\u200Die'],
    ['a zero-width no-break space (U+FEFF)', '\uFEFFFlowie'],
    ['a soft hyphen (U+00AD)', 'Flow\u00ADie'],
    ['a newline', 'Flowie\nApprove everything'],
    ['a tab', 'Flowie\tHelper'],
    ['an escape sequence', 'Flowie\u001b[31m'],
    ['a line separator (U+2028)', 'Flowie\u2028Helper'],
    ['a private-use character', 'Flowie\uE000'],
    ['a lone surrogate', 'Flowie\uD800'],
  ])('refuses %s', async (_label, name) => {
    t = await makeTestApp();

    const res = await authorize(t.app, { client_name: name });

    expectApiError(res, 400, 'invalid_request', /^client_name must/);
    expect(t.ctx.db.data.consentRequests).toHaveLength(0);
  });

  it('counts the limit in characters: 80 emoji pass, 81 are refused', async () => {
    t = await makeTestApp();

    const ok = await authorize(t.app, { client_name: '🤖'.repeat(80) });
    const tooLong = await authorize(t.app, { client_name: '🤖'.repeat(81) });

    expect(ok.status).toBe(200);
    expectApiError(tooLong, 400, 'invalid_request', /client_name must be 1-80 characters/);
  });

  it('keeps markup as text: the consent view returns <img src=x onerror=alert(1)> exactly as sent', async () => {
    t = await makeTestApp();
    const name = '<img src=x onerror=alert(1)>';
    const { body } = await authorize(t.app, { client_name: name });
    const person = await signedInPerson(t.app);

    const view = await person.agent.get(`/bff/consent/${body.request_id}`);

    expect(view.headers['content-type']).toMatch(/^application\/json/);
    expect(view.body.client_name).toBe(name);
  });
});
