// `npm run dev`: the BFF (restarting on change) and Vite with hot reload, which proxies /bff and /v1 to it.
import { spawn } from 'node:child_process';

// Consent links should open the hot-reloading pages, not the API port.
const env = { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://127.0.0.1:5173' };
const children = [
  spawn('npx', ['tsx', 'watch', 'bff/server.ts'], { stdio: 'inherit', env }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((child) => child.on('exit', (code) => { stop(); process.exitCode = code ?? 0; }));
