import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { makeTestApp, ORIGIN, pkcePair, signedInPerson, type TestApp } from '../../support/test-app.js';
import { expectApiError } from '../helpers.js';
import { authorize } from './authorize-helpers.js';

let t: TestApp;
afterEach(() => t?.close());

const requestedScopes = async (requestId: string) => {
  const person = await signedInPerson(t.app);
  const view = await person.agent.get(`/bff/consent/${requestId}`);
  return (view.body.scopes as { name: string }[]).map((s) => s.name);
};

describe('POST /v1/oauth/authorize: scopes', () => {
  it('refuses a scope outside the catalogue with invalid_scope naming it', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app, { scopes: ['documents.read', 'admin.everything'] });

    expectApiError(res, 400, 'invalid_scope', /"admin\.everything"/);
  });

  it('merges duplicate scopes', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app, { scopes: ['send', 'documents.read', 'send'] });

    expect(res.status).toBe(200);
    expect(await requestedScopes(res.body.request_id)).toEqual(['send', 'documents.read']);
  });

  it('accepts the RFC 6749 space-delimited scope string', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app, { scopes: undefined, scope: 'documents.read  documents.search' });

    expect(res.status).toBe(200);
    expect(await requestedScopes(res.body.request_id)).toEqual(['documents.read', 'documents.search']);
  });

  it('accepts a form-encoded request with repeated scopes fields', async () => {
    t = await makeTestApp();

    const form = new URLSearchParams({ client_name: 'Form Agent', code_challenge: pkcePair().challenge, code_challenge_method: 'S256' });
    form.append('scopes', 'send');
    form.append('scopes', 'documents.read');

    const res = await request(t.app).post('/v1/oauth/authorize').type('form').send(form.toString());

    expect(res.status).toBe(200);
    expect(await requestedScopes(res.body.request_id)).toEqual(['send', 'documents.read']);
  });

  it.each([
    ['no scopes field', { scopes: undefined }],
    ['an empty list', { scopes: [] }],
    ['a blank scope string', { scopes: undefined, scope: '   ' }],
  ])('refuses %s: at least one scope is required', async (_label, changes) => {
    t = await makeTestApp();

    const res = await authorize(t.app, changes);

    expectApiError(res, 400, 'invalid_request', /at least one scope/);
  });
});

describe('POST /v1/oauth/authorize: client_name', () => {
  it.each([
    ['a control character', 'Agent\u0007'],
    ['a bidi override', 'Agent\u202Eexe.gnp'],
    ['a zero-width space', 'Pay\u200Bpal'],
  ])('refuses a client_name with %s', async (_label, name) => {
    t = await makeTestApp();

    const res = await authorize(t.app, { client_name: name });

    expectApiError(res, 400, 'invalid_request', /client_name must not contain control, bidirectional or zero-width/);
  });

  it('refuses a client_name over 80 characters', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app, { client_name: 'x'.repeat(81) });

    expectApiError(res, 400, 'invalid_request', /client_name must be 1-80 characters/);
  });

  it('refuses a missing client_name', async () => {
    t = await makeTestApp();

    const res = await authorize(t.app, { client_name: undefined });

    expectApiError(res, 400, 'invalid_request', /client_name is required/);
  });

  it('shows the person the client_name exactly as sent', async () => {
    t = await makeTestApp();
    const res = await authorize(t.app, { client_name: 'Agent Ünïcødé 🤖' });
    const person = await signedInPerson(t.app);

    const view = await person.agent.get(`/bff/consent/${res.body.request_id}`).set('Origin', ORIGIN);

    expect(view.body.client_name).toBe('Agent Ünïcødé 🤖');
  });
});
