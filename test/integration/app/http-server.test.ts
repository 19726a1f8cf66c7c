import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServer } from '../../../bff/http-server.js';
import { makeTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => (s.listening ? s.close(resolve) : resolve(undefined)))));
  await t?.close();
});

function track(server: Server): Server {
  servers.push(server);
  return server;
}

/** Status, body and the headers that do not vary from one answer to the next. */
async function answer(server: Server, send: (agent: ReturnType<typeof request>) => request.Test) {
  const res = await send(request(server));
  const { date: _date, 'x-request-id': _id, ...headers } = res.headers as Record<string, string>;
  return { status: res.status, body: res.body as unknown, headers };
}

describe('the HTTP server npm start listens with', () => {
  it("creates every request and response with the Express app's own prototypes, so Express has nothing to re-parent", async () => {
    t = await makeTestApp();
    const server = track(createAppServer(t.app));
    const seen: boolean[] = [];
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      seen.push(Object.getPrototypeOf(req) === t.app.request, Object.getPrototypeOf(res) === t.app.response);
    });

    const res = await request(server).get('/healthz');

    expect(res.status).toBe(200);
    expect(seen).toEqual([true, true]);
  });

  it('answers a JSON body, a bad body, an authenticated read and an unknown path exactly as a plain Node server does', async () => {
    t = await makeTestApp();
    const plain = track(createServer(t.app));
    const born = track(createAppServer(t.app));
    const bad = (a: ReturnType<typeof request>) => a.post('/v1/sandbox/bootstrap').set('content-type', 'application/json').send('{"label":');
    const missing = (a: ReturnType<typeof request>) => a.get('/v1/nothing-here');

    const [plainBad, bornBad] = [await answer(plain, bad), await answer(born, bad)];
    const [plainMissing, bornMissing] = [await answer(plain, missing), await answer(born, missing)];
    const created = await request(born).post('/v1/sandbox/bootstrap').send({ label: 'born' });
    const docs = await request(born).get('/v1/documents?limit=2').set('authorization', `Bearer ${created.body.apiKey as string}`);

    expect(bornBad).toEqual(plainBad);
    expect(bornBad.status).toBe(400);
    expect(bornMissing).toEqual(plainMissing);
    expect(bornMissing.status).toBe(404);
    expect(created.status).toBe(200);
    expect(created.body.company.name).toBe('Sandbox Test BVBA');
    expect(docs.status).toBe(200);
    expect(docs.body.data).toHaveLength(2);
  });
});
