import { iso } from './clock.js';
import type { ServiceContext } from './context.js';

const DAY_MS = 86_400_000;

/**
 * Drops what can no longer be used: expired sessions, pending consent requests a day past their
 * expiry (until then a late visitor is told "expired" rather than "unknown"), and codes a day past
 * theirs (until then a replay is still recognised and answered by revocation).
 */
export async function pruneExpired(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock();
  const removed =
    ctx.repos.sessions.pruneExpired(iso(now)) +
    ctx.repos.consentRequests.pruneExpiredPending(iso(now - DAY_MS)) +
    ctx.repos.authorizationCodes.pruneExpiredBefore(iso(now - DAY_MS));
  if (removed > 0) await ctx.db.commit();
  return removed;
}
