import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MetricsResponse } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import type { DashboardScope } from './dashboard-scope';

export const getMetrics = (scope: DashboardScope, signal?: AbortSignal): Promise<MetricsResponse> =>
  api.get<MetricsResponse>('/api/metrics', { params: scope, signal });

export const getMetricsQueryOptions = (scope: DashboardScope) =>
  queryOptions({
    queryKey: ['metrics', 'values', scope],
    queryFn: ({ signal }) => getMetrics(scope, signal),
    // Figures move with the roll-ups (hourly): a minute's staleness costs nothing and saves a reload per tab.
    staleTime: 60_000,
  });

export const useMetrics = (scope: DashboardScope) => useQuery(getMetricsQueryOptions(scope));
