import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../bff/crypto.js';
import { approvedCode, makeTestApp, ORIGIN, signedInPerson, startConsent, type TestApp } from '../../support/test-app.js';
import { bearer, bootstrap } from '../helpers.js';
import { exchange } from '../oauth-token/token-helpers.js';
import { everythingOnDisk } from './on-disk.js';

let t: TestApp;
afterEach(() => t?.close());

describe('persistence across a restart on the same DATA_FILE', () => {
  it('keeps users: the person can sign in again', async () => {
    t = await makeTestApp();
    const { email } = await signedInPerson(t.app);
    t = await t.restart();

    const res = await request(t.app).post('/bff/session').set('Origin', ORIGIN).send({ email, password: 'correct horse battery' });

    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(email);
  });

  it('keeps keys: a key minted before the restart still authenticates', async () => {
    t = await makeTestApp();
    const { apiKey, organizationId } = await bootstrap(t.app);
    t = await t.restart();

    const res = await request(t.app).get('/v1/api-keys/current').set(bearer(apiKey));

    expect(res.status).toBe(200);
    expect(res.body.organizationId).toBe(organizationId);
  });

  it('keeps revocations: a key revoked before the restart stays revoked', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);
    const { body } = await request(t.app).get('/v1/api-keys/current').set(bearer(apiKey));
    await request(t.app).delete(`/v1/api-keys/${body.id}`).set(bearer(apiKey));
    t = await t.restart();

    const res = await request(t.app).get('/v1/api-keys/current').set(bearer(apiKey));

    expect(res.status).toBe(401);
    expect(res.body.error_description).toMatch(/revoked/);
  });

  it('keeps consents: a pending request can be approved and its code exchanged after a restart', async () => {
    t = await makeTestApp();
    const consent = await startConsent(t.app);
    t = await t.restart();
    const person = await signedInPerson(t.app);

    const approve = await person.agent.post(`/bff/consent/${consent.requestId}/approve`).set('Origin', ORIGIN).send({ scopes: ['send'] });
    t = await t.restart();
    const token = await exchange(t.app, approve.body.code, consent.verifier);

    expect(approve.status).toBe(200);
    expect(token.status).toBe(200);
  });

  it('keeps used codes: a replay after a restart is still refused and still revokes', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app);
    const first = await exchange(t.app, code, verifier);
    t = await t.restart();

    const replay = await exchange(t.app, code, verifier);
    const key = await request(t.app).get('/v1/api-keys/current').set(bearer(first.body.access_token));

    expect(replay.body.error).toBe('invalid_grant');
    expect(key.status).toBe(401);
  });
});

describe('durability: a response that reports a change is sent after the change is on disk', () => {
  it('has the new key’s hash on disk as soon as bootstrap answers', async () => {
    t = await makeTestApp();

    const { apiKey } = await bootstrap(t.app);
    const disk = await everythingOnDisk(t.dataFile);

    expect(disk).toContain(sha256Hex(apiKey));
  });

  it('has the consent request on disk as soon as authorize answers', async () => {
    t = await makeTestApp();

    const { requestId } = await startConsent(t.app);
    const disk = await everythingOnDisk(t.dataFile);

    expect(disk).toContain(requestId);
  });

  it('has the revocation on disk as soon as DELETE answers', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);
    const { body } = await request(t.app).get('/v1/api-keys/current').set(bearer(apiKey));
    t.clock.advance(60);

    await request(t.app).delete(`/v1/api-keys/${body.id}`).set(bearer(apiKey));
    const disk = await everythingOnDisk(t.dataFile);

    expect(disk).toMatch(new RegExp(`"revokedAt":\\s*"${new Date(t.clock.now()).toISOString()}"`));
  });

  it('never writes a plain key, authorization code, verifier or password to disk', async () => {
    t = await makeTestApp();
    const { apiKey } = await bootstrap(t.app);
    const { code, verifier, token } = await (async () => {
      const approved = await approvedCode(t.app);
      const res = await exchange(t.app, approved.code, approved.verifier);
      return { ...approved, token: res.body.access_token as string };
    })();

    await t.close();
    const disk = await everythingOnDisk(t.dataFile);

    for (const secret of [apiKey, token, code, verifier, 'correct horse battery']) expect(disk).not.toContain(secret);
    expect(disk).toContain(sha256Hex(code));
  });
});
