import express, { type RequestHandler } from 'express';
import { BODY_LIMIT_BYTES } from '../../shared/limits.js';
import { ApiError } from '../errors.js';

const hasBody = (req: Parameters<RequestHandler>[0]) =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

const json = express.json({ limit: BODY_LIMIT_BYTES, strict: true });
const form = express.urlencoded({ extended: false, limit: BODY_LIMIT_BYTES, parameterLimit: 50 });
const TYPES = ['application/json', 'application/x-www-form-urlencoded'];

/**
 * Reads a JSON or form body; anything else is a 415 rather than a silently empty body. One middleware
 * that picks the parser, rather than the three a request used to pass through in turn.
 */
export const parseBody: RequestHandler = (req, res, next) => {
  if (!hasBody(req)) {
    req.body = {};
    return next();
  }
  const type = req.is(TYPES);
  if (type === 'application/json') return json(req, res, next);
  if (type === 'application/x-www-form-urlencoded') return form(req, res, next);
  throw new ApiError('unsupported_media_type', 415, 'send the body as application/json or application/x-www-form-urlencoded');
};
