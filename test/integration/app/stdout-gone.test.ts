import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuild, START_ARGS } from '../../e2e/support/server.js';

describe('when whoever read the log is gone', () => {
  it('npm start still stops on SIGTERM (like `npm start | head -1`, then Ctrl-C)', async () => {
    ensureBuild();
    const dataFile = join(await mkdtemp(join(tmpdir(), 'flowie-pipe-')), 'exchange.json');
    const child = spawn(process.execPath, START_ARGS, {
      env: { ...process.env, PORT: '0', DATA_FILE: dataFile, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
    let output = '';
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (chunk) => {
        output += String(chunk);
        if (output.includes('is running at')) resolve(); // signal handlers are in place from here on
      });
    });
    child.stdout!.destroy(); // the reader goes away: the next log line ('shutting down…') meets EPIPE

    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 10_000))]);
    if (code === 'hung') child.kill('SIGKILL');

    expect(code).toBe(0);
  }, 30_000);
});
