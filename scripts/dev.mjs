// `npm run dev`: the BFF (restarting on change) and Vite with hot reload, which proxies /bff and /v1 to it.
import { spawn } from 'node:child_process';

// Consent links should open the hot-reloading pages, not the API port.
const env = { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://127.0.0.1:5173' };
// Each in its own process group, so stopping reaches what npx and tsx start below them too (a SIGTERM
// to npx alone left vite and the server running, holding their ports).
const children = [
  spawn('npx', ['tsx', 'watch', 'bff/server.ts'], { stdio: 'inherit', env, detached: true }),
  spawn('npx', ['vite'], { stdio: 'inherit', detached: true }),
];
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
