import { readdirSync, readFileSync } from 'node:fs';
import { DataFileError } from './data-file-error.js';
import { Interner } from './intern.js';
import { COLLECTIONS, ID_FIELD, SHARD_NAME, SHARD_RECORDS, shardKey, shardPath, type CollectionName, type ShardFile } from './layout.js';
import { emptyData, type Data } from './records.js';

interface Entry {
  record: unknown;
  /** Global insertion number: restores the collection's order when shards are merged on load. */
  seq: number;
  /** The shard file the record lives in, for good. */
  shard: number;
  /**
   * The record's JSON as last appended to the journal, kept until its shard is next written: the fold
   * then reuses it instead of serialising the record again. Only records changed since their shard was
   * last written hold one, so this never holds more than the journal does.
   */
  json: string | undefined;
  removed: boolean;
}

/** A shard's records in the order they are written out; removed ones are dropped at its next write. */
interface Shard {
  entries: Entry[];
  live: number;
}

interface Collection {
  byId: Map<string, Entry>;
  shards: Map<number, Shard>;
  /** The shard new records go to while it has room; the highest shard number seen. */
  newest: number;
}

/** Every record, grouped the way it is laid out on disk. The repositories' arrays hold the same objects. */
export class ShardedState {
  private readonly collections = Object.fromEntries(
    COLLECTIONS.map((c) => [c, { byId: new Map(), shards: new Map(), newest: 0 }]),
  ) as Record<CollectionName, Collection>;
  private nextSeq = 1;
  private readonly interner = new Interner();

  /**
   * Stores the record and returns its entry. A record already stored keeps its insertion number and
   * its shard; a new one goes to the newest shard with room.
   */
  upsert(collection: CollectionName, id: string, record: unknown, seq?: number): Entry {
    const col = this.collections[collection];
    const entry = col.byId.get(id);
    // A record saved again after a change in place (a key's lastUsedAt on every authenticated request) was
    // interned when it was stored; only a new record or a replacement object is looked up in the table.
    if (entry?.record !== record) this.interner.record(collection, record);
    if (entry) {
      entry.record = record;
      return entry;
    }
    const n = seq ?? this.nextSeq;
    this.nextSeq = Math.max(this.nextSeq, n + 1);
    const newest = col.shards.get(col.newest);
    return this.add(col, id, record, n, newest && newest.live >= SHARD_RECORDS ? col.newest + 1 : col.newest);
  }

  /** Adds a record read from a shard file; false (and nothing changed) when one with this id is stored already. */
  load(collection: CollectionName, id: string, record: unknown, seq: number, shard: number): boolean {
    const col = this.collections[collection];
    if (col.byId.has(id)) return false;
    this.interner.record(collection, record);
    this.nextSeq = Math.max(this.nextSeq, seq + 1);
    this.add(col, id, record, seq, shard);
    return true;
  }

  private add(col: Collection, id: string, record: unknown, seq: number, shard: number): Entry {
    let members = col.shards.get(shard);
    if (!members) col.shards.set(shard, (members = { entries: [], live: 0 }));
    col.newest = Math.max(col.newest, shard);
    const entry: Entry = { record, seq, shard, json: undefined, removed: false };
    col.byId.set(id, entry);
    members.entries.push(entry);
    members.live++;
    return entry;
  }

  /** Returns the shard the record was in, if it was stored. */
  remove(collection: CollectionName, id: string): number | undefined {
    const col = this.collections[collection];
    const entry = col.byId.get(id);
    if (!entry) return undefined;
    col.byId.delete(id);
    entry.removed = true;
    entry.json = undefined;
    col.shards.get(entry.shard)!.live--;
    return entry.shard;
  }

  get(collection: CollectionName, id: string): Entry | undefined {
    return this.collections[collection].byId.get(id);
  }

  /** Every shard that holds records, as shard keys (for the one-time move out of a single file). */
  shardKeys(): string[] {
    return COLLECTIONS.flatMap((c) => [...this.collections[c].shards.keys()].map((n) => shardKey(c, n)));
  }

  /**
   * One shard file's text, or null when the shard has no records left: one record per line, so it
   * stays plain JSON that jq and a text editor read (and git diffs line by line), at about half the
   * bytes of indented JSON. Records changed since the last write come with their journal JSON, which
   * is used and let go; the others are serialised (keeping every record's JSON in memory grew the heap
   * enough to double the GC stalls at 100k keys).
   */
  shardText(collection: CollectionName, shard: number): string | null {
    const members = this.collections[collection].shards.get(shard);
    if (!members) return null;
    if (members.live < members.entries.length) members.entries = members.entries.filter((e) => !e.removed);
    if (members.live === 0) return null;
    const lines: string[] = [];
    const seq: number[] = [];
    for (const entry of members.entries) {
      lines.push(entry.json ?? JSON.stringify(entry.record));
      entry.json = undefined;
      seq.push(entry.seq);
    }
    return `{"records":[\n${lines.join(',\n')}\n],\n"seq":${JSON.stringify(seq)}}\n`;
  }

  /** The collections as arrays in insertion order, for the repositories. */
  toData(): Data {
    const data = emptyData() as unknown as Record<CollectionName, unknown[]>;
    for (const c of COLLECTIONS) {
      const all = [...this.collections[c].byId.values()];
      data[c] = all.sort((a, b) => a.seq - b.seq).map((e) => e.record);
    }
    return data as unknown as Data;
  }
}

/**
 * Reads every shard file in `dir` into `state`; a file that does not parse stops start-up, untouched.
 * Returns each file's size in bytes, by shard key.
 * Synchronous and one file at a time: nothing else runs before the store is loaded, and reading all files
 * at once through the thread pool held every file's text in memory together, which start-up paid for in GC.
 */
export function readShards(dir: string, state: ShardedState): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const name of readdirSync(dir)) {
    const match = SHARD_NAME.exec(name);
    if (!match) continue;
    const [, collection, nn] = match as unknown as [string, CollectionName, string];
    const shard = Number(nn);
    const path = shardPath(dir, collection, shard);
    if (!COLLECTIONS.includes(collection) || path !== `${dir}/${name}`) {
      throw new DataFileError(`The data folder ${dir} holds ${name}, which this version does not know. Nothing was changed.`);
    }
    let content: ShardFile | null;
    try {
      const text = readFileSync(path, 'utf8');
      bytes.set(shardKey(collection, shard), text.length);
      content = JSON.parse(text) as ShardFile | null;
    } catch (error) {
      throw new DataFileError(`The data file ${path} cannot be read (${(error as Error).message}). It was left untouched; fix or move it, or point DATA_FILE elsewhere.`);
    }
    if (!content || !Array.isArray(content.records) || !Array.isArray(content.seq) || content.records.length !== content.seq.length) {
      throw new DataFileError(`The data file ${path} is not a Flowie Exchange shard (records and seq must be arrays of equal length). It was left untouched.`);
    }
    const { records, seq } = content;
    const field = ID_FIELD[collection];
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as Record<string, unknown> | null;
      const id = String(record?.[field]);
      if (!state.load(collection, id, record, seq[i]!, shard)) {
        throw new DataFileError(`The data file ${path} holds ${collection} ${id}, which another shard (or this one) holds too. It was left untouched; remove one of the two.`);
      }
    }
  }
  return bytes;
}
