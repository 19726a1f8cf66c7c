import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFileError, openDb } from '../../../bff/store/db.js';
import { ensureBuild, START_ARGS } from '../../e2e/support/server.js';
import { makeTestApp, type TestApp } from '../../support/test-app.js';
import { bootstrap } from '../helpers.js';

/** A truncated file (not just a corrupt one) stops start-up, names the file, and is left as it was. */
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A data file with some records, cleanly closed (shards written, journal folded in). */
async function closedDataFile(): Promise<string> {
  t = await makeTestApp({ BOOTSTRAP_RATE_LIMIT: '1000' });
  await Promise.all(Array.from({ length: 10 }, () => bootstrap(t!.app)));
  const file = t.dataFile;
  await t.close();
  t = undefined;
  return file;
}

async function expectRefusedNaming(dataFile: string, broken: string) {
  const before = await readFile(broken);

  const opening = openDb(dataFile);

  await expect(opening).rejects.toBeInstanceOf(DataFileError);
  await expect(opening).rejects.toThrow(broken);
  expect((await readFile(broken)).equals(before)).toBe(true);
}

const firstShard = async (dataFile: string, collection: string) => {
  const name = (await readdir(`${dataFile}.d`)).find((n) => n.startsWith(`${collection}-`) && n.endsWith('.json'));
  return `${dataFile}.d/${name}`;
};

describe('truncated data files', () => {
  it.each([
    ['cut in half', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['cut to nothing', () => ''],
    ['cut before its last brace', (text: string) => text.trimEnd().slice(0, -1)],
  ])('refuses a shard %s, naming it', async (_label, cut) => {
    const dataFile = await closedDataFile();
    const shard = await firstShard(dataFile, 'apiKeys');
    await writeFile(shard, cut(await readFile(shard, 'utf8')));

    await expectRefusedNaming(dataFile, shard);
  });

  it.each([
    ['cut in half', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['cut to nothing', () => ''],
  ])('refuses a manifest %s, naming it', async (_label, cut) => {
    const dataFile = await closedDataFile();
    await writeFile(dataFile, cut(await readFile(dataFile, 'utf8')));

    await expectRefusedNaming(dataFile, dataFile);
  });

  it('refuses a journal whose middle line was cut (only a torn final line is a crash artefact), naming it', async () => {
    const dataFile = await closedDataFile();
    const journal = `${dataFile}.d/journal-000009.jsonl`;
    const line = JSON.stringify({ c: 'users', s: 999, r: { id: 'usr_x', email: 'x@example.test', passwordHash: 'scrypt$', createdAt: '2026-01-01T00:00:00.000Z' } });
    await writeFile(journal, `${line.slice(0, 30)}\n${line}\n`);

    await expectRefusedNaming(dataFile, journal);
  });

  it.each([
    ['an unknown collection', { c: 'nope', s: 1, r: { id: 'x' } }],
    ['a null record', { c: 'users', s: 1, r: null }],
    ['a record without its id', { c: 'apiKeys', s: 1, r: { hash: 'abc' } }],
    ['a removal without an id', { c: 'users', d: 42 }],
  ])('refuses a journal line with %s, naming the file (not a TypeError)', async (_label, line) => {
    const dataFile = await closedDataFile();
    const journal = `${dataFile}.d/journal-000009.jsonl`;
    await writeFile(journal, `${JSON.stringify(line)}\n`);

    await expectRefusedNaming(dataFile, journal);
    await expect(openDb(dataFile)).rejects.toThrow(/line 1: not a journal line/);
  });

  it('starts on a journal whose final line was torn by a crash, without that line', async () => {
    const dataFile = await closedDataFile();
    const journal = `${dataFile}.d/journal-000009.jsonl`;
    const line = JSON.stringify({ c: 'users', s: 999, r: { id: 'usr_x', email: 'x@example.test', passwordHash: 'scrypt$', createdAt: '2026-01-01T00:00:00.000Z' } });
    await writeFile(journal, `${line}\n${line.slice(0, 30)}`);

    const db = await openDb(dataFile);
    try {
      expect(db.data.users.map((u) => u.id)).toContain('usr_x');
      expect(db.data.apiKeys).toHaveLength(10);
    } finally {
      await db.close();
    }
  });

  it('stops the real server at start on a truncated shard, with a message naming the shard, and leaves it as it was', async () => {
    const dataFile = await closedDataFile();
    const shard = await firstShard(dataFile, 'apiKeys');
    const truncated = (await readFile(shard, 'utf8')).slice(0, 60);
    await writeFile(shard, truncated);
    ensureBuild(); // dist/ rebuilt if stale here, not inside the run's 20 s timeout

    const run = spawnSync(process.execPath, START_ARGS, {
      env: { ...process.env, PORT: '0', DATA_FILE: dataFile, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(shard);
    expect(await readFile(shard, 'utf8')).toBe(truncated);
  }, 30_000);
});
