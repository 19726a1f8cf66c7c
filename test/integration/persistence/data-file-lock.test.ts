import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../bff/store/db.js';
import { START_ARGS, startRealServer, type RealServer } from '../../e2e/support/server.js';

const newDataFile = async () => join(await mkdtemp(join(tmpdir(), 'flowie-lock-')), 'exchange.json');

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

let server: RealServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('one server per data file', () => {
  it('a second npm start on the same DATA_FILE refuses, naming the running one, and the first keeps every key', async () => {
    server = await startRealServer({ BOOTSTRAP_RATE_LIMIT: '1000' });
    const bootstrap = await fetch(`${server.url}/v1/sandbox/bootstrap`, { method: 'POST' });
    const { apiKey } = (await bootstrap.json()) as { apiKey: string };

    const second = spawnSync(process.execPath, START_ARGS, {
      env: { ...process.env, PORT: '0', DATA_FILE: server.dataFile, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`is in use by another running server (pid ${server.child.pid})`);
    const current = await fetch(`${server.url}/v1/api-keys/current`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(current.status).toBe(200);
  }, 40_000);

  it('a DATA_FILE reached through a symlink shares the lock (and the records) of the real file', async () => {
    const dataFile = await newDataFile();
    const link = join(await mkdtemp(join(tmpdir(), 'flowie-lock-link-')), 'link.json');
    const db = await openDb(dataFile);
    await db.close(); // creates the file
    symlinkSync(dataFile, link);

    const direct = await openDb(dataFile);
    try {
      const second = spawnSync(process.execPath, START_ARGS, {
        env: { ...process.env, PORT: '0', DATA_FILE: link, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`is in use by another running server (pid ${process.pid})`);
    } finally {
      await direct.close();
    }
  }, 30_000);

  it('takes over a lock left by a process that is gone (a crash), and removes it on close', async () => {
    const dataFile = await newDataFile();
    writeFileSync(`${dataFile}.lock`, `${deadPid()}\n`);

    const db = await openDb(dataFile);
    expect((await readFile(`${dataFile}.lock`, 'utf8')).trim()).toBe(String(process.pid));
    await db.close();

    expect(existsSync(`${dataFile}.lock`)).toBe(false);
  });

  it('gives the lock back when opening fails, so the next start is not refused', async () => {
    const dataFile = await newDataFile();
    writeFileSync(dataFile, '{ not json');

    await expect(openDb(dataFile)).rejects.toThrow(/cannot be read/);

    expect(existsSync(`${dataFile}.lock`)).toBe(false);
  });
});
