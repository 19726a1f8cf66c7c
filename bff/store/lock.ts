import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { DataFileError } from './data-file-error.js';

/**
 * One server per data file. Two processes on the same files each keep their own copy in memory and
 * rewrite the shards from it, so the second to stop silently drops what the first acknowledged.
 * `<DATA_FILE>.lock` holds the owner's pid; a lock whose process is gone (a crash, a SIGKILL) is
 * taken over. The same process may open the file again (tests read what is on disk that way).
 */
const heldHere = new Set<string>();

export interface DataLock {
  release(): void;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // A killed process not yet reaped (a zombie) still answers kill(pid, 0), but holds nothing.
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: trust kill
  }
};

const pidIn = (text: string): number | null => {
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
};

const ownerOf = (path: string): number | null => {
  try {
    return pidIn(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

/**
 * A lock file with no pid in it yet: another starter may have just created it (writeFileSync's open and
 * write are two steps). Its pid is waited for, briefly, rather than the file being taken for stale: moved
 * aside while still empty, it would be removed as stale, and both starters would run on the same files.
 */
const EMPTY_LOCK_WAIT_MS = 500;
function ownerOnceWritten(path: string): number | null {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < EMPTY_LOCK_WAIT_MS; waited += 10) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return null; // gone: the caller's next step finds out what took its place
    }
    if (text !== '') return pidIn(text);
    Atomics.wait(pause, 0, 0, 10);
  }
  return null;
}

/** `beforeTakeover` is for tests: it runs between finding a stale lock and taking it over. */
export function lockDataFile(file: string, beforeTakeover?: () => void): DataLock {
  const path = `${file}.lock`;
  if (heldHere.has(path)) return { release: () => undefined }; // a second handle in the owning process
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      heldHere.add(path);
      return {
        release() {
          heldHere.delete(path);
          if (ownerOf(path) === process.pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DataFileError(`Cannot create the lock file ${path} (${(error as Error).message}). Nothing was changed.`);
      }
    }
    const owner = ownerOf(path) ?? ownerOnceWritten(path);
    // Our own pid without holding it here: left by an earlier process that had this pid (a container restart).
    if (owner !== null && owner !== process.pid && isRunning(owner)) {
      throw new DataFileError(
        `The data file ${file} is in use by another running server (pid ${owner}). Stop that server first, or point DATA_FILE elsewhere. ` +
          `If no server is running, delete ${path}.`,
      );
    }
    beforeTakeover?.();
    // Stale: its process is gone. It is moved aside (a rename is atomic, so of two starters that found it
    // only one moves it) and checked: if what was moved is not the stale lock read above, another starter
    // took over in between, and its lock is put back instead of being removed.
    const aside = `${path}.${process.pid}.stale`;
    try {
      renameSync(path, aside);
    } catch {
      continue; // moved or removed meanwhile by another starting process: try again
    }
    if (ownerOf(aside) !== owner) {
      try {
        linkSync(aside, path); // back where it was, unless yet another lock was created meanwhile
      } catch {
        // that one stands
      }
    }
    unlinkSync(aside);
  }
  throw new DataFileError(`Could not take the lock file ${path}: another server kept taking it. Nothing was changed.`);
}
