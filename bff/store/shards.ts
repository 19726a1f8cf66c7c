import { readdir } from 'node:fs/promises';
import { TextFile } from 'lowdb/node';
import { DataFileError } from './data-file-error.js';
import { COLLECTIONS, ID_FIELD, SHARD_NAME, SHARDS, shardOf, shardPath, type CollectionName, type ShardFile } from './layout.js';
import { emptyData, type Data } from './records.js';

interface Entry {
  record: unknown;
  /** Global insertion number: restores the collection's order when shards are merged on load. */
  seq: number;
  /**
   * The record as JSON, once it has been written (journal or shard) and until it changes: a fold
   * rewrites whole shards, and re-serialising every unchanged record in them cost as much as the
   * journal appends themselves.
   */
  json?: string | undefined;
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
      entry.json = undefined;
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

  /** The record's JSON, serialised at most once per change. */
  json(entry: Entry): string {
    return (entry.json ??= JSON.stringify(entry.record));
  }

  /**
   * One shard file's text: one record per line, so it stays plain JSON that jq and a text editor read
   * (and git diffs line by line), at about half the bytes of indented JSON.
   */
  shardText(collection: CollectionName, shard: number): string {
    const lines: string[] = [];
    const seq: number[] = [];
    for (const entry of this.maps.get(collection)![shard]!.values()) {
      lines.push(this.json(entry));
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

/** Reads every shard file in `dir` into `state`; a file that does not parse stops start-up, untouched. Returns the bytes read. */
export async function readShards(dir: string, state: ShardedState): Promise<number> {
  let bytes = 0;
  const names = (await readdir(dir)).filter((name) => SHARD_NAME.test(name));
  const files = await Promise.all(
    names.map(async (name) => {
      const [, collection, nn] = SHARD_NAME.exec(name)!;
      const shard = Number(nn);
      const path = `${dir}/${name}`;
      if (!COLLECTIONS.includes(collection as CollectionName) || shard >= SHARDS || shardPath(dir, collection as CollectionName, shard) !== path) {
        throw new DataFileError(`The data folder ${dir} holds ${name}, which this version does not know. Nothing was changed.`);
      }
      let content: ShardFile | null;
      try {
        const text = await new TextFile(path).read();
        bytes += text?.length ?? 0;
        content = text === null ? null : (JSON.parse(text) as ShardFile);
      } catch (error) {
        throw new DataFileError(`The data file ${path} cannot be read (${(error as Error).message}). It was left untouched; fix or move it, or point DATA_FILE elsewhere.`);
      }
      if (!content || !Array.isArray(content.records) || !Array.isArray(content.seq) || content.records.length !== content.seq.length) {
        throw new DataFileError(`The data file ${path} is not a Flowie Exchange shard (records and seq must be arrays of equal length). It was left untouched.`);
      }
      return { collection: collection as CollectionName, content };
    }),
  );
  for (const { collection, content } of files) {
    content.records.forEach((record, i) => {
      const id = (record as Record<string, unknown>)?.[ID_FIELD[collection]];
      state.upsert(collection, String(id), record, content.seq[i]);
    });
  }
  return bytes;
}
