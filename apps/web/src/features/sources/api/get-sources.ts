import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SourceWithHealth } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const SOURCES_REFRESH_MS = 15_000;

export const getSources = (signal?: AbortSignal): Promise<SourceWithHealth[]> =>
  api.get<SourceWithHealth[]>('/api/sources', { signal });

export const getSourcesQueryOptions = () =>
  queryOptions({
    queryKey: ['sources'],
    queryFn: ({ signal }) => getSources(signal),
    // Health changes as the worker fetches; polling keeps the page honest without a manual reload.
    refetchInterval: SOURCES_REFRESH_MS,
  });

export const useSources = () => useQuery(getSourcesQueryOptions());
