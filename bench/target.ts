/**
 * A process under test, forked by bench/run.ts so the load generator never shares its event loop.
 *   tsx bench/target.ts hello            bare Express 5 hello-world (the baseline)
 *   tsx bench/target.ts hello-app-server the same hello-world served through createAppServer (for information)
 *   tsx bench/target.ts app              the real app (openDb + createApp, as startServer does) + IPC helpers
 * The parent talks over IPC: { id, cmd, ...args } → { id, result } or { id, error }.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import express from 'express';
import { signUp } from '../bff/accounts/accounts.js';
import { createApp } from '../bff/app.js';
import { createAppServer } from '../bff/http-server.js';
import { loadConfig } from '../bff/config.js';
import { createLogger } from '../bff/logger.js';
import { authenticateApiKey } from '../bff/keys/api-keys.js';
import { approveConsent, startConsent } from '../bff/oauth/consent-requests.js';
import { bootstrapSandbox } from '../bff/sandbox/sandbox.js';
import { openDb } from '../bff/store/db.js';
import type { UserRecord } from '../bff/store/records.js';

type Handler = (msg: Record<string, unknown>) => Promise<unknown> | unknown;
const send = (msg: unknown) => process.send?.(msg);

function serveIpc(handlers: Record<string, Handler>) {
  process.on('message', async (msg: Record<string, unknown>) => {
    try {
      const handler = handlers[String(msg.cmd)];
      if (!handler) throw new Error(`unknown command ${String(msg.cmd)}`);
      send({ id: msg.id, result: await handler(msg) });
    } catch (error) {
      send({ id: msg.id, error: (error as Error).stack ?? String(error) });
    }
  });
}

/** hello-world listens the way a bare Express app does (app.listen); the app as startServer does. */
const listen = (app: express.Express, server: Server = createServer(app)) =>
  new Promise<Server>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
const portOf = (s: Server) => (s.address() as { port: number }).port;

/** Bytes of the data file and of any companion files (shards, journal) next to it. */
function dataBytes(file: string) {
  const main = statSync(file).size;
  let companions = 0;
  let files = 1;
  try {
    for (const name of readdirSync(`${file}.d`)) {
      companions += statSync(`${file}.d/${name}`).size;
      files++;
    }
  } catch {
    // single-file layout
  }
  return { main, companions, total: main + companions, files };
}

/**
 * hello: the baseline, a stock Express 5 app as `app.listen` serves it. helloAppServer: the
 * same app served the way the real server is (createAppServer), printed for information only: it shows
 * how much of the app's lead over the stock baseline is that one change.
 */
async function hello(served: 'stock' | 'like-the-app' = 'stock') {
  const app = express();
  app.get('/', (_req, res) => {
    res.json({ hello: 'world' });
  });
  const server = await listen(app, served === 'stock' ? createServer(app) : createAppServer(app));
  serveIpc({ stop: () => setImmediate(() => process.exit(0)) });
  send({ ready: true, port: portOf(server) });
}

async function appUnderTest() {
  const config = loadConfig({ ...process.env, PORT: '0', BOOTSTRAP_RATE_LIMIT: '1000000000' });
  const started = performance.now();
  const db = await openDb(config.dataFile, { fsync: config.dataFsync });
  const openMs = performance.now() - started;
  const { app, ctx } = createApp({ config, db, logger: createLogger(config.logLevel) });
  const server = await listen(app, createAppServer(app));
  // Sampled every millisecond: at the default 10 ms a single 30 ms block reads as up to 38 ms, since
  // the histogram records the time between its timer's runs, not just the delay.
  const eld = monitorEventLoopDelay({ resolution: 1 });
  let user: UserRecord | undefined;
  let readerKey: string | undefined;

  serveIpc({
    /** A key with every scope, for the authenticated reads. */
    key: async () => (readerKey = (await bootstrapSandbox(ctx, { label: 'bench reader' })).apiKey),
    /** Median time of one commit carrying one small change (a key's lastUsedAt): the cost of a flush. */
    flushMs: async () => {
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        authenticateApiKey(ctx, readerKey!);
        const t0 = performance.now();
        await ctx.db.commit();
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[7];
    },
    /** n approved codes, each with its own PKCE verifier, made through the service layer. */
    codes: async ({ n }) => {
      user ??= await signUp(ctx, { email: `bench-${randomBytes(4).toString('hex')}@example.test`, password: 'bench password 123' });
      const out: { code: string; verifier: string }[] = [];
      for (let i = 0; i < Number(n); i += 500) {
        const chunk = Array.from({ length: Math.min(500, Number(n) - i) }, async () => {
          const verifier = randomBytes(48).toString('base64url');
          const challenge = createHash('sha256').update(verifier).digest('base64url');
          const consent = await startConsent(ctx, { client_name: 'Bench Agent', scopes: ['documents.read'], code_challenge: challenge, code_challenge_method: 'S256' });
          const decision = await approveConsent(ctx, consent.request_id, user!, ['documents.read']);
          return { code: decision.code!, verifier };
        });
        out.push(...(await Promise.all(chunk)));
      }
      await ctx.db.checkpoint(); // the exchanges are measured, not the fold of their preparation
      return out;
    },
    /** Folds the journal into the shards now, so what comes next is measured without that work. */
    checkpoint: () => ctx.db.checkpoint(),
    eldStart: () => {
      eld.reset();
      eld.enable();
    },
    eldStop: () => {
      eld.disable();
      return { maxMs: eld.max / 1e6, p99Ms: eld.percentile(99) / 1e6, meanMs: eld.mean / 1e6 };
    },
    stats: () => ({ openMs, dataFile: dataBytes(db.file), keys: ctx.db.data.apiKeys.length, rssMb: process.memoryUsage().rss / 2 ** 20 }),
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await db.close();
      setImmediate(() => process.exit(0));
    },
  });
  send({ ready: true, port: portOf(server) });
}

const modes: Record<string, () => Promise<void>> = { hello: () => hello('stock'), 'hello-app-server': () => hello('like-the-app'), app: appUnderTest };
await modes[process.argv[2] ?? '']!();
