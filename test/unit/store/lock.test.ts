import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../../bff/store/data-file-error.js';
import { lockDataFile } from '../../../bff/store/lock.js';

/** A pid no process has: beyond the kernel's pid_max. */
const DEAD_PID = 2 ** 22 + 1;

describe('data file lock', () => {
  it('takes over a lock whose process is gone', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'flowie-lock-')), 'exchange.json');
    writeFileSync(`${file}.lock`, `${DEAD_PID}\n`);

    const lock = lockDataFile(file);

    expect(readFileSync(`${file}.lock`, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('leaves alone the lock another starter took over the same stale lock with, and refuses', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'flowie-lock-')), 'exchange.json');
    writeFileSync(`${file}.lock`, `${DEAD_PID}\n`);
    const other = process.ppid; // a running process that is not this one

    // Between this starter reading the stale lock and taking it over, another one takes it.
    const start = () => lockDataFile(file, () => writeFileSync(`${file}.lock`, `${other}\n`));

    expect(start).toThrow(DataFileError);
    expect(start).toThrow(new RegExp(`in use by another running server \\(pid ${other}\\)`));
    expect(readFileSync(`${file}.lock`, 'utf8').trim()).toBe(String(other));
  });
});
