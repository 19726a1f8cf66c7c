import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { activityResponseSchema } from '../../../shared/dashboard.js';
import { approvedCode, issuedKey, makeTestApp, ORIGIN, signedInPerson, startConsent, T0, type TestApp } from '../../support/test-app.js';
import { bearer } from '../helpers.js';
import { exchange } from '../oauth-token/token-helpers.js';

/** Every security-relevant event is recorded with time, actor and ids, and shown to the person it concerns. */
let t: TestApp;
afterEach(() => t?.close());

const activity = async (agent: ReturnType<typeof request.agent>) => activityResponseSchema.parse((await agent.get('/bff/activity')).body);
const stored = (type: string) => t.ctx.db.data.auditEvents.filter((e) => e.type === type);
const AT = new Date(T0).toISOString();

describe('audit events: time, actor and ids, visible on /activity to the person concerned', () => {
  it('key minted by a token exchange: actor agent, the person, the consent, the key and its prefix', async () => {
    t = await makeTestApp();
    const { person, token, requestId } = await issuedKey(t.app);

    const [event] = stored('key.minted');
    const view = await activity(person.agent);

    expect(event).toMatchObject({ at: AT, actor: 'agent', userId: person.user.id, consentId: requestId, keyId: token.key_id, detail: expect.objectContaining({ keyPrefix: token.key_prefix }) });
    expect(view.events.find((e) => e.id === event?.id)?.summary).toContain(token.key_prefix);
  });

  it('key revoked on the Keys page: actor is the person, shown as "by you"', async () => {
    t = await makeTestApp();
    const { person, token } = await issuedKey(t.app);

    await person.agent.delete(`/bff/keys/${token.key_id}`).set('Origin', ORIGIN);
    const [event] = stored('key.revoked');
    const view = await activity(person.agent);

    expect(event).toMatchObject({ at: AT, actor: `user:${person.user.id}`, userId: person.user.id, keyId: token.key_id, detail: expect.objectContaining({ by: 'owner' }) });
    expect(t.ctx.repos.apiKeys.findById(token.key_id)?.revokedBy).toBe(`user:${person.user.id}`);
    expect(view.events.find((e) => e.id === event?.id)?.summary).toMatch(/revoked by you/);
  });

  it('key revoked by an agent through the API: actor is the calling key, shown to the person as "by the agent"', async () => {
    t = await makeTestApp();
    const { person, token } = await issuedKey(t.app);

    await request(t.app).delete(`/v1/api-keys/${token.key_id}`).set(bearer(token.access_token));
    const [event] = stored('key.revoked');
    const view = await activity(person.agent);

    expect(event).toMatchObject({ actor: `key:${token.key_id}`, userId: person.user.id, keyId: token.key_id, detail: expect.objectContaining({ by: 'agent' }) });
    expect(view.events.find((e) => e.id === event?.id)?.summary).toMatch(/revoked by the agent/);
  });

  it('consent approved and denied: actor is the person, with the consent id, both on /activity', async () => {
    t = await makeTestApp();
    const { person, requestId: approvedId } = await approvedCode(t.app);
    const { requestId: deniedId } = await startConsent(t.app);
    await person.agent.post(`/bff/consent/${deniedId}/deny`).set('Origin', ORIGIN).send({});

    const view = await activity(person.agent);

    expect(stored('consent.approved')).toEqual([expect.objectContaining({ at: AT, actor: `user:${person.user.id}`, consentId: approvedId })]);
    expect(stored('consent.denied')).toEqual([expect.objectContaining({ at: AT, actor: `user:${person.user.id}`, consentId: deniedId })]);
    expect(view.events.map((e) => e.type)).toEqual(expect.arrayContaining(['consent.approved', 'consent.denied']));
    expect(view.consents.map((c) => [c.id, c.decision])).toEqual(expect.arrayContaining([[approvedId, 'approved'], [deniedId, 'denied']]));
  });

  it('code replay: recorded with the consent and the revoked key, shown to the person', async () => {
    t = await makeTestApp();
    const { person, code, verifier, requestId } = await approvedCode(t.app);
    const first = await exchange(t.app, code, verifier);
    t.clock.advance(5);

    await exchange(t.app, code, verifier);
    const view = await activity(person.agent);

    expect(stored('code.replay_detected')).toEqual([
      expect.objectContaining({ at: new Date(T0 + 5000).toISOString(), userId: person.user.id, consentId: requestId, keyId: first.body.key_id }),
    ]);
    expect(stored('key.revoked')).toEqual([expect.objectContaining({ actor: 'system', keyId: first.body.key_id })]);
    expect(view.events.map((e) => e.type)).toEqual(expect.arrayContaining(['code.replay_detected', 'key.revoked']));
  });

  it('sign-in failures: recorded against the account, shown to its owner and to nobody else', async () => {
    t = await makeTestApp();
    const owner = await signedInPerson(t.app);
    const other = await signedInPerson(t.app);

    for (let i = 0; i < 2; i++) await request(t.app).post('/bff/session').set('Origin', ORIGIN).send({ email: owner.email, password: `wrong password ${i}` });
    const mine = await activity(owner.agent);
    const theirs = await activity(other.agent);

    expect(stored('account.sign_in_failed')).toEqual([
      expect.objectContaining({ at: AT, actor: 'anonymous', userId: owner.user.id }),
      expect.objectContaining({ at: AT, actor: 'anonymous', userId: owner.user.id }),
    ]);
    expect(mine.events.filter((e) => e.type === 'account.sign_in_failed')).toHaveLength(2);
    expect(theirs.events.filter((e) => e.type === 'account.sign_in_failed')).toHaveLength(0);
  });

  it('a sign-in refused by the account lock is recorded too', async () => {
    t = await makeTestApp();
    const owner = await signedInPerson(t.app);
    for (let i = 0; i < 5; i++) await request(t.app).post('/bff/session').set('Origin', ORIGIN).send({ email: owner.email, password: `wrong password ${i}` });

    const locked = await request(t.app).post('/bff/session').set('Origin', ORIGIN).send({ email: owner.email, password: 'correct horse battery' });
    const view = await activity(owner.agent);

    expect(locked.status).toBe(429);
    expect(view.events.filter((e) => e.type === 'account.sign_in_failed')).toHaveLength(6);
    expect(view.events.filter((e) => /locked/.test(e.summary))).toHaveLength(1);
  });

  it("shows no one another person's key and consent events", async () => {
    t = await makeTestApp();
    await issuedKey(t.app);
    const stranger = await signedInPerson(t.app);

    const view = await activity(stranger.agent);

    expect(view.consents).toEqual([]);
    expect(view.events.map((e) => e.type)).toEqual(['account.created']);
  });
});
