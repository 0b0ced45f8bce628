import { infiniteQueryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AlertList } from '@parley/contracts';
import { api } from '../../../lib/api-client';

/** Every alerts query starts with this, so a live `alert` event refreshes them all (the badge included). */
export const alertsQueryKey = ['alerts'] as const;

export type AlertFilter = { department?: string; status?: string; kind?: string; from?: string };

const PAGE_SIZE = 25;

export const getAlerts = (
  filter: AlertFilter,
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<AlertList> => api.get<AlertList>('/api/alerts', { params: { ...filter, cursor, limit }, signal });

export const getAlertsQueryOptions = (filter: AlertFilter) =>
  infiniteQueryOptions({
    queryKey: [...alertsQueryKey, 'list', filter],
    queryFn: ({ pageParam, signal }) => getAlerts(filter, pageParam, PAGE_SIZE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useAlerts = (filter: AlertFilter) => useInfiniteQuery(getAlertsQueryOptions(filter));

/** The header badge: how many alerts the person may see are open; one item is fetched, the count is the point. */
export const useOpenAlertCount = (enabled: boolean): number =>
  useQuery({
    queryKey: [...alertsQueryKey, 'open-count'],
    queryFn: ({ signal }) => getAlerts({}, null, 1, signal),
    select: (list) => list.openCount,
    enabled,
  }).data ?? 0;
