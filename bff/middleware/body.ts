import express, { type RequestHandler } from 'express';
import { BODY_LIMIT_BYTES } from '../../shared/limits.js';
import { ApiError } from '../errors.js';

const hasBody = (req: Parameters<RequestHandler>[0]) =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/** Only JSON and form bodies are read; anything else is a 415 rather than a silently empty body. */
const requireKnownContentType: RequestHandler = (req, _res, next) => {
  if (!hasBody(req)) {
    req.body = {};
    return next();
  }
  if (!req.is(['application/json', 'application/x-www-form-urlencoded'])) {
    throw new ApiError('unsupported_media_type', 415, 'send the body as application/json or application/x-www-form-urlencoded');
  }
  next();
};

export const parseBody: RequestHandler[] = [
  requireKnownContentType,
  express.json({ limit: BODY_LIMIT_BYTES, strict: true }),
  express.urlencoded({ extended: false, limit: BODY_LIMIT_BYTES, parameterLimit: 50 }),
];
