import { join } from 'node:path';
import type { Data } from './records.js';

/**
 * Where records live on disk. DATA_FILE holds the manifest; every collection is split by a hash of
 * the record id into SHARDS lowdb files under `<DATA_FILE>.d/`, so writing a change never rewrites
 * more than the shard it falls in. Changes reach disk first as lines in a journal, which is folded
 * into the shards in the background (see db.ts).
 */
export type CollectionName = Exclude<keyof Data, 'version'>;
export type RecordOf<C extends CollectionName> = Data[C][number];

export const LAYOUT_VERSION = 2;
export const SHARDS = 128;

/** The field that identifies a record in each collection. */
export const ID_FIELD = {
  users: 'id',
  sessions: 'idHash',
  organizations: 'id',
  companies: 'id',
  apiKeys: 'id',
  consentRequests: 'id',
  authorizationCodes: 'hash',
  auditEvents: 'id',
} as const satisfies { [C in CollectionName]: keyof RecordOf<C> };

export const COLLECTIONS = Object.keys(ID_FIELD) as CollectionName[];

export const idOf = <C extends CollectionName>(collection: C, record: RecordOf<C>): string =>
  (record as unknown as Record<string, string>)[ID_FIELD[collection]]!;

/** FNV-1a: stable across runs and platforms, cheap, spreads ids evenly enough. */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % SHARDS;
}

export interface Manifest {
  version: typeof LAYOUT_VERSION;
  layout: 'sharded';
  shards: number;
  note: string;
}

export const newManifest = (): Manifest => ({
  version: LAYOUT_VERSION,
  layout: 'sharded',
  shards: SHARDS,
  note: 'Records live in the .d folder next to this file: <collection>-<shard>.json, plus journal-<n>.jsonl for changes not yet folded in.',
});

/** One shard file: records in insertion order, with their global insertion numbers alongside. */
export interface ShardFile {
  records: unknown[];
  seq: number[];
}

export const dataDir = (file: string) => `${file}.d`;
export const shardPath = (dir: string, collection: CollectionName, shard: number) =>
  join(dir, `${collection}-${String(shard).padStart(3, '0')}.json`);
export const SHARD_NAME = /^([a-zA-Z]+)-(\d{3})\.json$/;
export const journalPath = (dir: string, generation: number) => join(dir, `journal-${String(generation).padStart(6, '0')}.jsonl`);
export const JOURNAL_NAME = /^journal-(\d{6})\.jsonl$/;

/** Identifies one shard file: `apiKeys:17`. */
export const shardKey = (collection: CollectionName, id: string) => `${collection}:${shardOf(id)}`;
