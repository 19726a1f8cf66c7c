import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { approvedCode, makeTestApp, type TestApp } from '../../support/test-app.js';
import { bearer, expectApiError } from '../helpers.js';
import { exchange } from './token-helpers.js';

let t: TestApp;
afterEach(() => t?.close());

describe('POST /v1/oauth/token: one-time codes (RFC 6749 §4.1.2)', () => {
  it('answers invalid_grant when the code was already used', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app);
    await exchange(t.app, code, verifier);

    const second = await exchange(t.app, code, verifier);

    expectApiError(second, 400, 'invalid_grant', /already used/);
  });

  it('revokes the key minted by the first exchange when the code is used again', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app);
    const first = await exchange(t.app, code, verifier);
    const before = await request(t.app).get('/v1/api-keys/current').set(bearer(first.body.access_token));

    await exchange(t.app, code, verifier);
    const after = await request(t.app).get('/v1/api-keys/current').set(bearer(first.body.access_token));

    expect(before.status).toBe(200);
    expectApiError(after, 401, 'invalid_token', /revoked/);
  });

  it('gives exactly one key for twenty simultaneous exchanges of one code', async () => {
    t = await makeTestApp();
    const { code, verifier, requestId } = await approvedCode(t.app);

    const results = await Promise.all(Array.from({ length: 20 }, () => exchange(t.app, code, verifier)));

    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) expectApiError(r, 400, 'invalid_grant');
    expect(t.ctx.db.data.apiKeys.filter((k) => k.consentId === requestId)).toHaveLength(1);
    expect(t.ctx.db.data.organizations.filter((o) => o.consentId === requestId)).toHaveLength(1);
  });

  it('creates a new sandbox organization, company and key for each exchange, tied to its consent', async () => {
    t = await makeTestApp();
    const a = await approvedCode(t.app);
    const b = await approvedCode(t.app);

    const [ta, tb] = await Promise.all([exchange(t.app, a.code, a.verifier), exchange(t.app, b.code, b.verifier)]);

    expect(ta.body.organization_id).not.toBe(tb.body.organization_id);
    expect(ta.body.key_id).not.toBe(tb.body.key_id);
    const orgA = t.ctx.repos.organizations.findById(ta.body.organization_id);
    expect(orgA).toMatchObject({ source: 'consent', consentId: a.requestId, userId: a.person.user.id });
    expect(t.ctx.repos.organizations.companiesOf(ta.body.organization_id)).toHaveLength(1);
    expect(t.ctx.repos.apiKeys.findById(ta.body.key_id)?.consentId).toBe(a.requestId);
    expect(t.ctx.repos.consentRequests.findById(a.requestId)?.keyId).toBe(ta.body.key_id);
  });

  it('grants the key exactly the scopes the person kept', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app, { body: { scopes: ['send', 'documents.read', 'stats'] }, keep: ['stats'] });

    const res = await exchange(t.app, code, verifier);
    const current = await request(t.app).get('/v1/api-keys/current').set(bearer(res.body.access_token));

    expect(res.body.scopes).toEqual(['stats']);
    expect(current.body.scopes).toEqual(['stats']);
  });
});
