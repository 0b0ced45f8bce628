import { infiniteQueryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { NotificationPage } from '@parley/contracts';
import { api } from '../../../lib/api-client';

/** Every notification query starts with this, so a live update refreshes them all. */
export const notificationsQueryKey = ['notifications'] as const;

export const getNotifications = (cursor: string | null, signal?: AbortSignal): Promise<NotificationPage> =>
  api.get<NotificationPage>('/api/notifications', { params: { cursor, limit: 25 }, signal });

export const getNotificationsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: [...notificationsQueryKey, 'list'],
    queryFn: ({ pageParam, signal }) => getNotifications(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useNotifications = () => useInfiniteQuery(getNotificationsQueryOptions());

/** The unread count for the header: the first page's answer carries it. */
export const useUnreadCount = (enabled: boolean): number =>
  useQuery({
    queryKey: [...notificationsQueryKey, 'unread'],
    queryFn: ({ signal }) => getNotifications(null, signal),
    select: (page) => page.unread,
    enabled,
  }).data ?? 0;
