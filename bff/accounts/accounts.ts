import type { Credentials, User } from '../../shared/bff.js';
import { ApiError, tooManyRequests } from '../errors.js';
import { iso } from '../clock.js';
import type { ServiceContext } from '../context.js';
import { randomBase62 } from '../crypto.js';
import { recordAudit } from '../audit/audit.js';
import type { UserRecord } from '../store/records.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';
import type { SignInThrottle } from './sign-in-throttle.js';

const normaliseEmail = (email: string) => email.trim().toLowerCase();
export const toUserView = (user: UserRecord): User => ({ id: user.id, email: user.email });

export async function signUp(ctx: ServiceContext, credentials: Credentials): Promise<UserRecord> {
  const email = normaliseEmail(credentials.email);
  if (ctx.repos.users.findByEmail(email)) {
    throw new ApiError('email_taken', 409, 'an account with this email already exists; sign in instead');
  }
  const passwordHash = await hashPassword(credentials.password);
  // Checked again: another sign-up for the same email may have finished while we were hashing.
  if (ctx.repos.users.findByEmail(email)) {
    throw new ApiError('email_taken', 409, 'an account with this email already exists; sign in instead');
  }
  const user: UserRecord = { id: `usr_${randomBase62(20)}`, email, passwordHash, createdAt: iso(ctx.clock()) };
  ctx.repos.users.insert(user);
  recordAudit(ctx, 'account.created', { actor: `user:${user.id}`, userId: user.id });
  return user; // the session created next commits both
}

export async function signIn(ctx: ServiceContext, throttle: SignInThrottle, credentials: Credentials): Promise<UserRecord> {
  const email = normaliseEmail(credentials.email);
  const user = ctx.repos.users.findByEmail(email);
  const wait = throttle.beginAttempt(email);
  if (wait > 0) {
    // Still recorded: the owner should see that guessing went on after the lock.
    if (user) recordSignInFailure(ctx, user, 'locked');
    throw tooManyRequests('too many wrong passwords for this account; try again later', wait);
  }
  if (!user) {
    await burnPasswordCheck(credentials.password);
  } else if (await verifyPassword(credentials.password, user.passwordHash)) {
    throttle.reset(email);
    recordAudit(ctx, 'account.signed_in', { actor: `user:${user.id}`, userId: user.id });
    return user;
  }
  if (user) recordSignInFailure(ctx, user, 'wrong_password');
  throw new ApiError('invalid_credentials', 401, 'wrong email or password');
}

function recordSignInFailure(ctx: ServiceContext, user: UserRecord, reason: 'wrong_password' | 'locked') {
  recordAudit(ctx, 'account.sign_in_failed', { actor: 'anonymous', userId: user.id, detail: { reason } });
  ctx.db.touch();
}
