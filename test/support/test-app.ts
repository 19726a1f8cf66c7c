import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../bff/app.js';
import { loadConfig, type Config } from '../../bff/config.js';
import { createLogger } from '../../bff/logger.js';
import { openDb } from '../../bff/store/db.js';

export const PUBLIC_URL = 'http://localhost:8787';
export const ORIGIN = PUBLIC_URL;
export const T0 = Date.parse('2026-12-03T10:00:00.000Z');

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public ms = T0) {}
  now = () => this.ms;
  advance(seconds: number) {
    this.ms += seconds * 1000;
  }
}

export interface TestApp {
  app: Express;
  config: Config;
  clock: ManualClock;
  dataFile: string;
  logs: string[];
  ctx: ReturnType<typeof createApp>['ctx'];
  /** A new app on the same data file, as after a restart (the old one is closed first). */
  restart(): Promise<TestApp>;
  close(): Promise<void>;
}

/** createApp on a fresh temporary data file, a manual clock and a captured log. */
export async function makeTestApp(env: Record<string, string> = {}, dataFile?: string, clock = new ManualClock()): Promise<TestApp> {
  const file = dataFile ?? join(await mkdtemp(join(tmpdir(), 'flowie-test-')), 'exchange.json');
  const config = loadConfig({ PUBLIC_URL, DATA_FILE: file, LOG_LEVEL: 'info', ...env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const db = await openDb(file);
  const { app, ctx } = createApp({ config, db, logger: createLogger('info', sink), clock: clock.now, webRoot: join(tmpdir(), 'no-web-build') });
  const self: TestApp = {
    app,
    config,
    clock,
    dataFile: file,
    logs,
    ctx,
    close: () => db.close(),
    async restart() {
      await db.close();
      return makeTestApp(env, file, clock);
    },
  };
  return self;
}

/** RFC 7636 §4.1 verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url').slice(0, 64);
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

let emailCounter = 0;
/** Signs up a new person; the returned supertest agent carries their session cookie. */
export async function signedInPerson(app: Express, email = `person${++emailCounter}@example.test`) {
  const agent = request.agent(app);
  const res = await agent.post('/bff/accounts').set('Origin', ORIGIN).send({ email, password: 'correct horse battery' });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { agent, email, user: res.body.user as { id: string; email: string } };
}

export async function startConsent(app: Express, body: Record<string, unknown> = {}) {
  const pkce = pkcePair();
  const res = await request(app)
    .post('/v1/oauth/authorize')
    .send({ client_name: 'Test Agent', scopes: ['send', 'documents.read'], code_challenge: pkce.challenge, code_challenge_method: 'S256', ...body });
  if (res.status !== 200) throw new Error(`authorize failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...pkce, requestId: res.body.request_id as string, response: res.body };
}

/** Agent starts a consent, a new person approves `keep` (default: all requested), returns the code. */
export async function approvedCode(app: Express, opts: { body?: Record<string, unknown>; keep?: string[] } = {}) {
  const consent = await startConsent(app, opts.body);
  const person = await signedInPerson(app);
  const view = await person.agent.get(`/bff/consent/${consent.requestId}`);
  const keep = opts.keep ?? (view.body.scopes as { name: string }[]).map((s) => s.name);
  const decision = await person.agent.post(`/bff/consent/${consent.requestId}/approve`).set('Origin', ORIGIN).send({ scopes: keep });
  if (decision.status !== 200) throw new Error(`approve failed: ${decision.status} ${JSON.stringify(decision.body)}`);
  const code = (decision.body.code ?? new URL(decision.body.redirect_to).searchParams.get('code')) as string;
  return { ...consent, person, code, decision: decision.body };
}

/** The whole flow: returns a working access token. */
export async function issuedKey(app: Express, opts: { body?: Record<string, unknown>; keep?: string[] } = {}) {
  const approved = await approvedCode(app, opts);
  const token = await request(app)
    .post('/v1/oauth/token')
    .send({ grant_type: 'authorization_code', code: approved.code, code_verifier: approved.verifier, ...(opts.body?.redirect_uri ? { redirect_uri: opts.body.redirect_uri } : {}) });
  if (token.status !== 200) throw new Error(`token failed: ${token.status} ${JSON.stringify(token.body)}`);
  return { ...approved, token: token.body };
}
