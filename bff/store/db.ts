import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { emptyData, type Data } from './records.js';

/** The only module that touches lowdb. */
export class DataFileError extends Error {}

export interface Db {
  readonly data: Data;
  readonly file: string;
  /** Resolves once every change made before the call is on disk (one write serves many callers). */
  commit(): Promise<void>;
  /** Writes soon, without making anyone wait (for bookkeeping such as lastUsedAt). */
  touch(): void;
  /** Waits for pending writes and writes anything outstanding. */
  close(): Promise<void>;
}

const COLLECTIONS = Object.keys(emptyData()).filter((k) => k !== 'version') as (keyof Omit<Data, 'version'>)[];
const TOUCH_DELAY_MS = 2_000;

export async function openDb(path: string): Promise<Db> {
  const file = resolve(path);
  await mkdir(dirname(file), { recursive: true });
  const adapter = new DataFile<Data>(file, {
    parse: (text) => JSON.parse(text) as Data,
    stringify: (data) => `${JSON.stringify(data, null, 1)}\n`,
  });
  const low = new Low<Data>(adapter, emptyData());
  try {
    await low.read();
  } catch (error) {
    // Never overwrite a file we cannot read: stop and name it.
    throw new DataFileError(`The data file ${file} cannot be read (${(error as Error).message}). It was left untouched; fix or move it, or point DATA_FILE elsewhere.`);
  }
  assertShape(low.data, file);
  return new GroupCommitDb(low, file);
}

function assertShape(data: unknown, file: string): asserts data is Data {
  const record = data as Record<string, unknown> | null;
  const bad =
    typeof record !== 'object' || record === null || Array.isArray(record) || record.version !== 1
      ? ['version']
      : COLLECTIONS.filter((name) => !Array.isArray(record[name]));
  if (bad.length > 0) {
    throw new DataFileError(`The data file ${file} is not a Flowie Exchange data file (bad or missing: ${bad.join(', ')}). It was left untouched.`);
  }
}

class GroupCommitDb implements Db {
  private waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;
  private touchTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly low: Low<Data>,
    readonly file: string,
  ) {}

  get data(): Data {
    return this.low.data;
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

  async close(): Promise<void> {
    if (this.touchTimer) {
      clearTimeout(this.touchTimer);
      this.touchTimer = null;
    }
    await this.commit();
  }

  /** Every caller that arrived while a write was running shares the next single write. */
  private async flushLoop(): Promise<void> {
    await new Promise((r) => setImmediate(r));
    while (this.waiters.length > 0) {
      const batch = this.waiters.splice(0);
      try {
        await this.low.write();
        batch.forEach((w) => w.resolve());
      } catch (error) {
        batch.forEach((w) => w.reject(error));
      }
    }
    this.flushing = null;
  }
}
