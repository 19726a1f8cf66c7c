/**
 * npm run bench: the real app next to a bare Express hello-world, same run, same machine.
 * Each process under test runs in its own child (bench/target.ts); autocannon runs here.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { printReport } from './report.js';
import { timeStartup } from './startup.js';
import { measure, startTarget, type Figures, type Target } from './targets.js';
import { buildApp, buildBaseline } from './web-size.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
/** Reads are cheap to repeat (no store to copy, no codes to prepare) and their rounds spread ±8%: more of them. */
const READ_ROUNDS = Math.max(1, Number(process.env.BENCH_READ_ROUNDS ?? 5));
const WARMUP = 1;
const GROW_TO = Number(process.env.BENCH_KEYS ?? 100_000);
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

type Eld = { maxMs: number; p99Ms: number; meanMs: number };
/** One round: a measurement and the hello-world run made just before it. */
type Round = Figures & { eld?: Eld; hello: Figures };
/** The median round (by × hello), the loop delay over all rounds, and every round's figures. */
export type Row = Round & { rounds: { rps: number; helloRps: number; times: number }[] };

let hello: Target;
const json = { method: 'POST' as const, headers: { 'content-type': 'application/json' } };

/** hello-world, then right after it the measurement (with the server's loop delay when a target is given). */
async function side(run: () => Promise<Figures>, t?: Target): Promise<Round> {
  const base = await measure({ url: hello.url, duration: SECONDS });
  if (t) await t.call('eldStart');
  const figures = await run();
  const eld = t ? await t.call<Eld>('eldStop') : undefined;
  return { ...figures, hello: base, ...(eld ? { eld } : {}) };
}

/**
 * The machines this runs on are shared: a single pair of runs moved ±20% from one minute to the next.
 * So hello-world and the measurement take turns, `count` times, each round is compared with its own
 * hello run, and the median round is reported.
 */
async function paired(round: (i: number) => Promise<Round>, count = ROUNDS): Promise<Row> {
  const rounds: Round[] = [];
  for (let i = 0; i < count; i++) rounds.push(await round(i));
  const times = (r: Round) => r.rps / r.hello.rps;
  const median = [...rounds].sort((a, b) => times(a) - times(b))[Math.floor(count / 2)]!;
  const eldMax = Math.max(...rounds.map((r) => r.eld?.maxMs ?? 0));
  return {
    ...median,
    ...(median.eld ? { eld: { ...median.eld, maxMs: eldMax } } : {}),
    rounds: rounds.map((r) => ({ rps: r.rps, helloRps: r.hello.rps, times: times(r), ...(r.eld ? { eldMaxMs: r.eld.maxMs } : {}) })),
  };
}

async function reads(t: Target, key: string) {
  const auth = { headers: { authorization: `Bearer ${key}` } };
  await measure({ url: `${t.url}/v1/documents`, duration: WARMUP, ...auth });
  return {
    scopes: await paired(() => side(() => measure({ url: `${t.url}/v1/oauth/scopes`, duration: SECONDS })), READ_ROUNDS),
    documents: await paired(() => side(() => measure({ url: `${t.url}/v1/documents`, duration: SECONDS, ...auth })), READ_ROUNDS),
  };
}

type Code = { code: string; verifier: string };
const bootstrapFor = (t: Target, opts: { duration?: number; amount?: number }) =>
  measure({ url: `${t.url}/v1/sandbox/bootstrap`, ...opts, ...json, body: '{"label":"bench"}' });
/** One token exchange per code, each with its own code and verifier. */
function exchange(t: Target, codes: Code[]) {
  let i = 0;
  return measure({
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
  });
}
/** n approved codes, made through the service layer and folded into the store before they are used. */
async function prepareCodes(t: Target, n: number): Promise<Code[]> {
  const out: Code[] = [];
  for (let i = 0; i < n; i += 20_000) out.push(...(await t.call<Code[]>('codes', { n: Math.min(20_000, n - i) })));
  return out;
}
/** As many codes as a round of exchanges can use at the bootstrap's rate, and then some. */
const codesPerRound = (bootstrap: Row) => Math.min(40_000, Math.max(100, Math.ceil(bootstrap.rps * SECONDS * 1.2)));
/** Writes a new server makes before a fresh round is measured, so its code is compiled and warm (~1 s). */
const WARM_WRITES = 6_000;

type Stats = { keys: number; dataFile: { total: number } };

/**
 * The writes, each round in a server of its own, started on its own copy of the starting store (none for a
 * fresh one) and warmed up with WARM_WRITES writes of the same kind. So every round measures the store it
 * names (a round of 2 s adds ~15,000 keys, which the next round does not see), on code that is compiled,
 * and a fresh and a grown round differ only in their store. Returns the stats of the last round's store.
 */
async function writes(dir: string, from: string | null, env: Record<string, string> = {}) {
  let stores = 0;
  let last: { stats: Stats; dataFile: string } | undefined;
  async function onItsOwnStore(round: (t: Target) => Promise<Round>): Promise<Round> {
    const dataFile = join(dir, `store-${++stores}`, 'exchange.json');
    if (last) rmSync(dirname(last.dataFile), { recursive: true, force: true });
    if (from) {
      mkdirSync(dirname(dataFile), { recursive: true });
      cpSync(from, dataFile);
      cpSync(`${from}.d`, `${dataFile}.d`, { recursive: true });
    }
    const t = await startTarget('app', { ...env, DATA_FILE: dataFile });
    try {
      const result = await round(t);
      last = { stats: await t.call<Stats>('stats'), dataFile };
      return result;
    } finally {
      await t.stop();
    }
  }
  const bootstrap = await paired(() =>
    onItsOwnStore(async (t) => {
      await bootstrapFor(t, { amount: WARM_WRITES });
      await t.call('checkpoint');
      return side(() => bootstrapFor(t, { duration: SECONDS }), t);
    }),
  );
  const n = codesPerRound(bootstrap);
  const token = await paired((round) =>
    onItsOwnStore(async (t) => {
      log(`preparing ${n + WARM_WRITES} approved codes (round ${round + 1} of ${ROUNDS})`);
      const codes = await prepareCodes(t, n + WARM_WRITES);
      await exchange(t, codes.slice(0, WARM_WRITES));
      await t.call('checkpoint');
      return side(() => exchange(t, codes.slice(WARM_WRITES)), t);
    }),
  );
  return { bootstrap, token, after: last! };
}

/**
 * Grows the store to `total` keys the way agents would: half through POST /v1/sandbox/bootstrap (each a
 * sandbox organization, company and sample documents) and half through token exchanges, over HTTP.
 */
async function grow(t: Target, total: number) {
  const started = performance.now();
  const have = (await t.call<{ keys: number }>('stats')).keys;
  const need = Math.max(0, total - have);
  const viaBootstrap = Math.ceil(need / 2);
  const bootstrapped = await bootstrapFor(t, { amount: viaBootstrap });
  let exchanged = 0;
  for (let left = need - viaBootstrap; left > 0; left -= 20_000) {
    const codes = await prepareCodes(t, Math.min(20_000, left));
    exchanged += (await exchange(t, codes)).ok;
  }
  const failed = need - bootstrapped.ok - exchanged;
  if (failed > 0) throw new Error(`growing the store: ${failed} of ${need} writes were not answered with 2xx`);
  const ms = performance.now() - started;
  // Measure the store as it stands with 100k keys, not while it folds the load into its shards.
  const foldStarted = performance.now();
  await t.call('checkpoint');
  return { ms, foldMs: performance.now() - foldStarted, viaBootstrap: bootstrapped.ok, viaToken: exchanged };
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
  log('hello-world served the way the app is (for information)');
  const likeApp = await startTarget('hello-app-server');
  await measure({ url: likeApp.url, duration: WARMUP });
  const helloLikeApp = await paired(() => side(() => measure({ url: likeApp.url, duration: SECONDS })));
  await likeApp.stop();

  // The fresh and the grown measurements are made alike: a server started on its store, warmed up
  // with reads, then the reads, then the writes (each kind warmed up first). Only the store differs.
  const freshFile = join(dir, 'fresh', 'exchange.json');
  log(`app on a fresh store (${freshFile})`);
  const app = await startTarget('app', { DATA_FILE: freshFile });
  const freshReads = await reads(app, await app.call<string>('key'));
  const freshFlushMs = await flushMs(app);
  const freshStats = await app.call('stats');
  await app.stop();
  log('writes, each round on a new store');
  const { after: _freshAfter, ...freshWrites } = await writes(join(dir, 'fresh-writes'), null);
  const fresh = { ...freshReads, ...freshWrites, flushMs: freshFlushMs, stats: freshStats };

  const grownFile = join(dir, 'grown', 'exchange.json');
  log(`growing a store to ${GROW_TO} keys through bootstraps and token exchanges (${grownFile})`);
  const builder = await startTarget('app', { DATA_FILE: grownFile });
  const grown0 = await grow(builder, GROW_TO);
  const grownStats = await builder.call<Stats & { dataFile: { main: number; files: number } }>('stats');
  await builder.stop();
  log(`store grown to ${grownStats.keys} keys in ${Math.round(grown0.ms)} ms; reads on a server started on a copy of it`);
  const readsFile = join(dir, 'grown-reads', 'exchange.json');
  mkdirSync(dirname(readsFile), { recursive: true });
  cpSync(grownFile, readsFile);
  cpSync(`${grownFile}.d`, `${readsFile}.d`, { recursive: true });
  const grownApp = await startTarget('app', { DATA_FILE: readsFile });
  const grownReads = await reads(grownApp, await grownApp.call<string>('key'));
  const grownFlushMs = await flushMs(grownApp);
  await grownApp.stop();
  log('writes, each round on a new copy of the grown store');
  const { after, ...grownWrites } = await writes(join(dir, 'grown-writes'), grownFile);
  const grown = { ...grownReads, ...grownWrites, flushMs: grownFlushMs, stats: after.stats };

  // Start-up is timed on the store exactly as grown (the goal's "100,000 keys stored"), and again on the
  // bigger store the last grown write round left behind.
  log("start-up: npm start's command on the grown store, on the store after a grown write round, on an empty one");
  const startup = {
    grown: { ...(await timeStartup(grownFile)), keys: grownStats.keys, bytes: grownStats.dataFile.total },
    after: { ...(await timeStartup(after.dataFile)), keys: after.stats.keys, bytes: after.stats.dataFile.total },
    empty: await timeStartup(join(dir, 'empty', 'exchange.json')),
  };

  log('DATA_FSYNC=1 on a fresh store');
  const syncApp = await startTarget('app', { DATA_FILE: join(dir, 'fsync', 'exchange.json'), DATA_FSYNC: '1' });
  await syncApp.call('key');
  const syncFlushMs = await flushMs(syncApp);
  await syncApp.stop();
  const { after: _syncAfter, ...syncWrites } = await writes(join(dir, 'fsync-writes'), null, { DATA_FSYNC: '1' });
  const fsync = { ...syncWrites, flushMs: syncFlushMs };

  const helloAfter = await measure({ url: hello.url, duration: SECONDS });
  await hello.stop();
  rmSync(dir, { recursive: true, force: true });

  const results = {
    at: new Date().toISOString(),
    seconds: SECONDS,
    keys: GROW_TO,
    hello: { before: helloBefore, after: helloAfter, likeApp: helloLikeApp },
    fresh,
    grow: { ...grown0, stats: grownStats },
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
