import type { ConsentView, DecisionResponse } from '../../shared/bff.js';
import type { AuthorizeRequest, AuthorizeResponse } from '../../shared/oauth.js';
import { findScope, isScopeName, sortScopes, type Scope, type ScopeName } from '../../shared/scopes.js';
import { iso } from '../clock.js';
import type { ServiceContext } from '../context.js';
import { randomToken } from '../crypto.js';
import { ApiError, invalidScope } from '../errors.js';
import { recordAudit } from '../audit/audit.js';
import type { ConsentRequestRecord, UserRecord } from '../store/records.js';
import { mintAuthorizationCode } from './authorization-codes.js';

const REQUEST_ID_BYTES = 24; // 192 bits: the consent URL cannot be guessed

/** Every name must be in the catalogue; duplicates merged, catalogue order. */
export function assertKnownScopes(names: readonly string[]): ScopeName[] {
  const unknown = names.find((name) => !isScopeName(name));
  if (unknown !== undefined) {
    throw invalidScope(`unknown scope ${JSON.stringify(unknown)}; see GET /v1/oauth/scopes for the catalogue`);
  }
  return sortScopes(names as ScopeName[]);
}

/** POST /v1/oauth/authorize: records the request and returns the link the person opens. */
export async function startConsent(ctx: ServiceContext, request: AuthorizeRequest): Promise<AuthorizeResponse> {
  const scopes = assertKnownScopes(request.scopes);
  const now = ctx.clock();
  const record: ConsentRequestRecord = {
    id: randomToken(REQUEST_ID_BYTES),
    clientName: request.client_name,
    requestedScopes: scopes,
    codeChallenge: request.code_challenge,
    redirectUri: request.redirect_uri ?? null,
    state: request.state ?? null,
    createdAt: iso(now),
    expiresAt: iso(now + ctx.config.consentTtlSeconds * 1000),
    status: 'pending',
    userId: null,
    approvedScopes: [],
    decidedAt: null,
    keyId: null,
  };
  ctx.repos.consentRequests.insert(record);
  await ctx.db.commit();
  return {
    consent_url: `${ctx.config.publicUrl}/consent/${record.id}`,
    request_id: record.id,
    expires_in: ctx.config.consentTtlSeconds,
    expires_at: record.expiresAt,
  };
}

/** The request, if it can still be decided; otherwise a consent_* error saying why not. */
export function assertPendingConsent(ctx: ServiceContext, id: string): ConsentRequestRecord {
  const record = ctx.repos.consentRequests.findById(id);
  if (!record) throw new ApiError('consent_not_found', 404, 'this consent request does not exist; ask the agent to start again');
  if (record.status !== 'pending') {
    throw new ApiError('consent_decided', 409, `this consent request was already ${record.status}; ask the agent to start again`);
  }
  if (Date.parse(record.expiresAt) <= ctx.clock()) {
    throw new ApiError('consent_expired', 410, 'this consent request expired; ask the agent to start again');
  }
  return record;
}

const redirectHost = (uri: string | null) => (uri === null ? null : new URL(uri).host);

/** Any known request, with its status; unknown ids are consent_not_found. */
export function viewConsent(ctx: ServiceContext, id: string): ConsentView {
  const record = ctx.repos.consentRequests.findById(id);
  if (!record) throw new ApiError('consent_not_found', 404, 'this consent request does not exist; ask the agent to start again');
  const expired = record.status === 'pending' && Date.parse(record.expiresAt) <= ctx.clock();
  return {
    request_id: record.id,
    status: expired ? 'expired' : record.status,
    client_name: record.clientName,
    scopes: record.requestedScopes.map((name) => findScope(name)).filter((s): s is Scope => s !== undefined),
    redirect_host: redirectHost(record.redirectUri),
    created_at: record.createdAt,
    expires_at: record.expiresAt,
    code_ttl_seconds: ctx.config.authCodeTtlSeconds,
  };
}

function redirectWith(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return url.toString();
}

/** The person keeps a subset (at least one) of the requested scopes; a one-time code is minted. */
export async function approveConsent(ctx: ServiceContext, id: string, user: UserRecord, kept: string[]): Promise<DecisionResponse> {
  const record = assertPendingConsent(ctx, id);
  const scopes = assertKnownScopes(kept);
  const extra = scopes.find((s) => !record.requestedScopes.includes(s));
  if (extra) throw invalidScope(`${extra} was not requested by the agent and cannot be granted`);
  if (scopes.length === 0) throw invalidScope('keep at least one scope, or deny the request');

  record.status = 'approved';
  record.userId = user.id;
  record.approvedScopes = scopes;
  record.decidedAt = iso(ctx.clock());
  ctx.repos.consentRequests.save(record);
  const { code, expiresAt } = mintAuthorizationCode(ctx, record, user, scopes);
  recordAudit(ctx, 'consent.approved', {
    actor: `user:${user.id}`,
    userId: user.id,
    consentId: record.id,
    detail: { clientName: record.clientName, scopes: scopes.join(' '), requested: record.requestedScopes.join(' ') },
  });
  await ctx.db.commit();
  const redirectTo = record.redirectUri ? redirectWith(record.redirectUri, { code, state: record.state }) : null;
  return {
    decision: 'approved',
    code: redirectTo ? null : code,
    code_expires_at: expiresAt,
    redirect_to: redirectTo,
    approved_scopes: scopes,
  };
}

export async function denyConsent(ctx: ServiceContext, id: string, user: UserRecord): Promise<DecisionResponse> {
  const record = assertPendingConsent(ctx, id);
  record.status = 'denied';
  record.userId = user.id;
  record.decidedAt = iso(ctx.clock());
  ctx.repos.consentRequests.save(record);
  recordAudit(ctx, 'consent.denied', {
    actor: `user:${user.id}`,
    userId: user.id,
    consentId: record.id,
    detail: { clientName: record.clientName, requested: record.requestedScopes.join(' ') },
  });
  await ctx.db.commit();
  return {
    decision: 'denied',
    code: null,
    code_expires_at: null,
    // RFC 6749 §4.1.2.1
    redirect_to: record.redirectUri
      ? redirectWith(record.redirectUri, { error: 'access_denied', state: record.state })
      : null,
    approved_scopes: [],
  };
}
