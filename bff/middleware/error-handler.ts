import type { ErrorRequestHandler, RequestHandler } from 'express';
import { $ZodError } from 'zod/v4/core';
import { ApiError, notFound } from '../errors.js';
import type { Logger } from '../logger.js';

/** body-parser's error types and what a client should be told about each. */
const BODY_ERRORS: Record<string, (err: { message: string }) => ApiError> = {
  'entity.parse.failed': () => new ApiError('invalid_request', 400, 'the request body is not valid JSON'),
  'entity.too.large': () => new ApiError('payload_too_large', 413, 'the request body is larger than 16 KiB'),
  'encoding.unsupported': () => new ApiError('unsupported_media_type', 415, 'the request body encoding is not supported; send identity or gzip'),
  'charset.unsupported': () => new ApiError('unsupported_media_type', 415, 'the request body must be UTF-8'),
  'parameters.too.many': () => new ApiError('invalid_request', 400, 'the form has too many fields'),
  'request.aborted': () => new ApiError('invalid_request', 400, 'the request body was cut off'),
  'request.size.invalid': () => new ApiError('invalid_request', 400, 'the request body is shorter or longer than Content-Length said'),
  'stream.encoding.set': () => new ApiError('invalid_request', 400, 'the request body could not be read'),
};

const STORAGE_ERRNOS = new Set(['ENOSPC', 'EROFS', 'EACCES', 'EPERM', 'EDQUOT', 'EIO', 'EMFILE']);

function describeZodError(error: $ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the request is malformed';
  const field = issue.path.map(String).join('.');
  if (!field) return issue.code === 'invalid_type' ? 'the request body must be a JSON object or a form' : issue.message;
  if (issue.message.startsWith(field)) return issue.message;
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? `${field} is required` : `${field} must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  }
  return `${field}: ${issue.message}`;
}

/** Anything a client could have caused becomes a 4xx; the rest is a bare 500 with the detail only in the log. */
export function toApiError(err: unknown, logger: Logger, requestId: string): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof $ZodError) return new ApiError('invalid_request', 400, describeZodError(err));
  const e = err as { type?: string; status?: number; code?: string; message?: string } | null;
  const bodyError = e?.type ? BODY_ERRORS[e.type] : undefined;
  if (bodyError) return bodyError(e as { message: string });
  if (err instanceof URIError) return new ApiError('invalid_request', 400, 'the URL contains malformed percent-encoding');
  // The store keeps the refused change in memory and writes it with the next successful commit, so no
  // later answer ever depends on something that is not on disk; the refused request's own outcome is
  // unknown until then, hence "not confirmed" rather than "nothing changed".
  if (e?.code && STORAGE_ERRNOS.has(e.code)) {
    logger.error({ err, requestId }, 'storage write failed');
    return new ApiError('temporarily_unavailable', 503, 'the service cannot save data right now, so this request was not confirmed; try again shortly', { 'Retry-After': '30' });
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new ApiError('invalid_request', e.status, 'the request could not be understood');
  }
  logger.error({ err, requestId }, 'unhandled error');
  return new ApiError('server_error', 500, `something went wrong on our side (request ${requestId})`);
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const apiError = toApiError(err, logger, String(res.locals.requestId ?? '-'));
    res
      .status(apiError.status)
      .set({ ...apiError.headers, 'Cache-Control': 'no-store' })
      .json({ error: apiError.code, error_description: apiError.description });
  };
}

export const notFoundHandler: RequestHandler = (req) => {
  throw notFound(`there is no ${req.method} ${req.originalUrl.split('?')[0]}`);
};

export const methodNotAllowed =
  (...allowed: string[]): RequestHandler =>
  (req) => {
    throw new ApiError('method_not_allowed', 405, `${req.method} is not allowed here; use ${allowed.join(' or ')}`, {
      Allow: allowed.join(', '),
    });
  };
