// `npm run dev`: the BFF (restarting on change) and Vite with hot reload, which proxies /bff and /v1 to it.
import { spawn } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isRunning } from './process-alive.mjs';

// The API would refuse a DATA_FILE another server holds, and `tsx watch` would then sit waiting for a
// change while Vite served pages with nothing behind them: say so and start neither.
const dataFile = resolve(process.env.DATA_FILE ?? 'data/exchange.json');
let realDataFile = dataFile;
try {
  realDataFile = realpathSync(dataFile);
} catch {
  try {
    realDataFile = join(realpathSync(dirname(dataFile)), basename(dataFile));
  } catch {
    // its folder does not exist yet: nobody holds it
  }
}
let owner = 0;
try {
  owner = Number(readFileSync(`${realDataFile}.lock`, 'utf8').trim());
} catch {
  // no lock: free
}
if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
  console.error(
    `The data file ${realDataFile} is in use by another running server (pid ${owner}), perhaps \`npm start\`. ` +
      'Stop it first, or give this one its own: DATA_FILE=data/dev.json npm run dev',
  );
  process.exit(1);
}

// Consent links should open the hot-reloading pages, not the API port.
const env = { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://127.0.0.1:5173' };
// Each in its own process group, so stopping reaches what npx and tsx start below them too (a SIGTERM
// to npx alone left vite and the server running, holding their ports).
const api = spawn('npx', ['tsx', 'watch', 'bff/server.ts'], { stdio: ['inherit', 'pipe', 'pipe'], env, detached: true });
const children = [api, spawn('npx', ['vite'], { stdio: 'inherit', detached: true })];

// If the API cannot start at all (a bad setting, PORT taken), `tsx watch` waits for an edit while Vite
// forwards to whatever else answers on PORT: until the API has said it is running, such a failure
// stops everything. After that, a crash while editing is left to tsx watch, which restarts on the fix.
let apiUp = false;
let apiOutput = '';
function watchApi(chunk, out) {
  out.write(chunk);
  if (apiUp) return;
  apiOutput = (apiOutput + String(chunk)).slice(-2_000);
  if (apiOutput.includes('is running at')) apiUp = true;
  else if (/Could not start|Invalid configuration|is in use by another running server|cannot be read/.test(apiOutput)) {
    process.stderr.write('npm run dev: the API did not start (above), so Vite is stopped too.\n');
    stop();
    process.exitCode = 1;
  }
}
api.stdout.on('data', (chunk) => watchApi(chunk, process.stdout));
api.stderr.on('data', (chunk) => watchApi(chunk, process.stderr));
let stopping = false;
function stop(signal = 'SIGTERM') {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // that group has already exited
    }
  }
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGHUP', () => stop('SIGTERM'));
children.forEach((child) =>
  child.on('exit', (code) => {
    stop();
    process.exitCode ||= code ?? 0;
  }),
);
