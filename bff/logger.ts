import { pino, type Logger, type DestinationStream } from 'pino';

/**
 * One structured logger. Secrets never reach it: the paths below are redacted wherever they
 * appear, and the code logs key prefixes, never keys.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.apiKey',
  '*.access_token',
  '*.code',
  '*.code_verifier',
  '*.passwordHash',
];

/** An API key written where it does not belong (a label, an agent name): its secret part is not logged. */
export const scrubKeys = (text: string) => text.replace(/flw_[a-z]+_[A-Za-z0-9]{20,}/gi, 'flw_[redacted]');

const ANYTHING_TO_HIDE = /%|flw_|[^/]{40}/i;

/**
 * A URL path for the log. A secret put in a path by mistake (an API key, an authorization code, a
 * verifier, a session id: keys start flw_, the others are 43+ characters) is logged as its length only,
 * and so is everything after a key's start.
 */
export function loggablePath(path: string): string {
  if (!ANYTHING_TO_HIDE.test(path)) return path; // the usual path: nothing encoded, no key, no long segment
  // Once a segment holds a key's start, the segments after it may hold the rest of it (a key split by a
  // slash), so they are hidden too.
  let afterKey = false;
  return path
    .split('/')
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // malformed percent-encoding: judge it as sent
      }
      if (/flw_/i.test(decoded)) afterKey = true;
      return afterKey || decoded.length >= 40 ? `[${segment.length} chars]` : segment;
    })
    .join('/');
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination ?? standardOutput());
}

let stdout: DestinationStream | undefined;

/**
 * Standard output, written synchronously (when the reader of a pipe is gone the EPIPE stops logging at
 * once; pino's asynchronous destination retried EPIPE forever at exit, so with `| head -1` a SIGTERM
 * never ended the process). The lines made during one turn of the event loop go out in one write at
 * the end of that turn: under load a write(2) per batch of requests instead of one per line (3% of a
 * token exchange's CPU), and a line is still out before the server waits for the next request. At exit
 * whatever is pending is written; only a SIGKILL can lose the lines of the turn it interrupts.
 */
function standardOutput(): DestinationStream {
  if (stdout) return stdout;
  const out = pino.destination({ dest: 1, sync: true });
  let pending = '';
  const flush = () => {
    if (!pending) return;
    const text = pending;
    pending = '';
    out.write(text);
  };
  process.on('exit', flush);
  stdout = {
    write(line: string) {
      if (!pending) setImmediate(flush);
      pending += line;
    },
  };
  return stdout;
}

export type { Logger };
