import { readdirSync, readFileSync } from 'node:fs';
import { DataFileError } from './data-file-error.js';
import { COLLECTIONS, ID_FIELD, SHARD_NAME, SHARDS, shardOf, shardPath, type CollectionName, type ShardFile } from './layout.js';
import { emptyData, type Data } from './records.js';

interface Entry {
  record: unknown;
  /** Global insertion number: restores the collection's order when shards are merged on load. */
  seq: number;
}

/** Every record, grouped the way it is laid out on disk. The repositories' arrays hold the same objects. */
export class ShardedState {
  private readonly maps = new Map<CollectionName, Map<string, Entry>[]>(
    COLLECTIONS.map((c) => [c, Array.from({ length: SHARDS }, () => new Map<string, Entry>())]),
  );
  private nextSeq = 1;

  /** Returns the record's insertion number (kept when a record is replaced). */
  upsert(collection: CollectionName, id: string, record: unknown, seq?: number): number {
    const shard = this.maps.get(collection)![shardOf(id)]!;
    const entry = shard.get(id);
    if (entry) {
      entry.record = record;
      return entry.seq;
    }
    const n = seq ?? this.nextSeq;
    this.nextSeq = Math.max(this.nextSeq, n + 1);
    shard.set(id, { record, seq: n });
    return n;
  }

  remove(collection: CollectionName, id: string): void {
    this.maps.get(collection)![shardOf(id)]!.delete(id);
  }

  get(collection: CollectionName, id: string): Entry | undefined {
    return this.maps.get(collection)![shardOf(id)]!.get(id);
  }

  /**
   * One shard file's text: one record per line, so it stays plain JSON that jq and a text editor read
   * (and git diffs line by line), at about half the bytes of indented JSON. Nothing is cached: keeping
   * every record's JSON in memory grew the heap enough to double the GC stalls at 100k keys.
   */
  shardText(collection: CollectionName, shard: number): string {
    const lines: string[] = [];
    const seq: number[] = [];
    for (const entry of this.maps.get(collection)![shard]!.values()) {
      lines.push(JSON.stringify(entry.record));
      seq.push(entry.seq);
    }
    return `{"records":[\n${lines.join(',\n')}\n],\n"seq":${JSON.stringify(seq)}}\n`;
  }

  /** The collections as arrays in insertion order, for the repositories. */
  toData(): Data {
    const data = emptyData() as unknown as Record<CollectionName, unknown[]>;
    for (const c of COLLECTIONS) {
      const all = this.maps.get(c)!.flatMap((shard) => [...shard.values()]);
      data[c] = all.sort((a, b) => a.seq - b.seq).map((e) => e.record);
    }
    return data as unknown as Data;
  }
}

/**
 * Reads every shard file in `dir` into `state`; a file that does not parse stops start-up, untouched. Returns the bytes read.
 * Synchronous and one file at a time: nothing else runs before the store is loaded, and reading all files
 * at once through the thread pool held every file's text in memory together, which start-up paid for in GC.
 */
export function readShards(dir: string, state: ShardedState): number {
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const match = SHARD_NAME.exec(name);
    if (!match) continue;
    const [, collection, nn] = match as unknown as [string, CollectionName, string];
    const shard = Number(nn);
    const path = shardPath(dir, collection, shard);
    if (!COLLECTIONS.includes(collection) || shard >= SHARDS || path !== `${dir}/${name}`) {
      throw new DataFileError(`The data folder ${dir} holds ${name}, which this version does not know. Nothing was changed.`);
    }
    let content: ShardFile | null;
    try {
      const text = readFileSync(path, 'utf8');
      bytes += text.length;
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
      state.upsert(collection, String(record?.[field]), record, seq[i]);
    }
  }
  return bytes;
}
