import type { RequestHandler } from 'express';
import type { ScopeName } from '../../shared/scopes.js';
import type { ServiceContext } from '../context.js';
import { insufficientScope, invalidRequest, invalidToken, missingToken } from '../errors.js';
import { authenticateApiKey } from '../keys/api-keys.js';
import type { ApiKeyRecord } from '../store/records.js';

// RFC 6750 §2.1: the scheme is case-insensitive, the token is not.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const QUERY_CREDENTIALS = new Set(['access_token', 'api_key', 'apikey', 'key', 'token', 'bearer']);
/** Anything that looks like one of our keys, under whatever parameter name it was pasted. */
const KEY_LIKE = /flw_(test|live)_[A-Za-z0-9]{8}/;

const credentialsInQuery = (query: Record<string, unknown>) =>
  Object.entries(query).some(([name, value]) => QUERY_CREDENTIALS.has(name.toLowerCase()) || KEY_LIKE.test(String(value)));

export function requireApiKey(ctx: ServiceContext): RequestHandler {
  return (req, res, next) => {
    // RFC 9700 §4.3.2 / RFC 6750 §5.3: credentials in URLs end up in logs and histories.
    if (credentialsInQuery(req.query as Record<string, unknown>)) {
      throw invalidRequest('API keys are not accepted in the URL; send Authorization: Bearer <key>');
    }
    const header = req.headers.authorization;
    if (header === undefined || header.trim() === '') throw missingToken();
    const match = BEARER.exec(header);
    if (!match?.[1]) throw invalidToken('the Authorization header must be "Bearer <key>"');
    res.locals.apiKey = authenticateApiKey(ctx, match[1]);
    next();
  };
}

export const requireScope =
  (scope: ScopeName): RequestHandler =>
  (_req, res, next) => {
    const key = res.locals.apiKey as ApiKeyRecord;
    if (!key.scopes.includes(scope)) throw insufficientScope(scope);
    next();
  };

export const callerKey = (res: { locals: Record<string, unknown> }) => res.locals.apiKey as ApiKeyRecord;
