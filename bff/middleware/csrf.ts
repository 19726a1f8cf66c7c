import type { RequestHandler } from 'express';
import type { Config } from '../config.js';
import { csrfRejected } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing cookie-authenticated calls must come from our own pages: the Origin header (sent
 * by browsers on every POST/DELETE) must be the public origin or the origin of the Host asked for.
 * SameSite=Lax cookies are the first line; this is the second (OWASP "verifying origin").
 */
export function requireSameOrigin(config: Config): RequestHandler {
  const publicOrigin = new URL(config.publicUrl).origin;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    const ownOrigin = `${req.protocol}://${req.headers.host ?? ''}`;
    if (origin === undefined || origin === 'null' || (origin !== publicOrigin && origin !== ownOrigin)) {
      throw csrfRejected();
    }
    next();
  };
}
