import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { loggablePath, type Logger } from '../logger.js';

/** A request id on every response and one log line per request: path only, never the query or headers. */
export function requestLog(logger: Logger): RequestHandler {
  // These five fields are all it ever logs, none of them secret (the query string is cut off and the
  // path scrubbed), so the redaction pass (a selective clone of every line) is skipped for the busiest
  // line there is.
  const log = logger.child({}, { redact: [] });
  return (req, res, next) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    res.set('X-Request-Id', requestId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ requestId, method: req.method, path: loggablePath(req.originalUrl.split('?')[0]!), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}
