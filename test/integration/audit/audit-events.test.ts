import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { activityResponseSchema } from '../../../shared/dashboard.js';
import { approvedCode, makeTestApp, ORIGIN, signedInPerson, startConsent, type TestApp } from '../../support/test-app.js';
import { bearer, bootstrap } from '../helpers.js';
import { exchange } from '../oauth-token/token-helpers.js';

let t: TestApp;
afterEach(() => t?.close());

const eventsOfType = (type: string) => t.ctx.db.data.auditEvents.filter((e) => e.type === type);

describe('audit events', () => {
  it('records a consent approval with the person, the consent and the kept scopes', async () => {
    t = await makeTestApp();

    const { requestId, person } = await approvedCode(t.app, { body: { scopes: ['send', 'stats'] }, keep: ['stats'] });

    expect(eventsOfType('consent.approved')).toEqual([
      expect.objectContaining({ userId: person.user.id, consentId: requestId, detail: expect.objectContaining({ scopes: 'stats' }) }),
    ]);
  });

  it('records a consent denial', async () => {
    t = await makeTestApp();
    const { requestId } = await startConsent(t.app);
    const person = await signedInPerson(t.app);

    await person.agent.post(`/bff/consent/${requestId}/deny`).set('Origin', ORIGIN).send({});

    expect(eventsOfType('consent.denied')).toEqual([expect.objectContaining({ userId: person.user.id, consentId: requestId })]);
  });

  it('records every key minted, by bootstrap and by token exchange, with its prefix and never the key', async () => {
    t = await makeTestApp();

    const sandbox = await bootstrap(t.app);
    const { code, verifier } = await approvedCode(t.app);
    const token = await exchange(t.app, code, verifier);

    const minted = eventsOfType('key.minted');
    expect(minted.map((e) => e.detail.keyPrefix)).toEqual([sandbox.keyPrefix, token.body.key_prefix]);
    expect(minted[1]?.keyId).toBe(token.body.key_id);
    expect(JSON.stringify(t.ctx.db.data.auditEvents)).not.toContain(sandbox.apiKey);
  });

  it('records a key revoked by its agent', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);
    const { body } = await request(t.app).get('/v1/api-keys/current').set(bearer(apiKey));

    await request(t.app).delete(`/v1/api-keys/${body.id}`).set(bearer(apiKey));

    expect(eventsOfType('key.revoked')).toEqual([expect.objectContaining({ keyId: body.id, detail: expect.objectContaining({ by: 'agent' }) })]);
  });

  it('records a code replay and the revocation it caused', async () => {
    t = await makeTestApp();
    const { code, verifier, requestId } = await approvedCode(t.app);
    const first = await exchange(t.app, code, verifier);

    await exchange(t.app, code, verifier);

    expect(eventsOfType('code.replay_detected')).toEqual([expect.objectContaining({ consentId: requestId, keyId: first.body.key_id })]);
    expect(eventsOfType('key.revoked')).toEqual([expect.objectContaining({ keyId: first.body.key_id, detail: expect.objectContaining({ by: 'replay' }) })]);
  });

  it('shows the person their consent decisions and key events on /bff/activity', async () => {
    t = await makeTestApp();
    const { code, verifier, person } = await approvedCode(t.app);
    await exchange(t.app, code, verifier);

    const res = await person.agent.get('/bff/activity');

    const types = activityResponseSchema.parse(res.body).events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['consent.approved', 'key.minted']));
  });
});
