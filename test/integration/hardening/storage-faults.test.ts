import { readdir, readFile } from 'node:fs/promises';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TextFile } from 'lowdb/node';
import { JournalWriter } from '../../../bff/store/journal.js';
import { openDb } from '../../../bff/store/db.js';
import { issuedKey, makeTestApp, ORIGIN, startConsent, type TestApp } from '../../support/test-app.js';
import { bearer, bootstrap, expectApiError } from '../helpers.js';

/**
 * The disk fills up or goes read-only while the service runs. The fault is injected where the store
 * writes (the journal append): half of the batch reaches the file, then the write fails, as a real
 * ENOSPC does. Root ignores chmod, so permissions cannot simulate it.
 */
let t: TestApp;
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

function injectWriteFault(code: 'ENOSPC' | 'EROFS') {
  const original = JournalWriter.prototype.append;
  return vi.spyOn(JournalWriter.prototype, 'append').mockImplementation(async function (this: JournalWriter, text: string) {
    await original.call(this, text.slice(0, Math.floor(text.length / 2))); // a torn write, cut mid-line
    throw Object.assign(new Error(`${code}: simulated, write`), { code, syscall: 'write' });
  });
}

/** Every file beside DATA_FILE parses; a journal may end in one torn line, which start-up drops. */
async function expectDataParses(dataFile: string) {
  JSON.parse(await readFile(dataFile, 'utf8'));
  const dir = `${dataFile}.d`;
  for (const name of await readdir(dir)) {
    const text = await readFile(`${dir}/${name}`, 'utf8');
    if (name.endsWith('.json')) JSON.parse(text);
    else text.split('\n').slice(0, -1).forEach((line) => JSON.parse(line));
  }
}

/** What a fresh process would load from disk right now (the running one is not stopped). */
const reopened = (dataFile: string) => openDb(dataFile);

describe.each(['ENOSPC', 'EROFS'] as const)('when the data folder fails with %s', (code) => {
  it('answers writes with 503 temporarily_unavailable JSON and Retry-After, and reads keep working', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '1000' });
    const { apiKey } = await bootstrap(t.app);
    injectWriteFault(code);

    const write = await request(t.app).post('/v1/sandbox/bootstrap').send({});
    const authorize = await request(t.app)
      .post('/v1/oauth/authorize')
      .send({ client_name: 'A', scopes: ['send'], code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' });
    const read = await request(t.app).get('/v1/api-keys/current').set(bearer(apiKey));

    expectApiError(write, 503, 'temporarily_unavailable', /cannot save data/);
    expect(Number(write.headers['retry-after'])).toBeGreaterThan(0);
    expectApiError(authorize, 503, 'temporarily_unavailable');
    expect(write.text).not.toMatch(new RegExp(code)); // no internals leaked
    expect(read.status).toBe(200);
  });

  it('leaves the data on disk parseable, with every record acknowledged before the fault', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '1000' });
    const acknowledged = await Promise.all(Array.from({ length: 5 }, () => bootstrap(t.app)));
    const issued = await issuedKey(t.app);
    injectWriteFault(code);

    await Promise.all(Array.from({ length: 5 }, () => request(t.app).post('/v1/sandbox/bootstrap').send({})));
    await request(t.app).delete(`/bff/keys/${issued.token.key_id}`).set('Origin', ORIGIN).set('Cookie', await sessionCookie(issued.person.agent));

    await expectDataParses(t.dataFile);
    const onDisk = await reopened(t.dataFile);
    const ids = new Set(onDisk.data.apiKeys.map((k) => k.organizationId));
    for (const sandbox of acknowledged) expect(ids.has(sandbox.organizationId)).toBe(true);
    expect(onDisk.data.apiKeys.find((k) => k.id === issued.token.key_id)?.revokedAt).toBeNull();
  });

  it('works again once the fault clears: new writes succeed and survive a restart, old keys still work', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '1000' });
    const before = await bootstrap(t.app);
    const fault = injectWriteFault(code);
    const refused = await request(t.app).post('/v1/sandbox/bootstrap').send({});
    fault.mockRestore();

    const after = await bootstrap(t.app);
    t = await t.restart();
    const uses = await Promise.all([before, after].map((s) => request(t.app).get('/v1/api-keys/current').set(bearer(s.apiKey))));

    expect(refused.status).toBe(503);
    expect(uses.map((r) => r.status)).toEqual([200, 200]);
    await expectDataParses(t.dataFile);
  });

  it('a revoke refused with 503 can be retried once the fault clears, and stays revoked after a restart', async () => {
    t = await makeTestApp();
    const { person, token } = await issuedKey(t.app);
    const fault = injectWriteFault(code);
    const refused = await person.agent.delete(`/bff/keys/${token.key_id}`).set('Origin', ORIGIN);
    fault.mockRestore();

    const retried = await person.agent.delete(`/bff/keys/${token.key_id}`).set('Origin', ORIGIN);
    t = await t.restart();
    const use = await request(t.app).get('/v1/api-keys/current').set(bearer(token.access_token));

    expectApiError(refused, 503, 'temporarily_unavailable');
    expect(retried.status).toBe(204);
    expectApiError(use, 401, 'invalid_token', /revoked/);
  });

  it('never acknowledges a request whose change is not on disk: a success after the fault carries the earlier changes with it', async () => {
    t = await makeTestApp();
    const { requestId } = await startConsent(t.app);
    const fault = injectWriteFault(code);
    const refused = await request(t.app)
      .post('/v1/oauth/authorize')
      .send({ client_name: 'B', scopes: ['send'], code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' });
    fault.mockRestore();

    const ok = await startConsent(t.app);
    const onDisk = await reopened(t.dataFile);

    expect(refused.status).toBe(503);
    const ids = onDisk.data.consentRequests.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([requestId, ok.requestId]));
    for (const collection of ['consentRequests', 'auditEvents', 'apiKeys', 'users', 'sessions'] as const) {
      expect(JSON.stringify(onDisk.data[collection]), `${collection}: memory and disk agree once anyone is answered`).toBe(JSON.stringify(t.ctx.db.data[collection]));
    }
  });
});

describe('when folding the journal into the shards fails', () => {
  const failShardWrites = () =>
    vi.spyOn(TextFile.prototype, 'write').mockImplementation(async () => {
      throw Object.assign(new Error('ENOSPC: simulated, write'), { code: 'ENOSPC' });
    });

  it('keeps serving: a fold that fails in the background neither stops the process nor fails requests', async () => {
    const crashed = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '1000' });
    const before = await Promise.all(Array.from({ length: 5 }, () => bootstrap(crashed.app)));
    // Not closed, as after a crash: the next process replays the journal and folds it at its first commit.
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '1000' }, crashed.dataFile, crashed.clock);
    const fault = failShardWrites();

    const during = await Promise.all(Array.from({ length: 5 }, () => bootstrap(t.app)));
    await new Promise((r) => setTimeout(r, 200)); // the fold runs and fails meanwhile
    const after = await bootstrap(t.app);
    const failedWrites = fault.mock.calls.length;
    fault.mockRestore();
    t = await t.restart();
    const uses = await Promise.all([...before, ...during, after].map((s) => request(t.app).get('/v1/api-keys/current').set(bearer(s.apiKey))));

    expect(failedWrites).toBeGreaterThan(0);
    expect(uses.every((r) => r.status === 200)).toBe(true);
    await expectDataParses(t.dataFile);
  });

  it('keeps the journal and every acknowledged record; the old shards stay whole', async () => {
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '1000' });
    const acknowledged = await Promise.all(Array.from({ length: 8 }, () => bootstrap(t.app)));
    const fault = failShardWrites();

    const closing = t.close(); // close() folds the journal into the shards
    await expect(closing).rejects.toMatchObject({ code: 'ENOSPC' });
    fault.mockRestore();
    t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '1000' }, t.dataFile, t.clock);
    const uses = await Promise.all(acknowledged.map((s) => request(t.app).get('/v1/api-keys/current').set(bearer(s.apiKey))));

    expect(uses.every((r) => r.status === 200)).toBe(true);
    await expectDataParses(t.dataFile);
  });
});

async function sessionCookie(agent: ReturnType<typeof request.agent>): Promise<string> {
  const jar = (agent as unknown as { jar: { getCookies: (o: object) => { toValueString(): string }[] } }).jar;
  return jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false }).map((c) => c.toValueString()).join('; ');
}
