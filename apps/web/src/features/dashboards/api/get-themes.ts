import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ThemesResponse } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { retryUnlessNotServed, type DashboardScope } from './dashboard-scope';

export const getThemes = (scope: DashboardScope, signal?: AbortSignal): Promise<ThemesResponse> =>
  api.get<ThemesResponse>('/api/themes', { params: scope, signal });

export const getThemesQueryOptions = (scope: DashboardScope | null) =>
  queryOptions({
    queryKey: ['themes', scope],
    queryFn: ({ signal }) => getThemes(scope as DashboardScope, signal),
    staleTime: 60_000,
    retry: retryUnlessNotServed,
    // Without a department there is nothing the api could answer.
    enabled: scope !== null,
  });

export const useThemes = (scope: DashboardScope | null) => useQuery(getThemesQueryOptions(scope));
