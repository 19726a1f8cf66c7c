import { afterEach, describe, expect, it } from 'vitest';
import { decisionResponseSchema } from '../../../shared/bff.js';
import { makeTestApp, ORIGIN, signedInPerson, startConsent, type TestApp } from '../../support/test-app.js';

let t: TestApp;
afterEach(() => t?.close());

const decide = async (action: 'approve' | 'deny', redirectUri: string) => {
  t = await makeTestApp();
  const consent = await startConsent(t.app, { redirect_uri: redirectUri, state: 'xyz 123' });
  const person = await signedInPerson(t.app);
  const res = await person.agent.post(`/bff/consent/${consent.requestId}/${action}`).set('Origin', ORIGIN).send({ scopes: ['send'] });
  return decisionResponseSchema.parse(res.body);
};

describe('consent decision with a redirect_uri', () => {
  it('tells the SPA to send the browser to redirect_uri with code and state, not showing the code', async () => {
    const body = await decide('approve', 'https://agent.example/cb?keep=1');

    const target = new URL(body.redirect_to ?? '');
    expect(`${target.origin}${target.pathname}`).toBe('https://agent.example/cb');
    expect(target.searchParams.get('keep')).toBe('1');
    expect(target.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(target.searchParams.get('state')).toBe('xyz 123');
    expect(body.code).toBeNull();
  });

  it('on deny sends the browser back with error=access_denied and the state (RFC 6749 §4.1.2.1)', async () => {
    const body = await decide('deny', 'http://127.0.0.1:53682/cb');

    const target = new URL(body.redirect_to ?? '');
    expect(target.origin).toBe('http://127.0.0.1:53682');
    expect(target.searchParams.get('error')).toBe('access_denied');
    expect(target.searchParams.get('state')).toBe('xyz 123');
    expect(target.searchParams.has('code')).toBe(false);
  });
});
