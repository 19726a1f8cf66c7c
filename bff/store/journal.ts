import { closeSync, openSync, writeSync } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { DataFileError } from './data-file-error.js';
import { COLLECTIONS, ID_FIELD, type CollectionName } from './layout.js';

/**
 * One line per changed record, appended once per group commit: `{"c","s","r"}` stores record r
 * (insertion number s) in collection c, `{"c","d"}` removes the record with id d. Readable JSON lines;
 * replaying them over the shards in file order gives the latest state.
 */
export type JournalLine = { c: CollectionName; s: number; r: unknown } | { c: CollectionName; d: string };

export class JournalWriter {
  private handle: FileHandle | null = null;
  private fd: number | null = null;
  bytes = 0;

  constructor(
    readonly path: string,
    private readonly fsync: boolean,
    private readonly syncDir: () => Promise<void>,
  ) {}

  /**
   * Appends the whole batch; with fsync, returns once it would survive a power loss. Without fsync the
   * append is one write(2) into the page cache, done in place: a few microseconds for a batch of a few
   * KB, where a round trip through libuv's thread pool left the event loop idle waiting for it.
   */
  async append(text: string): Promise<void> {
    const buffer = Buffer.from(text, 'utf8');
    if (!this.fsync) {
      this.fd ??= openSync(this.path, 'a');
      for (let offset = 0; offset < buffer.length; ) offset += writeSync(this.fd, buffer, offset, buffer.length - offset);
      this.bytes += buffer.length;
      return;
    }
    if (!this.handle) {
      this.handle = await open(this.path, 'a');
      await this.syncDir(); // the new file's name must survive too
    }
    let offset = 0;
    while (offset < buffer.length) {
      const { bytesWritten } = await this.handle.write(buffer, offset, buffer.length - offset);
      offset += bytesWritten;
    }
    await this.handle.datasync();
    this.bytes += buffer.length;
  }

  async close(): Promise<void> {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    await this.handle?.close();
    this.handle = null;
  }
}

/**
 * A final line without its newline is a write cut short by a crash: no commit waited for it to
 * finish, so it is dropped. Anything else that does not parse stops start-up, naming the file.
 */
export async function readJournal(path: string): Promise<JournalLine[]> {
  const text = await readFile(path, 'utf8');
  const lines = text.split('\n');
  const torn = lines.pop();
  const out: JournalLine[] = [];
  lines.forEach((line, i) => {
    try {
      const parsed = JSON.parse(line) as JournalLine;
      if (typeof parsed !== 'object' || parsed === null || !COLLECTIONS.includes(parsed.c)) throw new Error('not a journal line: unknown collection');
      if ('d' in parsed ? typeof parsed.d !== 'string' : typeof (parsed.r as Record<string, unknown> | null)?.[ID_FIELD[parsed.c]] !== 'string') {
        throw new Error('not a journal line: a record without its id, or a removal without an id');
      }
      out.push(parsed);
    } catch (error) {
      throw new DataFileError(`The data file ${path} cannot be read (line ${i + 1}: ${(error as Error).message}). It was left untouched; fix or move it, or point DATA_FILE elsewhere.`);
    }
  });
  void torn;
  return out;
}
