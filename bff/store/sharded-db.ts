import { open, rm } from 'node:fs/promises';
import { TextFile } from 'lowdb/node';
import type { Db } from './db.js';
import { JournalWriter } from './journal.js';
import { COLLECTIONS, idOf, journalPath, shardKey, shardPath, type CollectionName, type RecordOf } from './layout.js';
import type { Data } from './records.js';
import type { ShardedState } from './shards.js';

const TOUCH_DELAY_MS = 2_000;
/**
 * The journal is folded into the shards once it is as big as the shards it touched (and at least this),
 * so a fold rewrites no more bytes than the changes it folds in: amortised O(change).
 */
const MIN_COMPACT_BYTES = 8 * 2 ** 20;
const PARALLEL_SHARD_WRITES = 4;

type Change = { c: CollectionName; id: string; shard: number | undefined };

export interface DbInternals {
  fsync: boolean;
  syncDir: () => Promise<void>;
  /** Each shard file's size as read at start, by shard key. */
  shardBytes: Map<string, number>;
  /** Journal files replayed at start; deleted once their records are in the shards. */
  journals: string[];
  /** The shards the replayed journals changed. */
  replayed: Set<string>;
  /** Gives up the data file's lock (bff/store/lock.ts) once closed. */
  release: () => void;
}

/**
 * Group commit: every change marked before a flush goes to the journal in one append (one write,
 * plus one fdatasync with DATA_FSYNC), so a commit costs in proportion to what changed. In the
 * background, once the journal is as large as the shards it touched, those shards are rewritten
 * (lowdb, temp file + rename) and the journal dropped.
 */
export class ShardedDb implements Db {
  readonly data: Data;
  /** Records changed since the last flush, per collection: id → the shard it is (or was) in. */
  private pending = Object.fromEntries(COLLECTIONS.map((c) => [c, new Map<string, number | undefined>()])) as Record<CollectionName, Map<string, number | undefined>>;
  private dirtyShards = new Set<string>();
  /** Bytes the dirty shards had when last written or read: what the next fold rewrites, roughly. */
  private dirtyBytes = 0;
  private waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;
  private compacting: Promise<void> | null = null;
  private touchTimer: NodeJS.Timeout | null = null;
  private journal: JournalWriter;
  private generation: number;
  private obsoleteJournals: string[];
  private journalBytes = 0;
  private shardBytes: Map<string, number>;
  private compactionError: unknown = null;

  constructor(
    readonly file: string,
    private readonly dir: string,
    private readonly state: ShardedState,
    private readonly options: DbInternals,
  ) {
    this.data = state.toData();
    this.shardBytes = options.shardBytes;
    this.obsoleteJournals = [...options.journals];
    this.generation = options.journals.length > 0 ? Number(/(\d+)\.jsonl$/.exec(options.journals.at(-1)!)![1]) + 1 : 1;
    this.journal = this.newJournal();
    for (const key of options.replayed) this.markShardDirty(key);
    if (options.journals.length > 0) this.journalBytes = Number.MAX_SAFE_INTEGER; // fold them in at the next flush
  }

  find<C extends CollectionName>(collection: C, id: string): RecordOf<C> | undefined {
    return this.state.get(collection, id)?.record as RecordOf<C> | undefined;
  }

  markDirty<C extends CollectionName>(collection: C, record: RecordOf<C>): void {
    const id = idOf(collection, record);
    this.pending[collection].set(id, this.state.upsert(collection, id, record).shard);
  }

  markRemoved(collection: CollectionName, id: string): void {
    const pending = this.pending[collection];
    // A record inserted and removed before the next flush is in no shard yet; its pending change knows where it was going.
    const shard = this.state.remove(collection, id) ?? pending.get(id);
    pending.set(id, shard);
    // Its shard must be rewritten even if the id comes back before the flush (and lands in another shard).
    if (shard !== undefined) this.markShardDirty(shardKey(collection, shard));
  }

  commit(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  touch(): void {
    this.touchTimer ??= setTimeout(() => {
      this.touchTimer = null;
      this.commit().catch(() => undefined); // a failed bookkeeping write is retried with the next commit
    }, TOUCH_DELAY_MS);
    this.touchTimer.unref();
  }

  async checkpoint(): Promise<void> {
    await this.commit();
    while (this.flushing || this.compacting) await (this.flushing ?? this.compacting);
    if (this.dirtyShards.size > 0 || this.obsoleteJournals.length > 0 || this.journalBytes > 0) {
      await (this.compacting = this.compact().finally(() => (this.compacting = null)));
    }
    if (this.compactionError) throw this.compactionError;
  }

  async close(): Promise<void> {
    if (this.touchTimer) {
      clearTimeout(this.touchTimer);
      this.touchTimer = null;
    }
    await this.commit();
    await this.compacting;
    if (this.dirtyShards.size > 0 || this.obsoleteJournals.length > 0 || this.journalBytes > 0) await this.compact();
    await this.journal.close();
    this.options.release();
    if (this.compactionError) throw this.compactionError; // the journal still holds everything
  }

  /** Rewrites the given shards from memory (used by compaction and by the one-time migration). */
  async writeShards(keys: string[]): Promise<void> {
    const all: Promise<void>[] = [];
    const inFlight = new Set<Promise<void>>();
    try {
      for (const key of keys) {
        // One shard serialised per turn of the event loop, so compaction never stalls requests for long.
        await new Promise((resolve) => setImmediate(resolve));
        const write: Promise<void> = this.writeShard(key).finally(() => inFlight.delete(write));
        // Observed below (race / all); without this a failed write is unhandled while we yield, and Node exits.
        write.catch(() => undefined);
        all.push(write);
        inFlight.add(write);
        if (inFlight.size >= PARALLEL_SHARD_WRITES) await Promise.race(inFlight);
      }
      await Promise.all(all);
    } catch (error) {
      await Promise.allSettled(all);
      throw error;
    }
    if (this.options.fsync && keys.length > 0) await this.options.syncDir();
  }

  /** Rewrites one shard from memory (lowdb: temp file + rename); a shard left without records is deleted. */
  private async writeShard(key: string): Promise<void> {
    const [c, n] = key.split(':') as [CollectionName, string];
    const path = shardPath(this.dir, c, Number(n));
    const text = this.state.shardText(c, Number(n));
    if (text === null) {
      await rm(path, { force: true });
      this.shardBytes.delete(key);
      return;
    }
    await new TextFile(path).write(text);
    if (this.options.fsync) {
      const handle = await open(path, 'r');
      await handle.datasync().finally(() => handle.close());
    }
    this.shardBytes.set(key, text.length);
  }

  private markShardDirty(key: string): void {
    if (this.dirtyShards.has(key)) return;
    this.dirtyShards.add(key);
    this.dirtyBytes += this.shardBytes.get(key) ?? 0;
  }

  private newJournal(): JournalWriter {
    return new JournalWriter(journalPath(this.dir, this.generation), this.options.fsync, this.options.syncDir);
  }

  /** Later appends go to a new file; the old one is deleted once the shards hold its records. */
  private rotate(): JournalWriter {
    const old = this.journal;
    this.obsoleteJournals.push(old.path);
    this.generation++;
    this.journal = this.newJournal();
    return old;
  }

  /** Every caller that arrived while a write was running shares the next single write. */
  private async flushLoop(): Promise<void> {
    await new Promise((r) => setImmediate(r));
    while (this.waiters.length > 0) {
      const batch = this.waiters.splice(0);
      const changes: Change[] = [];
      for (const c of COLLECTIONS) {
        for (const [id, shard] of this.pending[c]) changes.push({ c, id, shard });
        this.pending[c].clear();
      }
      try {
        if (changes.length > 0) await this.append(changes);
        batch.forEach((w) => w.resolve());
      } catch (error) {
        for (const { c, id, shard } of changes) if (!this.pending[c].has(id)) this.pending[c].set(id, shard);
        await this.rotate().close().catch(() => undefined); // a torn tail stays at the end of its own file
        batch.forEach((w) => w.reject(error));
      }
      if (!this.compacting && this.journalBytes >= Math.max(MIN_COMPACT_BYTES, this.dirtyBytes)) {
        this.compacting = this.compact().finally(() => (this.compacting = null));
      }
    }
    this.flushing = null;
  }

  /** One journal line per changed record, in its state at flush time (several changes collapse into one). */
  private async append(changes: Change[]): Promise<void> {
    let text = '';
    for (const { c, id } of changes) {
      const entry = this.state.get(c, id);
      if (!entry) {
        text += `${JSON.stringify({ c, d: id })}\n`;
        continue;
      }
      // The same bytes as JSON.stringify({ c, s, r }); the record's JSON is kept for the next fold.
      entry.json = JSON.stringify(entry.record);
      text += `{"c":"${c}","s":${entry.seq},"r":${entry.json}}\n`;
    }
    await this.journal.append(text);
    this.journalBytes += text.length;
    for (const { c, shard } of changes) if (shard !== undefined) this.markShardDirty(shardKey(c, shard));
  }

  private async compact(): Promise<void> {
    await this.rotate().close();
    const obsolete = this.obsoleteJournals.splice(0);
    const shards = [...this.dirtyShards];
    this.dirtyShards.clear();
    const dirtyBytes = this.dirtyBytes;
    this.dirtyBytes = 0;
    const journalBytes = this.journalBytes;
    this.journalBytes = 0;
    try {
      await this.writeShards(shards);
      // Oldest first, one at a time (and, with fsync, each deletion on disk before the next): a crash part
      // way leaves the newest journals, whose replay over the shards gives the latest state. Deleted all at
      // once, a newer journal could go first and leave an older one behind, whose replay puts records
      // back as they were before the newer changes (an acknowledged revocation undone).
      for (const path of obsolete) {
        await rm(path, { force: true });
        if (this.options.fsync) await this.options.syncDir();
      }
      this.compactionError = null;
    } catch (error) {
      shards.forEach((key) => this.dirtyShards.add(key));
      this.dirtyBytes += dirtyBytes;
      this.obsoleteJournals.unshift(...obsolete);
      this.journalBytes += journalBytes;
      this.compactionError = error;
    }
  }
}
