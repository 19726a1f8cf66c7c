import { createHash } from 'node:crypto';
import { PKCE_VERIFIER_PATTERN } from '../../shared/limits.js';
import { safeEqual } from '../crypto.js';

/** RFC 7636 §4.2: code_challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/**
 * RFC 7636 §4.6, compared in constant time. The verifier's length and alphabet (§4.1) are checked
 * here too, before hashing: Node's 'ascii' encoding folds non-ASCII characters onto single bytes, so
 * an unchecked verifier could match a challenge made from a different one.
 */
export function verifyPkce(verifier: string, challenge: string): boolean {
  if (!PKCE_VERIFIER_PATTERN.test(verifier)) return false;
  return safeEqual(s256(verifier), challenge);
}
