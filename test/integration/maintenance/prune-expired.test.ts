import { afterEach, describe, expect, it } from 'vitest';
import { pruneExpired } from '../../../bff/maintenance.js';
import { approvedCode, makeTestApp, signedInPerson, startConsent, type TestApp } from '../../support/test-app.js';
import { expectApiError } from '../helpers.js';
import { exchange } from '../oauth-token/token-helpers.js';

let t: TestApp;
afterEach(() => t?.close());

const DAY = 86_400;

describe('pruning expired consent requests and codes (bff/maintenance.ts)', () => {
  it('drops a pending consent request a day after it expired, and keeps telling visitors "expired" until then', async () => {
    t = await makeTestApp();
    const { requestId } = await startConsent(t.app);
    t.clock.advance(600 + DAY - 1);
    const person = await signedInPerson(t.app); // sessions last 12 hours
    await pruneExpired(t.ctx);
    const beforeCutoff = await person.agent.get(`/bff/consent/${requestId}`);

    t.clock.advance(2);
    const removed = await pruneExpired(t.ctx);
    const afterCutoff = await person.agent.get(`/bff/consent/${requestId}`);

    expect(beforeCutoff.status).toBe(200);
    expect(beforeCutoff.body.status).toBe('expired');
    expect(removed).toBeGreaterThanOrEqual(1);
    expectApiError(afterCutoff, 404, 'consent_not_found');
  });

  it('drops expired authorization codes from memory and from the data file', async () => {
    t = await makeTestApp();
    const { code, verifier } = await approvedCode(t.app);
    t.clock.advance(600 + DAY + 1);

    await pruneExpired(t.ctx);
    const res = await exchange(t.app, code, verifier);
    t = await t.restart();

    expectApiError(res, 400, 'invalid_grant', /not recognised/);
    expect(t.ctx.db.data.authorizationCodes).toHaveLength(0);
  });

  it('keeps decided consent requests (they are the audit trail) and codes that can still be used', async () => {
    t = await makeTestApp();
    const decided = await approvedCode(t.app);
    const fresh = await approvedCode(t.app);
    t.clock.advance(600 + DAY + 1);
    const stillFresh = await approvedCode(t.app);

    await pruneExpired(t.ctx);

    expect(t.ctx.repos.consentRequests.findById(decided.requestId)?.status).toBe('approved');
    expect(t.ctx.repos.consentRequests.findById(fresh.requestId)).toBeDefined();
    expect((await exchange(t.app, stillFresh.code, stillFresh.verifier)).status).toBe(200);
  });

  it('removes nothing while requests and codes are still live', async () => {
    t = await makeTestApp();
    await startConsent(t.app);

    const removed = await pruneExpired(t.ctx);

    expect(removed).toBe(0);
  });
});
