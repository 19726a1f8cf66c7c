import * as z from 'zod/mini';
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from './limits.js';
import { scopeSchema } from './scopes.js';

/**
 * The contract between the SPA and its backend-for-frontend (cookie session, same origin).
 * Every state-changing call is a POST or DELETE and must carry the page's Origin.
 */

export const userSchema = z.object({ id: z.string(), email: z.string() });
export type User = z.infer<typeof userSchema>;

export const sessionResponseSchema = z.object({ user: z.nullable(userSchema) });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

// Request bodies, checked by the server only. zod's functions are known to be side-effect free but a
// .check(…) call is not, so those calls are marked: the SPA's bundle can then leave these schemas out.
const emailSchema = z.pipe(
  /* @__PURE__ */ z.string({ error: 'email is required' }).check(z.trim(), z.maxLength(EMAIL_MAX, { error: 'email is too long' })),
  z.email({ error: 'email must be a valid email address' }),
);
const passwordMaxCheck = z.maxLength(PASSWORD_MAX, { error: `password must be at most ${PASSWORD_MAX} characters` });

export const credentialsSchema = z.object({
  email: emailSchema,
  password: /* @__PURE__ */ z.string({ error: 'password is required' }).check(passwordMaxCheck),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export const signUpSchema = z.extend(credentialsSchema, {
  password: /* @__PURE__ */ z.string({ error: 'password is required' }).check(
    passwordMaxCheck,
    z.minLength(PASSWORD_MIN, { error: `password must be at least ${PASSWORD_MIN} characters` }),
  ),
});

export const consentStatusSchema = z.enum(['pending', 'approved', 'denied', 'expired']);

/**
 * A consent request as the consent page shows it. A request that can no longer be decided is still
 * readable (status approved / denied / expired), so the page can say what happened; only an unknown
 * id is an error.
 */
export const consentViewSchema = z.object({
  request_id: z.string(),
  status: consentStatusSchema,
  client_name: z.string(),
  scopes: z.array(scopeSchema),
  redirect_host: z.nullable(z.string()),
  created_at: z.string(),
  expires_at: z.string(),
  code_ttl_seconds: z.int(),
});
export type ConsentView = z.infer<typeof consentViewSchema>;

export const approveRequestSchema = z.object({
  scopes: /* @__PURE__ */ z
    .array(/* @__PURE__ */ z.string().check(z.maxLength(64)), { error: 'scopes must be a list of scope names' })
    .check(z.minLength(1, { error: 'keep at least one scope, or deny the request' }), z.maxLength(64)),
});

export const decisionResponseSchema = z.object({
  decision: z.enum(['approved', 'denied']),
  /** Present when the code is shown on screen (no redirect_uri). */
  code: z.nullable(z.string()),
  code_expires_at: z.nullable(z.string()),
  /** Where the SPA must send the browser, when the agent gave a redirect_uri. */
  redirect_to: z.nullable(z.string()),
  approved_scopes: z.array(z.string()),
});
export type DecisionResponse = z.infer<typeof decisionResponseSchema>;

// The dashboard's responses (keys, activity) are in dashboard.ts, so the consent page's bundle does
// not carry them; the BFF still takes their types from here.
export type { ActivityResponse, KeyRow } from './dashboard.js';
