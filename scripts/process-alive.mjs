// Whether a process is alive, for the scripts that run before anything is compiled (the server's own
// copy is bff/store/lock.ts, which the scripts cannot import across the build).
import { readFileSync } from 'node:fs';

/** True while `pid` runs; false once it is gone or a zombie (killed, not yet reaped: it holds nothing). */
export function isRunning(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === 'EPERM';
  }
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: trust kill
  }
}
