import type { RequestHandler } from 'express';

/** RFC 6749 §5.1: responses carrying credentials must not be cached. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  next();
};
