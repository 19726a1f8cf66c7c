import { KEY_PREFIX_LENGTH, TEST_KEY_PREFIX } from '../../shared/limits.js';
import type { ScopeName } from '../../shared/scopes.js';
import { iso } from '../clock.js';
import type { ServiceContext } from '../context.js';
import { randomBase62, safeEqual, sha256Hex } from '../crypto.js';
import { invalidToken, notFound } from '../errors.js';
import { recordAudit } from '../audit/audit.js';
import type { ApiKeyRecord } from '../store/records.js';

const KEY_RANDOM_LENGTH = 40; // 40 base62 characters ≈ 238 bits

export type KeyStatus = 'active' | 'revoked' | 'expired';

interface MintInput {
  organizationId: string;
  scopes: ScopeName[];
  clientName: string;
  userId: string | null;
  consentId: string | null;
  actor: string;
}

/** Creates a key; the plain key is returned once and only its hash is kept. The caller commits. */
export function mintApiKey(ctx: ServiceContext, input: MintInput): { key: ApiKeyRecord; plainKey: string } {
  const plainKey = `${TEST_KEY_PREFIX}${randomBase62(KEY_RANDOM_LENGTH)}`;
  const now = ctx.clock();
  const key: ApiKeyRecord = {
    id: `key_${randomBase62(20)}`,
    hash: sha256Hex(plainKey),
    prefix: plainKey.slice(0, KEY_PREFIX_LENGTH),
    keyType: 'personal',
    organizationId: input.organizationId,
    scopes: input.scopes,
    clientName: input.clientName,
    userId: input.userId,
    consentId: input.consentId,
    createdAt: iso(now),
    expiresAt: iso(now + ctx.config.keyTtlSeconds * 1000),
    lastUsedAt: null,
    revokedAt: null,
    revokedBy: null,
  };
  ctx.repos.apiKeys.insert(key);
  recordAudit(ctx, 'key.minted', {
    actor: input.actor,
    userId: input.userId,
    organizationId: input.organizationId,
    keyId: key.id,
    consentId: input.consentId,
    detail: { keyPrefix: key.prefix, clientName: input.clientName, scopes: input.scopes.join(' ') },
  });
  return { key, plainKey };
}

export function keyStatus(key: ApiKeyRecord, nowMs: number): KeyStatus {
  if (key.revokedAt) return 'revoked';
  return Date.parse(key.expiresAt) <= nowMs ? 'expired' : 'active';
}

/** Finds the key behind a bearer value, or throws invalid_token saying why. */
export function authenticateApiKey(ctx: ServiceContext, plainKey: string): ApiKeyRecord {
  const hash = sha256Hex(plainKey);
  const key = ctx.repos.apiKeys.findByHash(hash);
  if (!key || !safeEqual(key.hash, hash)) throw invalidToken('the API key is not recognised');
  const now = ctx.clock();
  const status = keyStatus(key, now);
  if (status === 'revoked') throw invalidToken('the API key was revoked');
  if (status === 'expired') throw invalidToken('the API key expired; get a new one');
  key.lastUsedAt = iso(now);
  ctx.repos.apiKeys.save(key);
  ctx.db.touch();
  return key;
}

/** Revokes a key at once (the next request with it fails). The caller commits. */
export function revokeApiKey(ctx: ServiceContext, key: ApiKeyRecord, by: { actor: string; reason: 'owner' | 'agent' | 'replay' }) {
  if (key.revokedAt) return;
  key.revokedAt = iso(ctx.clock());
  key.revokedBy = by.actor;
  ctx.repos.apiKeys.save(key);
  recordAudit(ctx, 'key.revoked', {
    actor: by.actor,
    userId: key.userId,
    organizationId: key.organizationId,
    keyId: key.id,
    consentId: key.consentId,
    detail: { keyPrefix: key.prefix, by: by.reason },
  });
}

/** DELETE /v1/api-keys/{id}: the caller's own key or another key of its organization; 404 otherwise. */
export async function revokeKeyAsAgent(ctx: ServiceContext, caller: ApiKeyRecord, keyId: string): Promise<void> {
  const target = ctx.repos.apiKeys.findById(keyId);
  if (!target || target.organizationId !== caller.organizationId) throw notFound('no such API key');
  revokeApiKey(ctx, target, { actor: `key:${caller.id}`, reason: 'agent' });
  await ctx.db.commit();
}

/** DELETE /bff/keys/{id}: the signed-in person's own keys only; 404 otherwise. */
export async function revokeKeyAsOwner(ctx: ServiceContext, userId: string, keyId: string): Promise<void> {
  const target = ctx.repos.apiKeys.findById(keyId);
  if (!target || target.userId !== userId) throw notFound('no such API key');
  revokeApiKey(ctx, target, { actor: `user:${userId}`, reason: 'owner' });
  await ctx.db.commit();
}
