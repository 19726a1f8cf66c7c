/**
 * npm run bench: the real app next to a bare Express hello-world, same run, same machine.
 * Each process under test runs in its own child (bench/target.ts); autocannon runs here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printReport } from './report.js';
import { timeStartup } from './startup.js';
import { measure, startTarget, type Figures, type Target } from './targets.js';
import { buildApp, buildBaseline } from './web-size.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const WARMUP = 1;
const GROW_TO = Number(process.env.BENCH_KEYS ?? 100_000);
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

type Eld = { maxMs: number; p99Ms: number; meanMs: number };
/** A measurement, with the hello-world measured just before it: its × hello is against that run. */
export type Row = Figures & { eld?: Eld; hello: Figures };

let hello: Target;
/** The baseline again, right before a measurement, so a machine that slows down or speeds up mid-run moves both. */
const helloNow = () => measure({ url: hello.url, duration: SECONDS });

async function reads(t: Target, key: string) {
  const auth = { headers: { authorization: `Bearer ${key}` } };
  await measure({ url: `${t.url}/v1/documents`, duration: WARMUP, ...auth });
  const base = await helloNow();
  return {
    scopes: { ...(await measure({ url: `${t.url}/v1/oauth/scopes`, duration: SECONDS })), hello: base },
    documents: { ...(await measure({ url: `${t.url}/v1/documents`, duration: SECONDS, ...auth })), hello: base },
  };
}

async function withEld(t: Target, run: () => Promise<Figures>): Promise<Row> {
  const base = await helloNow();
  await t.call('eldStart');
  const figures = await run();
  return { ...figures, eld: await t.call<Eld>('eldStop'), hello: base };
}

/** Bootstrap for SECONDS, then as many token exchanges as that rate suggests, each with its own code. */
async function writes(t: Target) {
  const json = { method: 'POST' as const, headers: { 'content-type': 'application/json' } };
  const bootstrap = await withEld(t, () => measure({ url: `${t.url}/v1/sandbox/bootstrap`, duration: SECONDS, ...json, body: '{"label":"bench"}' }));
  const n = Math.min(40_000, Math.max(100, Math.ceil(bootstrap.rps * SECONDS * 1.2)));
  log(`preparing ${n} approved codes`);
  const codes = await t.call<{ code: string; verifier: string }[]>('codes', { n });
  let i = 0;
  const token = await withEld(t, () =>
    measure({
      url: t.url,
      amount: codes.length,
      requests: [{
        path: '/v1/oauth/token',
        ...json,
        setupRequest: (req) => {
          const c = codes[i++ % codes.length]!;
          return { ...req, body: JSON.stringify({ grant_type: 'authorization_code', code: c.code, code_verifier: c.verifier }) };
        },
      }],
    }),
  );
  return { bootstrap, token };
}

const flushMs = (t: Target) => t.call<number>('flushMs');

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'flowie-bench-'));
  log('building web app and bare Vite + React baseline');
  const web = { app: buildApp(), baseline: buildBaseline() };

  log('hello-world');
  hello = await startTarget('hello');
  await measure({ url: hello.url, duration: WARMUP });
  const helloBefore = await measure({ url: hello.url, duration: SECONDS });

  const dataFile = join(dir, 'fresh', 'exchange.json');
  log(`app on a fresh store (${dataFile})`);
  const app = await startTarget('app', { DATA_FILE: dataFile });
  const key = await app.call<string>('key');
  const fresh = { ...(await reads(app, key)), ...(await writes(app)), flushMs: await flushMs(app), stats: await app.call('stats') };

  log(`growing the store to ${GROW_TO} keys`);
  const grow = await app.call('grow', { total: GROW_TO });
  const grownStats = await app.call('stats');
  // Start-up is timed on the store exactly as grown (the goal's "100,000 keys stored"), and again on the
  // bigger store the grown runs below leave behind.
  const snapshotFile = join(dir, 'snapshot', 'exchange.json');
  mkdirSync(join(dir, 'snapshot'), { recursive: true });
  const snapshot = await app.call<{ keys: number; dataFile: { total: number } }>('snapshot', { to: snapshotFile });
  const grown = { ...(await reads(app, key)), ...(await writes(app)), flushMs: await flushMs(app), stats: await app.call('stats') };
  await app.stop();

  log("start-up: npm start's command on the grown store, on the store after the grown runs, on an empty one");
  const after = grown.stats as { keys: number; dataFile: { total: number } };
  const startup = {
    grown: { ...(await timeStartup(snapshotFile)), keys: snapshot.keys, bytes: snapshot.dataFile.total },
    after: { ...(await timeStartup(dataFile)), keys: after.keys, bytes: after.dataFile.total },
    empty: await timeStartup(join(dir, 'empty', 'exchange.json')),
  };

  log('DATA_FSYNC=1 on a fresh store');
  const syncApp = await startTarget('app', { DATA_FILE: join(dir, 'fsync', 'exchange.json'), DATA_FSYNC: '1' });
  await syncApp.call('key');
  const fsync = { ...(await writes(syncApp)), flushMs: await flushMs(syncApp) };
  await syncApp.stop();

  const helloAfter = await measure({ url: hello.url, duration: SECONDS });
  await hello.stop();
  rmSync(dir, { recursive: true, force: true });

  const results = {
    at: new Date().toISOString(),
    seconds: SECONDS,
    keys: GROW_TO,
    hello: { before: helloBefore, after: helloAfter },
    fresh,
    grow: { ...(grow as object), stats: grownStats },
    grown,
    fsync,
    startup,
    web,
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  printReport(results as unknown as Parameters<typeof printReport>[0]);
  log(`figures written to ${join(RESULTS, 'latest.json')}`);
}

await main();
