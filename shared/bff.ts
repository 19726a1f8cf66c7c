import { z } from 'zod';
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from './limits.js';
import { scopeSchema } from './scopes.js';

/**
 * The contract between the SPA and its backend-for-frontend (cookie session, same origin).
 * Every state-changing call is a POST or DELETE and must carry the page's Origin.
 */

export const userSchema = z.object({ id: z.string(), email: z.string() });
export type User = z.infer<typeof userSchema>;

export const sessionResponseSchema = z.object({ user: userSchema.nullable() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const credentialsSchema = z.object({
  email: z
    .string({ error: 'email is required' })
    .trim()
    .max(EMAIL_MAX, { error: 'email is too long' })
    .pipe(z.email({ error: 'email must be a valid email address' })),
  password: z
    .string({ error: 'password is required' })
    .max(PASSWORD_MAX, { error: `password must be at most ${PASSWORD_MAX} characters` }),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export const signUpSchema = credentialsSchema.extend({
  password: credentialsSchema.shape.password.min(PASSWORD_MIN, {
    error: `password must be at least ${PASSWORD_MIN} characters`,
  }),
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
  redirect_host: z.string().nullable(),
  created_at: z.string(),
  expires_at: z.string(),
  code_ttl_seconds: z.number().int(),
});
export type ConsentView = z.infer<typeof consentViewSchema>;

export const approveRequestSchema = z.object({
  scopes: z
    .array(z.string().max(64), { error: 'scopes must be a list of scope names' })
    .min(1, { error: 'keep at least one scope, or deny the request' })
    .max(64),
});

export const decisionResponseSchema = z.object({
  decision: z.enum(['approved', 'denied']),
  /** Present when the code is shown on screen (no redirect_uri). */
  code: z.string().nullable(),
  code_expires_at: z.string().nullable(),
  /** Where the SPA must send the browser, when the agent gave a redirect_uri. */
  redirect_to: z.string().nullable(),
  approved_scopes: z.array(z.string()),
});
export type DecisionResponse = z.infer<typeof decisionResponseSchema>;

export const keyStatusSchema = z.enum(['active', 'revoked', 'expired']);

export const keyRowSchema = z.object({
  id: z.string(),
  keyPrefix: z.string(),
  clientName: z.string(),
  organizationId: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: keyStatusSchema,
  consentId: z.string().nullable(),
});
export type KeyRow = z.infer<typeof keyRowSchema>;

export const keyListResponseSchema = z.object({ data: z.array(keyRowSchema) });

export const consentRecordSchema = z.object({
  id: z.string(),
  clientName: z.string(),
  requestedScopes: z.array(z.string()),
  approvedScopes: z.array(z.string()),
  decision: z.enum(['approved', 'denied']),
  createdAt: z.string(),
  decidedAt: z.string(),
  redirectHost: z.string().nullable(),
  key: z
    .object({ id: z.string(), keyPrefix: z.string(), status: keyStatusSchema })
    .nullable(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  type: z.string(),
  summary: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

export const activityResponseSchema = z.object({
  consents: z.array(consentRecordSchema),
  events: z.array(auditEventSchema),
});
export type ActivityResponse = z.infer<typeof activityResponseSchema>;
