/**
 * Start-up as a person gets it: the command `npm start` runs (node scripts/start.mjs: the build check,
 * then the compiled server), timed from spawn to the first /healthz 200.
 */
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ensureBuild, freePort, START_ARGS } from '../test/e2e/support/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;
const POLL_MS = 10;
const GIVE_UP_MS = 30_000;

export interface Startup {
  /** Median of the runs, ms from spawn to the first /healthz 200. */
  wallMs: number;
  runsMs: number[];
}

/** The status /healthz answers, 0 while nothing listens. */
const healthz = (port: number) =>
  new Promise<number>((resolve) => {
    get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', () => resolve(0));
  });

async function timeOnce(dataFile: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, START_ARGS, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_FILE: dataFile, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let status = 0; status !== 200; ) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before /healthz answered`);
    if (performance.now() - t0 > GIVE_UP_MS) throw new Error(`/healthz did not answer 200 within ${GIVE_UP_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    status = await healthz(port);
  }
  const ms = performance.now() - t0;
  child.kill('SIGTERM');
  await exited;
  return ms;
}

/** Median of `runs` start-ups on the same data file; the build is made first, so no run pays for it. */
export async function timeStartup(dataFile: string, runs = RUNS): Promise<Startup> {
  ensureBuild();
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) runsMs.push(await timeOnce(dataFile));
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { wallMs: sorted[Math.floor(sorted.length / 2)]!, runsMs };
}
