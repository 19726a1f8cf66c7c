import * as z from 'zod/mini';

/** Every error the service returns has this shape (RFC 6749 §5.2, RFC 6750 §3). */
export const apiErrorSchema = z.object({
  error: z.string(),
  error_description: z.string(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** The error codes a client can meet. OAuth codes follow the RFCs; the rest are ours. */
export const ERROR_CODES = [
  // RFC 6749 §5.2 / §4.1.2.1
  'invalid_request',
  'invalid_scope',
  'invalid_grant',
  'unsupported_grant_type',
  'access_denied',
  // RFC 6750 §3.1
  'invalid_token',
  'insufficient_scope',
  // HTTP-level
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'server_error',
  'temporarily_unavailable',
  // Accounts and consent (BFF)
  'login_required',
  'invalid_credentials',
  'email_taken',
  'weak_password',
  'csrf_rejected',
  'consent_not_found',
  'consent_expired',
  'consent_decided',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
