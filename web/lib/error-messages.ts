import type { ErrorCode } from '../../shared/errors.js';
import { PASSWORD_MIN } from '../../shared/limits.js';
import { ApiClientError } from './api-client.js';

/** One human sentence for every error code the server can send (shared/errors.ts). */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  invalid_request: 'Something in the request was not right. Check the form and try again.',
  invalid_scope: 'One of the requested permissions does not exist.',
  invalid_grant: 'This code is not valid any more. Ask the agent to start again.',
  unsupported_grant_type: 'This kind of request is not supported.',
  access_denied: 'Access was denied.',
  invalid_token: 'This key is not valid any more.',
  insufficient_scope: 'This key does not have the permission needed for that.',
  not_found: 'We could not find that. It may have been removed already.',
  method_not_allowed: 'That action is not available here.',
  payload_too_large: 'That request was too large.',
  unsupported_media_type: 'The request was sent in a format the server does not accept.',
  too_many_requests: 'Too many attempts. Wait a minute, then try again.',
  server_error: 'Something went wrong on our side. Try again in a moment.',
  temporarily_unavailable: 'The service is briefly unavailable. Try again in a moment.',
  login_required: 'Please sign in to continue.',
  invalid_credentials: 'That email and password do not match. Check them and try again.',
  email_taken: 'An account with this email already exists. Sign in instead.',
  weak_password: `Choose a longer password: at least ${PASSWORD_MIN} characters.`,
  csrf_rejected: 'The request was blocked because it did not come from this site. Reload the page and try again.',
  consent_not_found: 'We could not find this request.',
  consent_expired: 'This request has expired.',
  consent_decided: 'This request has already been decided.',
};

const NETWORK_MESSAGE = 'We could not reach Flowie. Check your connection and try again.';

export function messageFor(error: unknown): string {
  if (error instanceof ApiClientError) {
    if (error.code === 'network_error') return NETWORK_MESSAGE;
    if (error.code in ERROR_MESSAGES) return ERROR_MESSAGES[error.code as ErrorCode];
  }
  return ERROR_MESSAGES.server_error;
}
