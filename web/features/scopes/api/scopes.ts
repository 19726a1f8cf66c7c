import { queryOptions, useQuery } from '@tanstack/react-query';
import { scopeCatalogueResponseSchema, type Scope } from '../../../../shared/scopes.js';
import { apiRequest } from '../../../lib/api-client.js';

export function fetchScopes(signal?: AbortSignal): Promise<Scope[]> {
  return apiRequest('/v1/oauth/scopes', scopeCatalogueResponseSchema, { signal }).then((body) => body.scopes);
}

export function scopesQueryOptions() {
  // The catalogue changes with deployments, not during a visit.
  return queryOptions({ queryKey: ['scopes'], queryFn: ({ signal }) => fetchScopes(signal), staleTime: Infinity });
}

export function useScopes() {
  return useQuery(scopesQueryOptions());
}
