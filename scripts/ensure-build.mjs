// Builds what `npm start` runs when it is missing or older than its sources, so `npm start` works on
// a fresh clone without a separate build step:
//   dist/web     the SPA (vite build) from web/, shared/ and vite.config.ts
//   dist/server  the server as plain JavaScript (tsc -p tsconfig.server.json) from bff/ and shared/, so
//                no start compiles TypeScript
// Run directly (`node scripts/ensure-build.mjs`) or imported by scripts/start.mjs.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isRunning } from './process-alive.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => join(root, path);

/** Latest change under these paths; folders count too, so a deleted or renamed source makes the build stale. */
function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    const stat = statSync(path);
    latest = Math.max(latest, stat.mtimeMs);
    if (stat.isDirectory()) latest = Math.max(latest, newest(readdirSync(path).map((name) => join(path, name))));
  }
  return latest;
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed`);
}

const targets = [
  {
    what: 'the web app (dist/web)',
    output: 'dist/web/index.html',
    stamp: 'dist/.web-built',
    // package-lock.json: a dependency bump (react, react-router…) must rebuild what bundles them.
    sources: ['web', 'shared', 'vite.config.ts', 'package.json', 'package-lock.json'],
    // Always a production build: run from vitest, NODE_ENV=test would otherwise give React's development
    // bundle (three times the size), and npm start would then serve it.
    build: () => run('npx', ['vite', 'build', '--logLevel', 'warn'], { NODE_ENV: 'production' }),
  },
  {
    what: 'the server (dist/server)',
    output: 'dist/server/bff/server.js',
    stamp: 'dist/.server-built',
    sources: ['bff', 'shared', 'tsconfig.json', 'tsconfig.server.json', 'package.json', 'package-lock.json'],
    build: buildServer,
  },
];

/** Emits into a fresh folder and swaps it in, so a server starting meanwhile never sees half a build. */
function buildServer() {
  // Folders left by a build that was killed (its pid is gone): nothing else removes them.
  for (const name of readdirSync(at('dist'))) {
    const pid = Number(/^\.server-(?:old-)?(\d+)$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isRunning(pid)) rmSync(at(`dist/${name}`), { recursive: true, force: true });
  }
  const fresh = at(`dist/.server-${process.pid}`);
  const old = at(`dist/.server-old-${process.pid}`);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    run(process.execPath, [tsc, '-p', 'tsconfig.server.json', '--outDir', fresh]);
    if (existsSync(at('dist/server'))) renameSync(at('dist/server'), old);
    renameSync(fresh, at('dist/server'));
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}

/**
 * A build counts once it has finished: its stamp holds the newest source time seen when it began. So
 * an edit saved while it ran, a build cut short (the stamp is removed first) or a missing output all
 * make it stale, where comparing the output's own date trusted a half-written or already outdated dist.
 */
const builtFrom = (t) => {
  try {
    return Number(readFileSync(at(t.stamp), 'utf8'));
  } catch {
    return -1;
  }
};
/** The targets to build, each with the newest source time seen now (what its stamp will record). */
const stale = (force = false) =>
  targets
    .map((target) => ({ target, sourcesAt: newest(target.sources.map(at)) }))
    .filter(({ target, sourcesAt }) => force || !existsSync(at(target.output)) || builtFrom(target) < sourcesAt);

/** Builds whatever is stale (everything with force); returns quickly (stat calls) when everything is fresh. */
export function ensureBuild({ force = false } = {}) {
  if (stale(force).length === 0) return;
  withBuildLock(() => {
    // Checked again under the lock: another process may just have built it.
    for (const { target, sourcesAt } of stale(force)) {
      console.log(`Building ${target.what}…`);
      rmSync(at(target.stamp), { force: true });
      target.build();
      writeFileSync(at(target.stamp), String(sourcesAt));
    }
  });
}

/**
 * One build at a time (test projects start servers side by side; a person may run npm start meanwhile):
 * the lock file holds its owner's pid and is taken over when that process is gone.
 */
function withBuildLock(fn) {
  const lock = at('dist/.build-lock');
  mkdirSync(at('dist'), { recursive: true });
  const giveUpAt = Date.now() + LOCK_WAIT_MS;
  let told = false;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (isAbandoned(lock)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > giveUpAt) {
        throw new Error(`Another build (pid ${ownerOf(lock)}) has held ${lock} for over ${LOCK_WAIT_MS / 60_000} minutes. If no build is running, delete that file.`);
      }
      if (!told) console.log(`Waiting for another build to finish (pid ${ownerOf(lock)}, ${lock})…`);
      told = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

const LOCK_WAIT_MS = 5 * 60_000;

function ownerOf(lock) {
  try {
    return Number(readFileSync(lock, 'utf8')) || 'unknown';
  } catch {
    return 'unknown';
  }
}

function isAbandoned(lock) {
  try {
    const owner = Number(readFileSync(lock, 'utf8'));
    // Our own pid: left by an earlier process that had it (a container restart); we are not building.
    if (owner === process.pid) return true;
    // No pid yet: its owner is between creating and writing it, unless that was a minute ago.
    return owner > 0 ? !isRunning(owner) : Date.now() - statSync(lock).mtimeMs > 60_000;
  } catch {
    return false; // released meanwhile: try again
  }
}


if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureBuild({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
