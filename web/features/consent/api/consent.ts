import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  consentViewSchema,
  decisionResponseSchema,
  type ConsentView,
  type DecisionResponse,
} from '../../../../shared/bff.js';
import { apiRequest } from '../../../lib/api-client.js';

const consentPath = (requestId: string) => `/bff/consent/${encodeURIComponent(requestId)}`;

export function fetchConsent(requestId: string, signal?: AbortSignal): Promise<ConsentView> {
  return apiRequest(consentPath(requestId), consentViewSchema, { signal });
}

export function consentQueryOptions(requestId: string) {
  return queryOptions({
    queryKey: ['consent', requestId],
    queryFn: ({ signal }) => fetchConsent(requestId, signal),
    // A pending request does not change on its own; the countdown handles expiry. Refetching on
    // focus would only replace the page the person is reading.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useConsent(requestId: string) {
  return useQuery(consentQueryOptions(requestId));
}

export type Decision = { decision: 'approve'; scopes: string[] } | { decision: 'deny' };

export function decideConsent(requestId: string, decision: Decision): Promise<DecisionResponse> {
  const body = decision.decision === 'approve' ? { scopes: decision.scopes } : {};
  return apiRequest(`${consentPath(requestId)}/${decision.decision}`, decisionResponseSchema, {
    method: 'POST',
    body,
  });
}

export function useDecideConsent(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: Decision) => decideConsent(requestId, decision),
    // Marked stale but not refetched: the page shows the decision, and a refetch would only answer
    // "already decided".
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: consentQueryOptions(requestId).queryKey, refetchType: 'none' }),
  });
}
