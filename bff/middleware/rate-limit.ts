import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { tooManyRequests } from '../errors.js';

/**
 * Per-client-IP limits. req.ip honours X-Forwarded-For only when TRUST_PROXY names the proxy
 * (app.set('trust proxy')), so a spoofed header cannot reset a limit.
 */
export function limitPerIp(options: { windowMs: number; limit: number; what: string; onlySuccesses?: boolean }): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    // A refused request (4xx/5xx) stored nothing; with onlySuccesses it does not count against the limit.
    skipFailedRequests: options.onlySuccesses ?? false,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // We deliberately ignore X-Forwarded-For unless configured; don't warn about it.
    validate: { xForwardedForHeader: false, trustProxy: false },
    handler: (req, _res, next) => {
      const resetTime = (req as unknown as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : Math.ceil(options.windowMs / 1000);
      next(tooManyRequests(`too many ${options.what} from this address; try again in ${seconds} seconds`, seconds));
    },
  });
}
