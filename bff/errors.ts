import type { ErrorCode } from '../shared/errors.js';

/**
 * The one error type. Domain code throws these; the error handler in middleware/error-handler.ts
 * turns them into `{ error, error_description }`. Anything that is not an ApiError becomes a bare
 * server_error (nothing leaked).
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${description}`);
  }
}

export const invalidRequest = (why: string) => new ApiError('invalid_request', 400, why);
export const invalidScope = (why: string) => new ApiError('invalid_scope', 400, why);
export const invalidGrant = (why: string) => new ApiError('invalid_grant', 400, why);
export const unsupportedGrantType = (type: string) =>
  new ApiError('unsupported_grant_type', 400, `grant_type ${JSON.stringify(type)} is not supported; use authorization_code`);
export const notFound = (why = 'not found') => new ApiError('not_found', 404, why);

const BEARER_REALM = 'Bearer realm="flowie-exchange"';
/** RFC 6750 §3: a request with no credentials gets a bare challenge, no error code. */
export const missingToken = () =>
  new ApiError('invalid_token', 401, 'send your API key as Authorization: Bearer <key>', {
    'WWW-Authenticate': BEARER_REALM,
  });
export const invalidToken = (why: string) =>
  new ApiError('invalid_token', 401, why, {
    'WWW-Authenticate': `${BEARER_REALM}, error="invalid_token", error_description="${why.replace(/"/g, "'")}"`,
  });
export const insufficientScope = (scope: string) =>
  new ApiError(
    'insufficient_scope',
    403,
    `this key lacks the ${scope} scope; start a new consent flow that asks for ${scope}`,
    { 'WWW-Authenticate': `${BEARER_REALM}, error="insufficient_scope", scope="${scope}"` },
  );

export const loginRequired = () => new ApiError('login_required', 401, 'sign in to continue');
export const csrfRejected = () =>
  new ApiError('csrf_rejected', 403, 'this request did not come from the Flowie Exchange pages');
export const tooManyRequests = (why: string, retryAfterSeconds: number) =>
  new ApiError('too_many_requests', 429, why, { 'Retry-After': String(retryAfterSeconds) });
export const temporarilyUnavailable = (why: string) => new ApiError('temporarily_unavailable', 503, why);
