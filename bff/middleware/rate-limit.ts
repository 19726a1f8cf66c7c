import type { RequestHandler } from 'express';
import { MemoryStore, rateLimit } from 'express-rate-limit';
import { tooManyRequests } from '../errors.js';

/** The window of the per-IP limits that are set per hour (bootstrap, authorize). */
export const HOUR_MS = 3_600_000;

/**
 * Per-client-IP limits. req.ip honours X-Forwarded-For only when TRUST_PROXY names the proxy
 * (app.set('trust proxy')), so a spoofed header cannot reset a limit.
 *
 * With onlySuccesses, a request answered with a refusal (4xx) gives its count back. express-rate-limit's
 * own skipFailedRequests is not used for that: it also gives the count back when the client hangs up
 * before the answer is sent, by which time the request may well have stored something (a consent
 * request stored, then its commit awaited while the client resets the connection): a client hanging up
 * on every request was never limited at all.
 */
export function limitPerIp(options: { windowMs: number; limit: number; what: string; onlySuccesses?: boolean }): RequestHandler {
  const store = new MemoryStore();
  const limiter = rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    store,
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
  if (!options.onlySuccesses) return limiter;
  return (req, res, next) =>
    limiter(req, res, (error?: unknown) => {
      const info = (req as unknown as { rateLimit?: { key?: string; resetTime?: Date } }).rateLimit;
      if (info?.key !== undefined) {
        const key = info.key;
        const windowEnd = info.resetTime?.getTime();
        // Only an answer that refuses the request (sent in full) takes the count back: a 4xx from the route,
        // and also this limiter's own 429, which stored nothing either (requests refused while invalid
        // ones were still counted in flight would otherwise use up the hour). A count taken in a window
        // that has since ended is not given back to the next one.
        res.once('finish', () => {
          if (res.statusCode < 400 || res.statusCode >= 500) return;
          if (windowEnd !== undefined && Date.now() >= windowEnd) return;
          void store.decrement(key);
        });
      }
      next(error as Error | undefined);
    });
}
