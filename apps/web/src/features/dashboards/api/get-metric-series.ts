import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SeriesResponse } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { retryUnlessNotServed, type DashboardScope } from './dashboard-scope';

type SeriesInput = Omit<DashboardScope, 'compare'> & { metric: string; bucket: 'hour' | 'day' | 'week' };

export const getMetricSeries = (
  { metric, ...params }: SeriesInput,
  signal?: AbortSignal,
): Promise<SeriesResponse> =>
  api.get<SeriesResponse>(`/api/metrics/${encodeURIComponent(metric)}/series`, { params, signal });

export const getMetricSeriesQueryOptions = (input: SeriesInput, enabled = true) =>
  queryOptions({
    queryKey: ['metrics', 'series', input],
    queryFn: ({ signal }) => getMetricSeries(input, signal),
    staleTime: 60_000,
    retry: retryUnlessNotServed,
    enabled,
  });

/** A metric bucket by bucket; `enabled` false for a metric the values response did not carry. */
export const useMetricSeries = (input: SeriesInput, enabled = true) =>
  useQuery(getMetricSeriesQueryOptions(input, enabled));
