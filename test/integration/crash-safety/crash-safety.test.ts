import { readFile, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { START_ARGS, startRealServer, type RealServer } from '../../e2e/support/server.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const HIGH_LIMIT = { BOOTSTRAP_RATE_LIMIT: '100000' };

async function bootstrap(server: RealServer): Promise<string | null> {
  try {
    const res = await fetch(`${server.url}/v1/sandbox/bootstrap`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"label":"crash-test"}',
    });
    if (res.status !== 200) return null;
    return ((await res.json()) as { apiKey: string }).apiKey;
  } catch {
    return null; // the connection died with the server: not acknowledged
  }
}

async function keyWorks(server: RealServer, key: string): Promise<boolean> {
  const res = await fetch(`${server.url}/v1/api-keys/current`, { headers: { Authorization: `Bearer ${key}` } });
  return res.status === 200;
}

async function assertEveryKeyWorksAfterRestart(dataFile: string, acknowledged: string[]) {
  JSON.parse(await readFile(dataFile, 'utf8')); // the file always parses
  const again = await startRealServer(HIGH_LIMIT, dataFile);
  try {
    const results = await Promise.all(acknowledged.map((key) => keyWorks(again, key)));
    expect(results.filter((ok) => !ok)).toHaveLength(0);
  } finally {
    await again.stop();
  }
}

describe('crash safety (real server process)', () => {
  it('keeps every acknowledged key when killed with SIGKILL right after 300 concurrent bootstraps', async () => {
    const server = await startRealServer(HIGH_LIMIT);

    const keys = await Promise.all(Array.from({ length: 300 }, () => bootstrap(server)));
    await server.stop('SIGKILL');
    const acknowledged = keys.filter((k): k is string => k !== null);

    expect(acknowledged).toHaveLength(300);
    await assertEveryKeyWorksAfterRestart(server.dataFile, acknowledged);
  }, 60_000);

  it('keeps every acknowledged key when killed with SIGKILL in the middle of the load', async () => {
    const server = await startRealServer(HIGH_LIMIT);
    const acknowledged: string[] = [];

    const load = Array.from({ length: 300 }, async () => {
      const key = await bootstrap(server);
      if (key) acknowledged.push(key);
      if (acknowledged.length === 100) server.child.kill('SIGKILL');
    });
    await Promise.all(load);
    await server.stop('SIGKILL');

    expect(acknowledged.length).toBeGreaterThanOrEqual(100);
    await assertEveryKeyWorksAfterRestart(server.dataFile, acknowledged);
  }, 60_000);

  it('answers requests already in flight and saves them when stopped with SIGTERM', async () => {
    const server = await startRealServer(HIGH_LIMIT);

    const inFlight = Array.from({ length: 50 }, () => bootstrap(server));
    await new Promise((r) => setTimeout(r, 20)); // let them reach the server; this is not a timing assertion
    const exitCode = server.stop('SIGTERM');
    const keys = await Promise.all(inFlight);
    const acknowledged = keys.filter((k): k is string => k !== null);

    expect(await exitCode).toBe(0);
    expect(acknowledged.length).toBeGreaterThan(0);
    await assertEveryKeyWorksAfterRestart(server.dataFile, acknowledged);
  }, 60_000);

  it('refuses to start on a corrupt data file, names it, and leaves it byte for byte as it was', async () => {
    const server = await startRealServer();
    await server.stop();
    const truncated = (await readFile(server.dataFile, 'utf8')).slice(0, 40);
    await writeFile(server.dataFile, truncated);

    const run = spawnSync(process.execPath, START_ARGS, {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', DATA_FILE: server.dataFile },
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(server.dataFile);
    expect(await readFile(server.dataFile, 'utf8')).toBe(truncated);
  }, 30_000);
});
