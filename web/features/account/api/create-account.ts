import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionResponseSchema, type Credentials, type SessionResponse } from '../../../../shared/bff.js';
import { apiRequest } from '../../../lib/api-client.js';
import { replaceSession } from './session.js';

/** Creating an account also signs the person in (201 with the new session). */
export function createAccount(credentials: Credentials): Promise<SessionResponse> {
  return apiRequest('/bff/accounts', sessionResponseSchema, { method: 'POST', body: credentials });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccount,
    onSuccess: (session) => replaceSession(queryClient, session),
  });
}
