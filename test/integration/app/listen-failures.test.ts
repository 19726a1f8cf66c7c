import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bff/config.js';
import { createLogger } from '../../../bff/logger.js';
import { startServer } from '../../../bff/server.js';
import { openDb } from '../../../bff/store/db.js';
import { ensureBuild, START_ARGS } from '../../e2e/support/server.js';

/** A port something else already listens on. */
async function occupiedPort(): Promise<{ port: number; blocker: Server }> {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return { port: (blocker.address() as { port: number }).port, blocker };
}

let blocker: Server | undefined;
afterEach(() => blocker?.close());

describe('when the server cannot listen', () => {
  it('startServer rejects naming PORT, and leaves the data file usable by the next start', async () => {
    const taken = await occupiedPort();
    blocker = taken.blocker;
    const dataFile = join(await mkdtemp(join(tmpdir(), 'flowie-listen-')), 'exchange.json');
    const config = loadConfig({ PORT: String(taken.port), DATA_FILE: dataFile });

    await expect(startServer(config, createLogger('silent'))).rejects.toThrow(`PORT ${taken.port} is already in use`);
    const db = await openDb(dataFile); // not left open (or locked) by the failed start
    await db.close();
  });

  it('startServer rejects naming HOST when it is not an address of this machine', async () => {
    const dataFile = join(await mkdtemp(join(tmpdir(), 'flowie-listen-')), 'exchange.json');
    const config = loadConfig({ PORT: '0', HOST: '192.0.2.123', DATA_FILE: dataFile });

    await expect(startServer(config, createLogger('silent'))).rejects.toThrow('HOST 192.0.2.123 is not an address of this machine');
  });

  it('npm start prints the reason and exits 1 instead of claiming to be running', async () => {
    const taken = await occupiedPort();
    blocker = taken.blocker;
    ensureBuild();
    const dataFile = join(await mkdtemp(join(tmpdir(), 'flowie-listen-')), 'exchange.json');

    const run = spawnSync(process.execPath, START_ARGS, {
      env: { ...process.env, PORT: String(taken.port), DATA_FILE: dataFile, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`PORT ${taken.port} is already in use`);
    expect(run.stdout).not.toContain('is running at');
  }, 30_000);
});
