import { createHash } from 'node:crypto';
import { safeEqual } from '../crypto.js';

/** RFC 7636 §4.2: code_challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** RFC 7636 §4.6, compared in constant time. The verifier's shape is checked by the request schema. */
export function verifyPkce(verifier: string, challenge: string): boolean {
  return safeEqual(s256(verifier), challenge);
}
