import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { sessionResponseSchema, type Credentials, type SessionResponse } from '../../../../shared/bff.js';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client.js';

export function fetchSession(signal?: AbortSignal): Promise<SessionResponse> {
  return apiRequest('/bff/session', sessionResponseSchema, { signal });
}

export function sessionQueryOptions() {
  return queryOptions({ queryKey: ['session'], queryFn: ({ signal }) => fetchSession(signal), staleTime: 60_000 });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}

export function signIn(credentials: Credentials): Promise<SessionResponse> {
  return apiRequest('/bff/session', sessionResponseSchema, { method: 'POST', body: credentials });
}

/**
 * A new person is behind the browser: drop everything cached for the previous one, then record
 * the new session under the session key.
 */
export function replaceSession(queryClient: QueryClient, session: SessionResponse): void {
  const { queryKey } = sessionQueryOptions();
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKey[0] });
  // The server's answer is the new session: written under the key instead of refetched.
  queryClient.setQueryData(queryKey, session);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => replaceSession(queryClient, session),
  });
}

export function signOut(): Promise<void> {
  return apiRequestNoContent('/bff/session', { method: 'DELETE' });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => replaceSession(queryClient, { user: null }),
  });
}
