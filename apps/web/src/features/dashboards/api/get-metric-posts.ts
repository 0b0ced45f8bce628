import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { MetricPostsPage, MetricPostsQuery } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const POSTS_PAGE_SIZE = 25;

/** The posts behind one bar or point: the bucket's window, narrowed by theme, sentiment or channel. */
export type PostsFilter = Omit<MetricPostsQuery, 'limit' | 'cursor'>;

export const getMetricPosts = (
  filter: PostsFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<MetricPostsPage> =>
  api.get<MetricPostsPage>('/api/metrics/posts', {
    params: { ...filter, limit: POSTS_PAGE_SIZE, cursor },
    signal,
  });

export const getMetricPostsQueryOptions = (filter: PostsFilter) =>
  infiniteQueryOptions({
    queryKey: ['metrics', 'posts', filter],
    queryFn: ({ pageParam, signal }) => getMetricPosts(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useMetricPosts = (filter: PostsFilter) => useInfiniteQuery(getMetricPostsQueryOptions(filter));
