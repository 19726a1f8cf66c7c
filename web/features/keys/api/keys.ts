import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { keyListResponseSchema, type KeyRow } from '../../../../shared/dashboard.js';
import { apiRequest, apiRequestNoContent } from '../../../lib/api-client.js';

export function fetchKeys(signal?: AbortSignal): Promise<KeyRow[]> {
  return apiRequest('/bff/keys', keyListResponseSchema, { signal }).then((body) => body.data);
}

export function keysQueryOptions() {
  return queryOptions({ queryKey: ['keys'], queryFn: ({ signal }) => fetchKeys(signal) });
}

export function useKeys() {
  return useQuery(keysQueryOptions());
}

export function revokeKey(keyId: string): Promise<void> {
  return apiRequestNoContent(`/bff/keys/${encodeURIComponent(keyId)}`, { method: 'DELETE' });
}

export function useRevokeKey() {
  const queryClient = useQueryClient();
  const { queryKey } = keysQueryOptions();
  return useMutation({
    mutationFn: revokeKey,
    // Revocation is immediate on the server, so the row changes at once; the refetch then brings
    // the server's own revokedAt.
    onSuccess: (_nothing, keyId) => {
      const revokedAt = new Date().toISOString();
      queryClient.setQueryData(queryKey, (rows) =>
        rows?.map((row) => (row.id === keyId ? { ...row, status: 'revoked' as const, revokedAt } : row)),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
