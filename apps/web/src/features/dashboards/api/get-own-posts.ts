import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OwnPostsQuery, OwnPostsResponse } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { retryUnlessNotServed, type DashboardScope } from './dashboard-scope';

export const OWN_POSTS_SHOWN = 3;

/** The department's own posts of the window ranked by engagement rate, best or worst first, with the reason. */
export const getOwnPosts = (
  { department, from, to }: DashboardScope,
  order: OwnPostsQuery['order'],
  signal?: AbortSignal,
): Promise<OwnPostsResponse> =>
  api.get<OwnPostsResponse>('/api/metrics/own-posts', {
    params: { department, from, to, order, limit: OWN_POSTS_SHOWN },
    signal,
  });

export const getOwnPostsQueryOptions = (scope: DashboardScope, order: OwnPostsQuery['order']) =>
  queryOptions({
    queryKey: ['metrics', 'own-posts', scope.department, scope.from, scope.to, order],
    queryFn: ({ signal }) => getOwnPosts(scope, order, signal),
    staleTime: 60_000,
    retry: retryUnlessNotServed,
  });

export const useOwnPosts = (scope: DashboardScope, order: OwnPostsQuery['order']) =>
  useQuery(getOwnPostsQueryOptions(scope, order));
