import { queryOptions, useQuery } from '@tanstack/react-query';
import { activityResponseSchema, type ActivityResponse } from '../../../../shared/dashboard.js';
import { apiRequest } from '../../../lib/api-client.js';

export function fetchActivity(signal?: AbortSignal): Promise<ActivityResponse> {
  return apiRequest('/bff/activity', activityResponseSchema, { signal });
}

export function activityQueryOptions() {
  return queryOptions({ queryKey: ['activity'], queryFn: ({ signal }) => fetchActivity(signal) });
}

export function useActivity() {
  return useQuery(activityQueryOptions());
}
