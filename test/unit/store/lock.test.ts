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

describe('data file lock, two starters at once', () => {
  it('waits for the pid of a lock file another starter has just created, instead of taking it for stale', async () => {
    const { spawn } = await import('node:child_process');
    const file = join(mkdtempSync(join(tmpdir(), 'flowie-lock-')), 'exchange.json');
    const path = `${file}.lock`;
    // Another starter: creates the lock file, and writes its pid a moment later (as writeFileSync's open, then write).
    const other = spawn(process.execPath, [
      '-e',
      `const fs = require('node:fs'); const fd = fs.openSync(${JSON.stringify(path)}, 'wx');
       setTimeout(() => fs.writeSync(fd, process.pid + '\\n'), 100); setTimeout(() => {}, 3000);`,
    ]);
    try {
      for (let i = 0; i < 500 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 5));
      expect(readFileSync(path, 'utf8')).toBe(''); // created, no pid yet

      expect(() => lockDataFile(file)).toThrow(new RegExp(`in use by another running server \\(pid ${other.pid}\\)`));
      expect(readFileSync(path, 'utf8').trim()).toBe(String(other.pid));
    } finally {
      other.kill();
    }
  });
});
