import type { Request, RequestHandler } from 'express';
import type { ServiceContext } from '../context.js';
import { loginRequired } from '../errors.js';
import { findSessionUser, SESSION_COOKIE } from '../accounts/sessions.js';
import type { UserRecord } from '../store/records.js';

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Sets res.locals.user when the session cookie is valid; never fails. */
export function loadSession(ctx: ServiceContext): RequestHandler {
  return (req, res, next) => {
    res.locals.user = findSessionUser(ctx, readCookie(req, SESSION_COOKIE));
    next();
  };
}

export const requireSession: RequestHandler = (_req, res, next) => {
  if (!res.locals.user) throw loginRequired();
  next();
};

export const sessionUser = (res: { locals: Record<string, unknown> }) => res.locals.user as UserRecord;
