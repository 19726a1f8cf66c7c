import { existsSync, realpathSync } from 'node:fs';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { TextFile } from 'lowdb/node';
import { DataFileError } from './data-file-error.js';
import { readJournal } from './journal.js';
import { lockDataFile, type DataLock } from './lock.js';
import {
  COLLECTIONS, dataDir, idOf, isLayout2, JOURNAL_NAME, LAYOUT_VERSION, newManifest, shardKey,
  type CollectionName, type RecordOf,
} from './layout.js';
import type { Data } from './records.js';
import { ShardedDb } from './sharded-db.js';
import { readShards, ShardedState } from './shards.js';

/** The only module (with its helpers in this folder) that touches lowdb. */
export { DataFileError };
export type { CollectionName, RecordOf };

export interface Db {
  readonly data: Data;
  readonly file: string;
  /** The record of `collection` with this id (its id field: see ID_FIELD), if there is one. */
  find<C extends CollectionName>(collection: C, id: string): RecordOf<C> | undefined;
  /** A record was inserted or changed in place: the next commit writes it (repositories call this). */
  markDirty<C extends CollectionName>(collection: C, record: RecordOf<C>): void;
  /** The record with this id left `collection`: the next commit writes that. */
  markRemoved(collection: CollectionName, id: string): void;
  /** Resolves once every change made before the call is on disk (one write serves many callers). */
  commit(): Promise<void>;
  /** Writes soon, without making anyone wait (for bookkeeping such as lastUsedAt). */
  touch(): void;
  /** Writes what is pending and folds the journal into the shards now (after a bulk load; the bench). */
  checkpoint(): Promise<void>;
  /** Waits for pending writes, writes anything outstanding and folds the journal into the shards. */
  close(): Promise<void>;
}

export interface DbOptions {
  /** fsync each written file and its folder per group commit (DATA_FSYNC=1). */
  fsync?: boolean;
}

export async function openDb(path: string, options: DbOptions = {}): Promise<Db> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  const file = realFile(path);
  const lock = lockDataFile(file);
  try {
    return await openLocked(file, options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openLocked(file: string, options: DbOptions, lock: DataLock): Promise<Db> {
  const dir = dataDir(file);
  let text: string | null;
  let content: unknown;
  try {
    text = await new TextFile(file).read();
    content = text === null ? null : JSON.parse(text);
  } catch (error) {
    // Never overwrite a file we cannot read: stop and name it.
    throw new DataFileError(`The data file ${file} cannot be read (${(error as Error).message}). It was left untouched; fix or move it, or point DATA_FILE elsewhere.`);
  }
  const state = new ShardedState();
  const fsync = options.fsync ?? false;
  const syncDir = () => syncPath(dir);

  if (content === null) {
    if (existsSync(dir) && (await readdir(dir)).length > 0) {
      throw new DataFileError(`The data folder ${dir} exists but its main file ${file} does not. Nothing was changed; restore the main file or move the folder.`);
    }
    await mkdir(dir, { recursive: true });
    await writeManifest(file, fsync);
    return new ShardedDb(file, dir, state, { fsync, syncDir, shardBytes: new Map(), journals: [], replayed: new Set(), release: lock.release });
  }
  if (isSingleFile(content)) return migrate(file, dir, content, state, fsync, lock);
  const layout2 = assertManifest(content, file);
  await mkdir(dir, { recursive: true });
  const shardBytes = readShards(dir, state);
  const journals = (await readdir(dir)).filter((n) => JOURNAL_NAME.test(n)).sort().map((n) => `${dir}/${n}`);
  const replayed = new Set<string>();
  for (const journal of journals) {
    for (const line of await readJournal(journal)) {
      const shard = 'd' in line ? state.remove(line.c, line.d) : state.upsert(line.c, idOf(line.c, line.r as RecordOf<typeof line.c>), line.r, line.s).shard;
      if (shard !== undefined) replayed.add(shardKey(line.c, shard));
    }
  }
  // Layout 2's files are read as they are; the new manifest keeps an older version from misreading
  // the shards this one adds.
  if (layout2) await writeManifest(file, fsync);
  return new ShardedDb(file, dir, state, { fsync, syncDir, shardBytes, journals, replayed, release: lock.release });
}

/**
 * The data file's real path: a DATA_FILE reached through a symlink must share its lock and its
 * record folder with the same file reached directly (a review found a second server starting on an
 * empty store through a link).
 */
function realFile(path: string): string {
  const file = resolve(path);
  try {
    return realpathSync(file);
  } catch {
    return join(realpathSync(dirname(file)), basename(file)); // not created yet
  }
}

/** The layout before shards: one lowdb file holding every collection. Moved into shards once. */
function isSingleFile(content: unknown): content is Data {
  const record = content as Record<string, unknown> | null;
  return typeof record === 'object' && record !== null && record.version === 1 && COLLECTIONS.every((c) => Array.isArray(record[c]));
}

async function migrate(file: string, dir: string, data: Data, state: ShardedState, fsync: boolean, lock: DataLock): Promise<Db> {
  if (existsSync(dir)) await rm(dir, { recursive: true }); // a migration cut short; the single file is still the truth
  await mkdir(dir, { recursive: true });
  for (const c of COLLECTIONS) {
    for (const record of data[c] as RecordOf<typeof c>[]) state.upsert(c, idOf(c, record), record);
  }
  const db = new ShardedDb(file, dir, state, { fsync, syncDir: () => syncPath(dir), shardBytes: new Map(), journals: [], replayed: new Set(), release: lock.release });
  await db.writeShards(state.shardKeys());
  await writeManifest(file, fsync); // last: until the manifest replaces it, the single file stays authoritative
  return db;
}

/** Returns true for a layout-2 manifest (read as it is, then upgraded). */
function assertManifest(content: unknown, file: string): boolean {
  const m = content as Record<string, unknown> | null;
  if (typeof m === 'object' && m !== null && isLayout2(m)) return true;
  if (typeof m !== 'object' || m === null || m.version !== LAYOUT_VERSION || m.layout !== 'shards') {
    throw new DataFileError(`The data file ${file} is not a Flowie Exchange data file (bad or missing: version, layout). It was left untouched.`);
  }
  return false;
}

async function writeManifest(file: string, fsync: boolean) {
  await new TextFile(file).write(`${JSON.stringify(newManifest(), null, 1)}\n`);
  if (fsync) {
    await syncPath(file);
    await syncPath(dirname(file));
  }
}

export async function syncPath(path: string) {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
