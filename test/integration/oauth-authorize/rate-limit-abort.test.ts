import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, pkcePair, type TestApp } from '../../support/test-app.js';

let t: TestApp;
let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server?.listening ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  await t?.close();
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error('timed out');
};

describe('authorize rate limit and clients that hang up', () => {
  it('counts a consent request that was stored even when the client hung up before the answer', async () => {
    t = await makeTestApp({ AUTHORIZE_RATE_LIMIT: '2' });
    // The commit is held until the client has gone, as under load or with DATA_FSYNC=1.
    const commit = t.ctx.db.commit.bind(t.ctx.db);
    let release: () => void = () => undefined;
    t.ctx.db.commit = () => new Promise<void>((resolve) => (release = resolve)).then(commit);
    server = createServer(t.app);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const body = JSON.stringify({ client_name: 'Hang-up Agent', scopes: ['documents.read'], code_challenge: pkcePair().challenge, code_challenge_method: 'S256' });

    for (let i = 1; i <= 5; i++) {
      const before = t.ctx.db.data.consentRequests.length;
      let answered = false;
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.on('data', () => (answered = true)); // refused (429) without storing anything
      socket.write(`POST /v1/oauth/authorize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
      await until(() => answered || t.ctx.db.data.consentRequests.length > before);
      socket.resetAndDestroy();
      await new Promise((r) => setTimeout(r, 50)); // the server sees the hang-up
      release();
    }
    t.ctx.db.commit = commit;

    // Two stored already: the limit of 2 is reached, whatever became of the answers.
    const next = await request(t.app).post('/v1/oauth/authorize').send(JSON.parse(body));
    expect(next.status).toBe(429);
    expect(t.ctx.db.data.consentRequests).toHaveLength(2);
  });
});
