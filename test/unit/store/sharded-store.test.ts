import { open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../bff/config.js';
import { DataFileError, openDb, type Db } from '../../../bff/store/db.js';
import { SHARD_RECORDS, shardPath } from '../../../bff/store/layout.js';
import type { AuditEventRecord } from '../../../bff/store/records.js';
import { apiKeyRecord } from './records.js';
import { createRepositories } from '../../../bff/store/repositories.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'flowie-store-')), 'exchange.json');
const dirOf = (file: string) => `${file}.d`;

const key = (i: number) => apiKeyRecord(i);

const event = (i: number): AuditEventRecord => ({
  id: `evt_${i}`,
  at: '2026-12-03T10:00:00.000Z', // same instant: order must come from insertion, not time
  type: 'key.minted',
  actor: 'agent',
  userId: 'usr_1',
  organizationId: null,
  keyId: null,
  consentId: null,
  detail: {},
});

/** The shard file whose text holds this id. */
async function fileHolding(dir: string, id: string): Promise<string> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('journal-'));
  const texts = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
  const holding = names.filter((_, i) => texts[i]!.includes(`"${id}"`));
  expect(holding).toHaveLength(1);
  return holding[0]!;
}

/** inode per file: lowdb replaces a file by temp file + rename, so a rewritten file has a new inode. */
async function inodes(dir: string): Promise<Map<string, number>> {
  const names = await readdir(dir);
  return new Map(await Promise.all(names.map(async (n) => [n, (await stat(join(dir, n))).ino] as [string, number])));
}

let open_: Db[] = [];
async function openStore(file: string, fsync = false) {
  const db = await openDb(file, { fsync });
  open_.push(db);
  return { db, repos: createRepositories(db) };
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(open_.map((db) => db.close().catch(() => undefined)));
  open_ = [];
});

describe('sharded store', () => {
  it('after 10k keys, a change appends one journal line and later rewrites only the shard it falls in', async () => {
    const file = tempFile();
    const first = await openStore(file);
    for (let i = 0; i < 10_000; i++) first.repos.apiKeys.insert(key(i));
    await first.db.commit();
    await first.db.close();
    const { db, repos } = await openStore(file);
    const before = await inodes(dirOf(file));

    const target = repos.apiKeys.findById(key(1234).id)!;
    target.revokedAt = '2026-12-04T10:00:00.000Z';
    repos.apiKeys.save(target);
    await db.commit();
    const afterCommit = await inodes(dirOf(file));
    const journal = [...afterCommit.keys()].filter((n) => n.startsWith('journal-'));
    await db.close();
    const afterClose = await inodes(dirOf(file));

    expect([...before].filter(([n, ino]) => afterCommit.get(n) !== ino)).toEqual([]);
    expect(journal).toHaveLength(1);
    expect((await readFile(join(dirOf(file), journal[0]!), 'utf8').catch(() => '')).split('\n').length).toBeLessThanOrEqual(2);
    const changed = [...afterClose].filter(([n, ino]) => before.get(n) !== ino).map(([n]) => n);
    expect(changed).toEqual([await fileHolding(dirOf(file), key(1234).id)]);
    expect((await stat(file)).size).toBeLessThan(1000);
  });

  it('checkpoint() folds a bulk load out of the journal into the shards', async () => {
    const file = tempFile();
    const { db, repos } = await openStore(file);
    // Far below the background fold's threshold, so only checkpoint() folds it.
    for (let i = 0; i < 2_500; i++) repos.apiKeys.insert(key(i));
    await db.commit();
    const beforeCheckpoint = await readdir(dirOf(file));

    await db.checkpoint();
    const names = await readdir(dirOf(file));

    expect(beforeCheckpoint.filter((n) => n.startsWith('apiKeys-'))).toEqual([]);
    expect(names.filter((n) => n.startsWith('journal-'))).toEqual([]); // the next write opens a new one
    expect(names.filter((n) => n.startsWith('apiKeys-'))).toHaveLength(Math.ceil(2_500 / SHARD_RECORDS));
    repos.apiKeys.insert(key(2_500));
    await db.close();
    expect((await openStore(file)).db.data.apiKeys).toHaveLength(2_501);
  });

  it('keeps every record, removal and order across a restart, with or without a clean close', async () => {
    const file = tempFile();
    const { db, repos } = await openStore(file);
    for (let i = 0; i < 300; i++) repos.auditEvents.insert(event(i));
    repos.sessions.insert({ idHash: 's1', userId: 'usr_1', createdAt: 'a', expiresAt: 'b' });
    repos.sessions.insert({ idHash: 's2', userId: 'usr_1', createdAt: 'a', expiresAt: 'b' });
    repos.sessions.remove('s1');
    await db.commit();

    const crashed = await openStore(file); // the first is never closed: only the journal has the records
    const ids = crashed.repos.auditEvents.listByUser('usr_1').map((e) => e.id);
    await db.close();
    await crashed.db.close();
    const restarted = await openStore(file);

    expect(ids).toEqual(Array.from({ length: 300 }, (_, i) => `evt_${i}`));
    expect(restarted.repos.auditEvents.listByUser('usr_1').map((e) => e.id)).toEqual(ids);
    expect(restarted.db.data.sessions.map((s) => s.idHash)).toEqual(['s2']);
    expect((await readdir(dirOf(file))).filter((n) => n.startsWith('journal-'))).toEqual([]);
  });

  it('stops start-up naming a shard that does not parse, and leaves it untouched', async () => {
    const file = tempFile();
    const { db, repos } = await openStore(file);
    repos.apiKeys.insert(key(1));
    await db.close();
    const shard = shardPath(dirOf(file), 'apiKeys', 0);
    await writeFile(shard, '{"records": [ {"id": ');

    const error = await openDb(file).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toContain(shard);
    expect(await readFile(shard, 'utf8')).toBe('{"records": [ {"id": ');
  });

  it('drops a journal line cut short by a crash, but refuses a damaged line before the end', async () => {
    const file = tempFile();
    const { db, repos } = await openStore(file);
    repos.apiKeys.insert(key(1));
    await db.commit();
    const journal = join(dirOf(file), (await readdir(dirOf(file))).find((n) => n.startsWith('journal-'))!);
    const good = await readFile(journal, 'utf8');

    await writeFile(journal, `${good}{"c":"apiKeys","s":9,"r":{"id":`);
    const torn = await openStore(file);
    await writeFile(journal, `{"c":\n${good}`);
    const error = await openDb(file).catch((e: unknown) => e);

    expect(torn.db.data.apiKeys.map((k) => k.id)).toEqual([key(1).id]);
    expect((error as Error).message).toContain(journal);
    expect(await readFile(journal, 'utf8')).toBe(`{"c":\n${good}`);
  });

  it('moves a single-file data file into shards and keeps its records', async () => {
    const file = tempFile();
    const single = { version: 1, users: [], sessions: [], organizations: [], companies: [], apiKeys: [key(1), key(2)], consentRequests: [], authorizationCodes: [], auditEvents: [] };
    await writeFile(file, JSON.stringify(single));

    const { db } = await openStore(file);

    expect(db.data.apiKeys.map((k) => k.id)).toEqual([key(1).id, key(2).id]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 3, layout: 'shards' });
  });

  it('with fsync on, a commit syncs the journal to disk before it resolves; off, it does not', async () => {
    const probe = await open(tempFile().replace('exchange.json', 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { datasync: () => Promise<void>; sync: () => Promise<void> };
    await probe.close();
    const datasync = vi.spyOn(proto, 'datasync');
    const sync = vi.spyOn(proto, 'sync');

    const off = await openStore(tempFile(), false);
    off.repos.apiKeys.insert(key(1));
    await off.db.commit();
    const syncsOff = datasync.mock.calls.length + sync.mock.calls.length;
    const on = await openStore(tempFile(), true);
    on.repos.apiKeys.insert(key(1));
    await on.db.commit();

    expect(syncsOff).toBe(0);
    expect(datasync).toHaveBeenCalled(); // the journal's data
    expect(sync).toHaveBeenCalled(); // the folder (new journal file) and the main file
    expect(loadConfig({ DATA_FSYNC: '1' }).dataFsync).toBe(true);
    expect(loadConfig({}).dataFsync).toBe(false);
  });

  it('writes new records to the newest shard only: a fold after 10k keys rewrites no older shard', async () => {
    const file = tempFile();
    const first = await openStore(file);
    for (let i = 0; i < 10_000; i++) first.repos.apiKeys.insert(key(i));
    await first.db.close();
    const { db, repos } = await openStore(file);
    const before = await inodes(dirOf(file));

    for (let i = 10_000; i < 10_050; i++) repos.apiKeys.insert(key(i));
    await db.commit();
    await db.close();
    const after = await inodes(dirOf(file));

    const rewritten = [...before].filter(([n, ino]) => after.has(n) && after.get(n) !== ino).map(([n]) => n);
    const added = [...after.keys()].filter((n) => !before.has(n));
    expect(rewritten).toEqual([]); // the 10 full shards are not touched
    expect(added).toEqual([await fileHolding(dirOf(file), key(10_000).id)]);
    expect(added[0]).toBe(`apiKeys-${String(10_000 / SHARD_RECORDS).padStart(3, '0')}.json`);
  });

  it('deletes a shard file once its last record is removed, and keeps the rest', async () => {
    const file = tempFile();
    const first = await openStore(file);
    for (let i = 0; i < 3; i++) first.repos.sessions.insert({ idHash: `s${i}`, userId: 'usr_1', createdAt: 'a', expiresAt: 'b' });
    first.repos.apiKeys.insert(key(1));
    await first.db.close();
    const { db, repos } = await openStore(file);

    for (let i = 0; i < 3; i++) repos.sessions.remove(`s${i}`);
    await db.close();
    const reopened = await openStore(file);

    expect((await readdir(dirOf(file))).sort()).toEqual(['apiKeys-000.json']);
    expect(reopened.db.data.sessions).toEqual([]);
    expect(reopened.db.data.apiKeys.map((k) => k.id)).toEqual([key(1).id]);
  });

  it('opens a layout-2 store (128 shards by id hash) as it is, keeps every record and adds new ones in new shards', async () => {
    const file = tempFile();
    const dir = dirOf(file);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dir);
    await writeFile(file, JSON.stringify({ version: 2, layout: 'sharded', shards: 128, note: '' }));
    // As layout 2 wrote them: shard numbers up to 127, each record once, global insertion numbers.
    await writeFile(join(dir, 'apiKeys-007.json'), `{"records":[\n${JSON.stringify(key(2))}\n],\n"seq":[2]}\n`);
    await writeFile(join(dir, 'apiKeys-120.json'), `{"records":[\n${JSON.stringify(key(1))}\n],\n"seq":[1]}\n`);
    const { db, repos } = await openStore(file);

    repos.apiKeys.insert(key(3));
    await db.close();
    const reopened = await openStore(file);

    expect(reopened.db.data.apiKeys.map((k) => k.id)).toEqual([key(1).id, key(2).id, key(3).id]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 3, layout: 'shards' });
    expect(await fileHolding(dir, key(1).id)).toBe('apiKeys-120.json');
    expect(await fileHolding(dir, key(3).id)).toBe('apiKeys-120.json'); // the newest shard had room
  });

  it('stops start-up when two shards hold the same record, naming the file, and changes nothing', async () => {
    const file = tempFile();
    const first = await openStore(file);
    first.repos.apiKeys.insert(key(1));
    await first.db.close();
    const copy = shardPath(dirOf(file), 'apiKeys', 5);
    const original = await readFile(shardPath(dirOf(file), 'apiKeys', 0), 'utf8');
    await writeFile(copy, original);

    const error = await openDb(file).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toMatch(/apiKeys-00[05]\.json/);
    expect((error as Error).message).toContain('which another shard (or this one) holds too');
    expect(await readFile(copy, 'utf8')).toBe(original);
  });

  it('a record removed and stored again before the next commit ends up in one shard only', async () => {
    const file = tempFile();
    const first = await openStore(file);
    for (let i = 0; i <= SHARD_RECORDS; i++) first.repos.sessions.insert({ idHash: `s${i}`, userId: 'usr_1', createdAt: 'a', expiresAt: 'b' });
    await first.db.close(); // shard 000 is full and 001 is the newest: a record stored anew goes to 001
    const { db, repos } = await openStore(file);

    repos.sessions.remove('s5');
    repos.sessions.insert({ idHash: 's5', userId: 'usr_2', createdAt: 'a', expiresAt: 'b' });
    await db.close();
    const reopened = await openStore(file);

    expect(reopened.repos.sessions.findByHash('s5')?.userId).toBe('usr_2');
    expect(reopened.db.data.sessions).toHaveLength(SHARD_RECORDS + 1);
  });
});
