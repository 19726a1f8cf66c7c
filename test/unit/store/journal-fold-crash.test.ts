import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../bff/store/db.js';
import { createRepositories } from '../../../bff/store/repositories.js';
import { apiKeyRecord } from './records.js';

// A crash in the middle of the fold's journal deletions is simulated by an unlink that never returns.
const crash = vi.hoisted(() => ({ stuck: (_path: string): boolean => false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return { ...fs, rm: (path: string, options?: object) => (crash.stuck(String(path)) ? new Promise<void>(() => undefined) : fs.rm(path, options)) };
});

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'flowie-fold-')), 'exchange.json');
/** What a SIGKILL would leave on disk now: the manifest and its folder, copied. */
function snapshot(file: string): string {
  const copy = tempFile();
  cpSync(file, copy);
  cpSync(`${file}.d`, `${copy}.d`, { recursive: true });
  return copy;
}

const key = apiKeyRecord(1);

describe('folding more than one journal into the shards', () => {
  it('never leaves an older journal behind a deleted newer one, so a crash mid-fold cannot undo an acknowledged change', async () => {
    // A server mints a key and is killed: the key is only in journal-000001.
    const first = await openDb(tempFile());
    createRepositories(first).apiKeys.insert({ ...key });
    await first.commit();
    const crashed = snapshot(first.file);
    await first.close();

    // Restarted, it revokes the key (acknowledged: journal-000002), and the first flush folds both journals.
    crash.stuck = (path) => path.endsWith('journal-000001.jsonl');
    const db = await openDb(crashed);
    const revoked = db.find('apiKeys', key.id)!;
    revoked.revokedAt = '2026-12-03T11:00:00.000Z';
    db.markDirty('apiKeys', revoked);
    await db.commit();
    const journal2 = `${crashed}.d/journal-000002.jsonl`;
    for (let i = 0; i < 200 && existsSync(journal2); i++) await new Promise((r) => setTimeout(r, 5));

    // Killed while deleting the folded journals.
    const onDisk = snapshot(crashed);
    crash.stuck = () => false;
    const reopened = await openDb(onDisk);

    expect(reopened.find('apiKeys', key.id)?.revokedAt).toBe('2026-12-03T11:00:00.000Z');
    await reopened.close();
  });
});
