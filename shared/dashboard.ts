import * as z from 'zod/mini';

/** The signed-in dashboard's responses: the person's keys and their activity (BFF → SPA). */

export const keyStatusSchema = z.enum(['active', 'revoked', 'expired']);

export const keyRowSchema = z.object({
  id: z.string(),
  keyPrefix: z.string(),
  clientName: z.string(),
  organizationId: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
  status: keyStatusSchema,
  consentId: z.nullable(z.string()),
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
  redirectHost: z.nullable(z.string()),
  key: z.nullable(z.object({ id: z.string(), keyPrefix: z.string(), status: keyStatusSchema })),
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
