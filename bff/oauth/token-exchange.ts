import type { TokenRequest, TokenResponse } from '../../shared/oauth.js';
import { iso } from '../clock.js';
import type { ServiceContext } from '../context.js';
import { safeEqual, sha256Hex } from '../crypto.js';
import { invalidGrant, invalidRequest, unsupportedGrantType } from '../errors.js';
import { recordAudit } from '../audit/audit.js';
import { mintApiKey, revokeApiKey } from '../keys/api-keys.js';
import { createSandboxOrganization } from '../sandbox/sandbox.js';
import type { AuthorizationCodeRecord } from '../store/records.js';
import { verifyPkce } from './pkce.js';

/**
 * POST /v1/oauth/token (RFC 6749 §4.1.3 with RFC 7636 §4.6). Each successful exchange mints a new
 * sandbox organization, company and key tied to the consent record.
 */
export async function exchangeAuthorizationCode(ctx: ServiceContext, request: TokenRequest): Promise<TokenResponse> {
  if (request.grant_type !== 'authorization_code') throw unsupportedGrantType(request.grant_type);
  const code = ctx.repos.authorizationCodes.findByHash(sha256Hex(request.code));
  if (!code) throw invalidGrant('the authorization code is not recognised');
  if (code.usedAt) return rejectReplay(ctx, code);
  if (Date.parse(code.expiresAt) <= ctx.clock()) {
    throw invalidGrant('the authorization code expired; ask the person to approve a new consent request');
  }
  assertRedirectUriMatches(code, request.redirect_uri);
  if (!verifyPkce(request.code_verifier, code.codeChallenge)) {
    throw invalidGrant('code_verifier does not match the code_challenge sent to authorize');
  }

  // Marked used before anything awaits, so simultaneous exchanges of one code yield one key.
  code.usedAt = iso(ctx.clock());
  ctx.repos.authorizationCodes.save(code);
  const consent = ctx.repos.consentRequests.findById(code.consentId);
  const clientName = consent?.clientName ?? 'Agent';
  const { org } = createSandboxOrganization(ctx, { label: clientName, source: 'consent', userId: code.userId, consentId: code.consentId });
  const { key, plainKey } = mintApiKey(ctx, {
    organizationId: org.id,
    scopes: code.scopes,
    clientName,
    userId: code.userId,
    consentId: code.consentId,
    actor: 'agent',
  });
  code.keyId = key.id;
  if (consent) consent.keyId = key.id;
  ctx.repos.authorizationCodes.save(code);
  if (consent) ctx.repos.consentRequests.save(consent);
  await ctx.db.commit();
  return {
    access_token: plainKey,
    token_type: 'Bearer',
    expires_in: ctx.config.keyTtlSeconds,
    scopes: key.scopes,
    scope: key.scopes.join(' '),
    key_id: key.id,
    key_prefix: key.prefix,
    organization_id: org.id,
  };
}

/** RFC 6749 §4.1.2 / RFC 9700 §4.5.3: a second use means the code leaked; revoke what the first use produced. */
async function rejectReplay(ctx: ServiceContext, code: AuthorizationCodeRecord): Promise<never> {
  const key = code.keyId ? ctx.repos.apiKeys.findById(code.keyId) : undefined;
  if (key) revokeApiKey(ctx, key, { actor: 'system', reason: 'replay' });
  const consent = ctx.repos.consentRequests.findById(code.consentId);
  recordAudit(ctx, 'code.replay_detected', {
    actor: 'agent',
    userId: code.userId,
    consentId: code.consentId,
    keyId: code.keyId,
    detail: { clientName: consent?.clientName ?? 'Agent' },
  });
  await ctx.db.commit();
  throw invalidGrant('the authorization code was already used; the key it produced has been revoked');
}

function assertRedirectUriMatches(code: AuthorizationCodeRecord, given: string | undefined): void {
  if (code.redirectUri === null) {
    if (given !== undefined) throw invalidGrant('redirect_uri was not sent to authorize, so it must not be sent here');
    return;
  }
  if (given === undefined) throw invalidRequest('redirect_uri is required because it was sent to authorize (RFC 6749 §4.1.3)');
  if (!safeEqual(given, code.redirectUri)) throw invalidGrant('redirect_uri does not match the one sent to authorize');
}
