import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { consentViewSchema, decisionResponseSchema } from '../../../shared/bff.js';
import { findScope } from '../../../shared/scopes.js';
import { makeTestApp, ORIGIN, signedInPerson, startConsent, T0, type TestApp } from '../../support/test-app.js';
import { expectApiError } from '../helpers.js';
import { strict } from '../../support/strict.js';

let t: TestApp;
afterEach(() => t?.close());

const setUp = async (body: Record<string, unknown> = {}) => {
  t = await makeTestApp();
  const consent = await startConsent(t.app, { scopes: ['send', 'documents.read', 'stats'], ...body });
  const person = await signedInPerson(t.app);
  const post = (action: 'approve' | 'deny', payload: object = {}) =>
    person.agent.post(`/bff/consent/${consent.requestId}/${action}`).set('Origin', ORIGIN).send(payload);
  return { consent, person, post };
};

describe('consent decision (BFF)', () => {
  it('needs a signed-in person: 401 login_required without a session', async () => {
    t = await makeTestApp();
    const { requestId } = await startConsent(t.app);

    const view = await request(t.app).get(`/bff/consent/${requestId}`);
    const approve = await request(t.app).post(`/bff/consent/${requestId}/approve`).set('Origin', ORIGIN).send({ scopes: ['send'] });

    expectApiError(view, 401, 'login_required');
    expectApiError(approve, 401, 'login_required');
  });

  it('shows the pending request: client name, scopes with descriptions, redirect host and expiry', async () => {
    const { consent, person } = await setUp({ redirect_uri: 'https://agent.example/cb' });

    const res = await person.agent.get(`/bff/consent/${consent.requestId}`);

    expect(res.status).toBe(200);
    expect(strict(consentViewSchema).parse(res.body)).toEqual({
      request_id: consent.requestId,
      status: 'pending',
      client_name: 'Test Agent',
      scopes: [findScope('send'), findScope('documents.read'), findScope('stats')],
      redirect_host: 'agent.example',
      created_at: new Date(T0).toISOString(),
      expires_at: new Date(T0 + 600_000).toISOString(),
      code_ttl_seconds: 600,
    });
  });

  it('approves the subset of scopes the person kept and shows the code when there is no redirect_uri', async () => {
    const { post } = await setUp();

    const res = await post('approve', { scopes: ['stats', 'send'] });

    expect(res.status).toBe(200);
    const body = strict(decisionResponseSchema).parse(res.body);
    expect(body).toMatchObject({ decision: 'approved', approved_scopes: ['send', 'stats'], redirect_to: null });
    expect(body.code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.code_expires_at).toBe(new Date(T0 + 600_000).toISOString());
  });

  it('refuses to approve a scope the agent did not request, with invalid_scope', async () => {
    const { post } = await setUp();

    const res = await post('approve', { scopes: ['send', 'payments'] });

    expectApiError(res, 400, 'invalid_scope', /payments was not requested/);
  });

  it('refuses to approve with no scopes kept (400)', async () => {
    const { post } = await setUp();

    const res = await post('approve', { scopes: [] });

    expectApiError(res, 400, 'invalid_request', /keep at least one scope, or deny/);
  });

  it('denies the request', async () => {
    const { post } = await setUp();

    const res = await post('deny');

    expect(strict(decisionResponseSchema).parse(res.body)).toEqual({
      decision: 'denied', code: null, code_expires_at: null, redirect_to: null, approved_scopes: [],
    });
  });

  it('refuses to approve with 410 consent_expired once CONSENT_TTL_SECONDS have passed, and the read says expired', async () => {
    const { consent, person, post } = await setUp();
    t.clock.advance(601);

    const view = await person.agent.get(`/bff/consent/${consent.requestId}`);
    const approve = await post('approve', { scopes: ['send'] });

    expect(view.status).toBe(200);
    expect(consentViewSchema.parse(view.body).status).toBe('expired');
    expectApiError(approve, 410, 'consent_expired');
  });

  it('reads a decided request with its status instead of an error, so the page can say what happened', async () => {
    const { consent, person, post } = await setUp();
    await post('approve', { scopes: ['send'] });

    const view = await person.agent.get(`/bff/consent/${consent.requestId}`);

    expect(view.status).toBe(200);
    expect(consentViewSchema.parse(view.body).status).toBe('approved');
  });

  it('answers 409 consent_decided for a request already approved or denied', async () => {
    const { post } = await setUp();
    await post('deny');

    const approve = await post('approve', { scopes: ['send'] });
    const denyAgain = await post('deny');

    expectApiError(approve, 409, 'consent_decided', /already denied/);
    expectApiError(denyAgain, 409, 'consent_decided');
  });

  it('answers 404 consent_not_found for an unknown request', async () => {
    t = await makeTestApp();
    const person = await signedInPerson(t.app);

    const res = await person.agent.get('/bff/consent/no-such-request-id-0000000000');

    expectApiError(res, 404, 'consent_not_found');
  });

  it('decides nothing on a GET of the approve path (405)', async () => {
    const { consent, person, post } = await setUp();

    const get = await person.agent.get(`/bff/consent/${consent.requestId}/approve?scopes=send`);
    const stillPending = await post('approve', { scopes: ['send'] });

    expectApiError(get, 405, 'method_not_allowed');
    expect(stillPending.status).toBe(200);
  });

  it('refuses a cross-origin POST with 403 csrf_rejected', async () => {
    const { consent, person } = await setUp();

    const evil = await person.agent.post(`/bff/consent/${consent.requestId}/approve`).set('Origin', 'https://evil.example').send({ scopes: ['send'] });
    const noOrigin = await person.agent.post(`/bff/consent/${consent.requestId}/approve`).send({ scopes: ['send'] });

    expectApiError(evil, 403, 'csrf_rejected');
    expectApiError(noOrigin, 403, 'csrf_rejected');
  });
});
