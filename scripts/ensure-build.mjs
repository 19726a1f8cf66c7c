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
    sources: ['web', 'shared', 'vite.config.ts'],
    // Always a production build: run from vitest, NODE_ENV=test would otherwise give React's development
    // bundle (three times the size), and npm start would then serve it.
    build: () => run('npx', ['vite', 'build', '--logLevel', 'warn'], { NODE_ENV: 'production' }),
  },
  {
    what: 'the server (dist/server)',
    output: 'dist/server/bff/server.js',
    sources: ['bff', 'shared', 'tsconfig.json', 'tsconfig.server.json'],
    build: buildServer,
  },
];

/** Emits into a fresh folder and swaps it in, so a server starting meanwhile never sees half a build. */
function buildServer() {
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

const stale = () => targets.filter((t) => !existsSync(at(t.output)) || statSync(at(t.output)).mtimeMs < newest(t.sources.map(at)));

/** Builds whatever is stale; returns quickly (a few ms of stat calls) when everything is fresh. */
export function ensureBuild() {
  if (stale().length === 0) return;
  withBuildLock(() => {
    // Checked again under the lock: another process may just have built it.
    for (const target of stale()) {
      console.log(`Building ${target.what}…`);
      target.build();
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
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (isAbandoned(lock)) rmSync(lock, { force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

function isAbandoned(lock) {
  try {
    const owner = Number(readFileSync(lock, 'utf8'));
    // No pid yet: its owner is between creating and writing it, unless that was a minute ago.
    return owner > 0 ? !isRunning(owner) : Date.now() - statSync(lock).mtimeMs > 60_000;
  } catch {
    return false; // released meanwhile: try again
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureBuild();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
