import { join } from 'node:path';
import type { Data } from './records.js';

/**
 * Where records live on disk. DATA_FILE holds the manifest; every collection is split into shard files
 * of up to SHARD_RECORDS records under `<DATA_FILE>.d/`, filled in insertion order: new records go to
 * the newest shard, and a record stays in the shard it was first written to. So writing changes
 * rewrites only the shards they touch — for new records, just the newest one — not files in
 * proportion to the whole store. Changes reach disk first as lines in a journal, which is folded into
 * the shards in the background (see sharded-db.ts).
 */
export type CollectionName = Exclude<keyof Data, 'version'>;
export type RecordOf<C extends CollectionName> = Data[C][number];

export const LAYOUT_VERSION = 3;
/** A new shard is started once the newest one holds this many records. */
export const SHARD_RECORDS = 1000;

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

export interface Manifest {
  version: typeof LAYOUT_VERSION;
  layout: 'shards';
  shardRecords: number;
  note: string;
}

export const newManifest = (): Manifest => ({
  version: LAYOUT_VERSION,
  layout: 'shards',
  shardRecords: SHARD_RECORDS,
  note: 'Records live in the .d folder next to this file: <collection>-<n>.json (up to shardRecords records each, in insertion order), plus journal-<n>.jsonl for changes not yet folded in.',
});

/**
 * The manifest of layout 2 (128 shards by a hash of the id). Its shard files are valid shards of this
 * layout too (each record in exactly one file), so such a store is opened as it is and new records
 * simply go to new shards.
 */
export const isLayout2 = (m: Record<string, unknown>) => m.version === 2 && m.layout === 'sharded' && m.shards === 128;

/** One shard file: records in insertion order, with their global insertion numbers alongside. */
export interface ShardFile {
  records: unknown[];
  seq: number[];
}

export const dataDir = (file: string) => `${file}.d`;
export const shardPath = (dir: string, collection: CollectionName, shard: number) =>
  join(dir, `${collection}-${String(shard).padStart(3, '0')}.json`);
export const SHARD_NAME = /^([a-zA-Z]+)-(\d{3,})\.json$/;
export const journalPath = (dir: string, generation: number) => join(dir, `journal-${String(generation).padStart(6, '0')}.jsonl`);
export const JOURNAL_NAME = /^journal-(\d{6})\.jsonl$/;

/** Identifies one shard file: `apiKeys:17`. */
export const shardKey = (collection: CollectionName, shard: number) => `${collection}:${shard}`;
