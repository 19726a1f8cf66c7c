import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startArgs } from '../../support/start-command.js';

const ROOT = new URL('../../../', import.meta.url).pathname;

export interface RealServer {
  url: string;
  dataFile: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** What `npm start` runs (package.json), with node: builds what is stale, then runs the compiled server (dist/server). */
export const START_ARGS = startArgs();

/** Builds the SPA and the server when missing or stale (the check `npm start` makes), outside any health deadline. */
export function ensureBuild(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the web app or the server failed');
}

/** Starts the server as `npm start` does, as its own process on a free port with a temporary data file. */
export async function startRealServer(env: Record<string, string> = {}, dataFile?: string): Promise<RealServer> {
  ensureBuild();
  const file = dataFile ?? join(await mkdtemp(join(tmpdir(), 'flowie-e2e-')), 'exchange.json');
  // freePort() only says a port was free a moment ago: a test file running in parallel can take it
  // before this server listens. So the server's own "running at" line is what says it is up (a
  // /healthz answer could come from the other test's server), and a port taken meanwhile means another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const started = await spawnServer(port, file, env);
    if ('server' in started) return started.server;
    if (!started.portTaken || attempt === 3) throw new Error(started.error);
  }
}

async function spawnServer(port: number, file: string, env: Record<string, string>): Promise<{ server: RealServer } | { error: string; portTaken: boolean }> {
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, START_ARGS, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DATA_FILE: file, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) return { error: `server exited early:\n${output}`, portTaken: /already in use/.test(output) };
    if (output.includes(`running at ${url}`)) {
      try {
        const res = await fetch(`${url}/healthz`);
        if (res.ok) break;
      } catch {
        /* not answering yet */
      }
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      return { error: `server did not become healthy:\n${output}`, portTaken: false };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { server: {
    url,
    dataFile: file,
    child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  } };
}
