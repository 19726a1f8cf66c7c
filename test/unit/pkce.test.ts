import { describe, expect, it } from 'vitest';
import { s256, verifyPkce } from '../../bff/oauth/pkce.js';
import { PKCE_S256_CHALLENGE_PATTERN, PKCE_VERIFIER_PATTERN } from '../../shared/limits.js';

// RFC 7636 Appendix B (the verifier is the base64url of the 32 octets listed there).
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('PKCE S256', () => {
  it('computes the RFC 7636 Appendix B challenge from its verifier', () => {
    const octets = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121];

    const challenge = s256(RFC_VERIFIER);

    expect(Buffer.from(octets).toString('base64url')).toBe(RFC_VERIFIER);
    expect(challenge).toBe(RFC_CHALLENGE);
  });

  it('accepts the RFC 7636 Appendix B verifier for its challenge', () => {
    expect(verifyPkce(RFC_VERIFIER, RFC_CHALLENGE)).toBe(true);
  });

  it('rejects a verifier that differs by one character', () => {
    const wrong = `${RFC_VERIFIER.slice(0, -1)}F`;

    expect(verifyPkce(wrong, RFC_CHALLENGE)).toBe(false);
  });

  it('rejects a challenge in standard base64 with padding, which can never match', () => {
    const standard = Buffer.from(RFC_CHALLENGE, 'base64url').toString('base64');

    expect(verifyPkce(RFC_VERIFIER, standard)).toBe(false);
  });

  it('rejects a challenge of a different length without throwing', () => {
    expect(verifyPkce(RFC_VERIFIER, RFC_CHALLENGE.slice(0, 42))).toBe(false);
  });
});

describe('PKCE shapes (RFC 7636 §4.1, §4.2)', () => {
  it('allows verifiers of 43 to 128 unreserved characters only', () => {
    expect(PKCE_VERIFIER_PATTERN.test('a'.repeat(43))).toBe(true);
    expect(PKCE_VERIFIER_PATTERN.test('A-._~9'.repeat(21).slice(0, 128))).toBe(true);
    expect(PKCE_VERIFIER_PATTERN.test('a'.repeat(42))).toBe(false);
    expect(PKCE_VERIFIER_PATTERN.test('a'.repeat(129))).toBe(false);
    expect(PKCE_VERIFIER_PATTERN.test(`${'a'.repeat(42)}+`)).toBe(false);
  });

  it('allows challenges of exactly 43 base64url characters', () => {
    expect(PKCE_S256_CHALLENGE_PATTERN.test(RFC_CHALLENGE)).toBe(true);
    expect(PKCE_S256_CHALLENGE_PATTERN.test(`${RFC_CHALLENGE}=`)).toBe(false);
    expect(PKCE_S256_CHALLENGE_PATTERN.test(RFC_CHALLENGE.replace('-', '+'))).toBe(false);
  });
});

describe('verifyPkce checks the verifier before hashing it (RFC 7636 §4.1)', () => {
  it.each([
    ['shorter than 43 characters', 'a'.repeat(42)],
    ['longer than 128 characters', 'a'.repeat(129)],
    ['with a space', `${'a'.repeat(42)} `],
    ['with a non-ASCII letter (which ASCII hashing would fold onto another byte)', `${'a'.repeat(42)}é`],
  ])('refuses a verifier %s even when the challenge is its own hash', (_label, verifier) => {
    const challenge = s256(verifier);

    expect(verifyPkce(verifier, challenge)).toBe(false);
  });

  it('does not let two different verifiers share one challenge through ASCII folding', () => {
    const a = `${'a'.repeat(42)}\u00e9`;
    const b = `${'a'.repeat(42)}\u01e9`;

    expect(s256(a) === s256(b) && verifyPkce(b, s256(a))).toBe(false);
  });
});
