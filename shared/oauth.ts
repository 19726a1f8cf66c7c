import * as z from 'zod/mini';
import {
  PKCE_S256_CHALLENGE_PATTERN,
  PKCE_VERIFIER_MAX,
  PKCE_VERIFIER_MIN,
  PKCE_VERIFIER_PATTERN,
  REDIRECT_URI_MAX,
  STATE_MAX,
} from './limits.js';
import { checkRedirectUri } from './redirect-uri.js';
import { requiredString } from './fields.js';
import { clientNameSchema } from './client-name.js';

const CHALLENGE_HELP =
  'code_challenge must be BASE64URL(SHA256(code_verifier)) without padding: exactly 43 characters of ' +
  "A-Z a-z 0-9 - _. From standard base64, translate with tr '+/' '-_' and strip '=' (tr -d '=')";

export const codeChallengeSchema = requiredString(
  'code_challenge',
  'BASE64URL(SHA256(code_verifier))',
  z.regex(PKCE_S256_CHALLENGE_PATTERN, { error: CHALLENGE_HELP }),
);

export const codeChallengeMethodSchema = z.literal('S256', {
  error: (issue) =>
    issue.input === undefined
      ? 'code_challenge_method is required and must be S256 (plain is not supported)'
      : 'code_challenge_method must be exactly S256 (plain and other methods are not supported)',
});

export const redirectUriSchema = z.string().check(
  z.maxLength(REDIRECT_URI_MAX, { error: `redirect_uri must be at most ${REDIRECT_URI_MAX} characters` }),
  z.superRefine((value: string, ctx) => {
    const problem = checkRedirectUri(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `redirect_uri ${problem}` });
  }),
);

/** Scopes arrive as a JSON array, a repeated form field, or one space-delimited string (RFC 6749 §3.3). */
const scopeListSchema = z.union([
  z.array(z.string().check(z.maxLength(64))).check(z.maxLength(64)),
  z.pipe(
    z.string().check(z.maxLength(1024)),
    z.transform((s: string) => s.split(' ').filter((part) => part !== '')),
  ),
]);

const authorizeFieldsSchema = z.object({
  client_name: clientNameSchema,
  scopes: z.optional(scopeListSchema),
  scope: z.optional(scopeListSchema),
  code_challenge: codeChallengeSchema,
  code_challenge_method: codeChallengeMethodSchema,
  redirect_uri: z.optional(redirectUriSchema),
  state: z.optional(z.string().check(z.maxLength(STATE_MAX, { error: `state must be at most ${STATE_MAX} characters` }))),
});

export const authorizeRequestSchema = z
  .pipe(
    authorizeFieldsSchema,
    z.transform(({ scopes, scope, ...rest }: z.infer<typeof authorizeFieldsSchema>) => ({
      ...rest,
      scopes: [...(scopes ?? []), ...(scope ?? [])],
    })),
  )
  .check(
    z.refine((req: { scopes: string[] }) => req.scopes.length > 0, {
      error: 'scopes is required: ask for at least one scope from GET /v1/oauth/scopes',
      path: ['scopes'],
    }),
  );
export type AuthorizeRequest = z.infer<typeof authorizeRequestSchema>;

export const authorizeResponseSchema = z.object({
  consent_url: z.string(),
  request_id: z.string(),
  expires_in: z.int(),
  expires_at: z.string(),
});
export type AuthorizeResponse = z.infer<typeof authorizeResponseSchema>;

export const tokenRequestSchema = z.object({
  grant_type: requiredString('grant_type', 'use authorization_code', z.minLength(1), z.maxLength(64)),
  code: requiredString('code', 'the authorization code the person was shown', z.minLength(1), z.maxLength(256)),
  code_verifier: requiredString(
    'code_verifier',
    'the secret you generated before authorize',
    z.regex(PKCE_VERIFIER_PATTERN, {
      error: `code_verifier must be ${PKCE_VERIFIER_MIN}-${PKCE_VERIFIER_MAX} characters of A-Z a-z 0-9 - . _ ~ (RFC 7636 §4.1)`,
    }),
  ),
  redirect_uri: z.optional(z.string().check(z.maxLength(REDIRECT_URI_MAX))),
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.int(),
  scopes: z.array(z.string()),
  scope: z.string(),
  key_id: z.string(),
  key_prefix: z.string(),
  organization_id: z.string(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

// GET /v1/oauth/scopes answers with the catalogue, described beside the scope schema; the SPA's scope
// explorer takes it (and clientNameSchema) from there, which keeps this module's request schemas,
// and the zod union, pipe and transform code they use, out of the SPA.
export { scopeCatalogueResponseSchema } from './scopes.js';
