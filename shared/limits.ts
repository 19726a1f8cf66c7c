/** Protocol numbers and product limits shared by the BFF and the SPA. */

export const PKCE_VERIFIER_MIN = 43; // RFC 7636 §4.1
export const PKCE_VERIFIER_MAX = 128; // RFC 7636 §4.1
/** RFC 7636 §4.1: unreserved characters only. */
export const PKCE_VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;
/** RFC 7636 §4.2: BASE64URL(SHA256(verifier)) is always 43 characters, no padding. */
export const PKCE_S256_CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const CLIENT_NAME_MAX = 80;
export const STATE_MAX = 512;
export const LABEL_MAX = 80;
export const REDIRECT_URI_MAX = 2048;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
export const EMAIL_MAX = 254;
export const BODY_LIMIT_BYTES = 16 * 1024;

export const DOCUMENTS_LIMIT_DEFAULT = 20;
export const DOCUMENTS_LIMIT_MAX = 100;

export const KEY_PREFIX_LENGTH = 13;
export const TEST_KEY_PREFIX = 'flw_test_';
