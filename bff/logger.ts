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

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
}

export type { Logger };
