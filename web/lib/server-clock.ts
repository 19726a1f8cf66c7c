/**
 * Deadlines (consent expiry, code lifetime) come from the server's clock. When the browser's clock
 * is off by more than a few seconds, a countdown against Date.now() would lie, so every response's
 * Date header keeps an estimate of the difference.
 */
const IGNORE_SKEW_BELOW_MS = 5_000; // the Date header has one-second resolution

let offsetMs = 0;

export function noteServerDate(header: string | null): void {
  if (header === null) return;
  const serverMs = Date.parse(header);
  if (Number.isNaN(serverMs)) return;
  const skew = serverMs - Date.now();
  offsetMs = Math.abs(skew) < IGNORE_SKEW_BELOW_MS ? 0 : skew;
}

/** The server's idea of now, in epoch milliseconds. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}
