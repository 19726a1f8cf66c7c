import { iso } from '../clock.js';
import type { ServiceContext } from '../context.js';
import { randomToken, sha256Hex } from '../crypto.js';
import type { UserRecord } from '../store/records.js';

export const SESSION_COOKIE = 'flw_session';
export const SESSION_TTL_SECONDS = 12 * 3600;

/** A new session for the user (always a new id: sessions rotate on sign-in). Returns the cookie value. */
export async function startSession(ctx: ServiceContext, user: UserRecord, previousCookie?: string): Promise<string> {
  if (previousCookie) ctx.repos.sessions.remove(sha256Hex(previousCookie));
  const cookie = randomToken(32);
  const now = ctx.clock();
  ctx.repos.sessions.insert({
    idHash: sha256Hex(cookie),
    userId: user.id,
    createdAt: iso(now),
    expiresAt: iso(now + SESSION_TTL_SECONDS * 1000),
  });
  await ctx.db.commit();
  return cookie;
}

export function findSessionUser(ctx: ServiceContext, cookie: string | undefined): UserRecord | undefined {
  if (!cookie || cookie.length > 100) return undefined;
  const session = ctx.repos.sessions.findByHash(sha256Hex(cookie));
  if (!session || session.expiresAt <= iso(ctx.clock())) return undefined;
  return ctx.repos.users.findById(session.userId);
}

/** Sign-out ends the session on the server, not just in the browser. */
export async function endSession(ctx: ServiceContext, cookie: string | undefined): Promise<void> {
  if (!cookie) return;
  ctx.repos.sessions.remove(sha256Hex(cookie));
  await ctx.db.commit();
}
