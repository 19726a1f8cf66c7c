import type { Response, Router } from 'express';
import { credentialsSchema, signUpSchema, type SessionResponse } from '../../shared/bff.js';
import { PASSWORD_MIN } from '../../shared/limits.js';
import { signIn, signUp, toUserView } from '../accounts/accounts.js';
import { endSession, SESSION_COOKIE, SESSION_TTL_SECONDS, startSession } from '../accounts/sessions.js';
import { SignInThrottle } from '../accounts/sign-in-throttle.js';
import type { ServiceContext } from '../context.js';
import { ApiError } from '../errors.js';
import { methodNotAllowed } from '../middleware/error-handler.js';
import { limitPerIp } from '../middleware/rate-limit.js';
import { readCookie } from '../middleware/session.js';
import type { UserRecord } from '../store/records.js';

/** Sign-up, sign-in, sign-out and "who am I" for the SPA. */
export function sessionRoutes(router: Router, ctx: ServiceContext): void {
  const throttle = new SignInThrottle(ctx.clock);
  const secure = ctx.config.publicUrl.startsWith('https:');
  const perIp = limitPerIp({ windowMs: 15 * 60_000, limit: 30, what: 'sign-in attempts' });

  async function signInResponse(req: Parameters<typeof readCookie>[0], res: Response, user: UserRecord, status: number) {
    const cookie = await startSession(ctx, user, readCookie(req, SESSION_COOKIE));
    res
      .status(status)
      .cookie(SESSION_COOKIE, cookie, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_TTL_SECONDS * 1000 })
      .json({ user: toUserView(user) } satisfies SessionResponse);
  }

  router
    .route('/session')
    .get((_req, res) => {
      const user = res.locals.user as UserRecord | undefined;
      res.json({ user: user ? toUserView(user) : null } satisfies SessionResponse);
    })
    .post(perIp, async (req, res) => {
      const user = await signIn(ctx, throttle, credentialsSchema.parse(req.body));
      await signInResponse(req, res, user, 200);
    })
    .delete(async (req, res) => {
      await endSession(ctx, readCookie(req, SESSION_COOKIE));
      res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' }).status(204).end();
    })
    .all(methodNotAllowed('GET', 'POST', 'DELETE'));

  router
    .route('/accounts')
    .post(perIp, async (req, res) => {
      const parsed = signUpSchema.safeParse(req.body);
      if (!parsed.success && parsed.error.issues.some((i) => i.path[0] === 'password' && i.code === 'too_small')) {
        throw new ApiError('weak_password', 400, `choose a password of at least ${PASSWORD_MIN} characters`);
      }
      const user = await signUp(ctx, signUpSchema.parse(req.body));
      await signInResponse(req, res, user, 201);
    })
    .all(methodNotAllowed('POST'));
}
