import { useInfiniteQuery } from '@tanstack/react-query';
import type { MetricPostsPage } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { alertsQueryKey } from './get-alerts';

/** The posts behind an alert: the metrics drill-down, asked with the query the alert carries. */
export const getAlertPosts = (
  query: Record<string, string>,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<MetricPostsPage> =>
  api.get<MetricPostsPage>('/api/metrics/posts', { params: { ...query, limit: 25, cursor }, signal });

export const useAlertPosts = (query: Record<string, string>) =>
  useInfiniteQuery({
    queryKey: [...alertsQueryKey, 'posts', query],
    queryFn: ({ pageParam, signal }) => getAlertPosts(query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
