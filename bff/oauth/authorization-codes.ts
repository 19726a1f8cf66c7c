import type { ScopeName } from '../../shared/scopes.js';
import { iso } from '../clock.js';
import type { ServiceContext } from '../context.js';
import { randomToken, sha256Hex } from '../crypto.js';
import type { ConsentRequestRecord, UserRecord } from '../store/records.js';

const CODE_BYTES = 32; // 256 bits

/** A one-time code bound to the request, the person, the kept scopes, the challenge and redirect_uri. Stored hashed. */
export function mintAuthorizationCode(
  ctx: ServiceContext,
  consent: ConsentRequestRecord,
  user: UserRecord,
  scopes: ScopeName[],
): { code: string; expiresAt: string } {
  const code = randomToken(CODE_BYTES);
  const now = ctx.clock();
  const expiresAt = iso(now + ctx.config.authCodeTtlSeconds * 1000);
  ctx.repos.authorizationCodes.insert({
    hash: sha256Hex(code),
    consentId: consent.id,
    userId: user.id,
    scopes,
    codeChallenge: consent.codeChallenge,
    redirectUri: consent.redirectUri,
    createdAt: iso(now),
    expiresAt,
    usedAt: null,
    keyId: null,
  });
  return { code, expiresAt };
}
