import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationPreferences } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const preferencesQueryKey = ['account', 'notification-preferences'] as const;

export const getNotificationPreferences = (signal?: AbortSignal): Promise<NotificationPreferences> =>
  api.get<NotificationPreferences>('/api/account/notification-preferences', { signal });

export const getNotificationPreferencesQueryOptions = () =>
  queryOptions({
    queryKey: preferencesQueryKey,
    queryFn: ({ signal }) => getNotificationPreferences(signal),
  });

export const useNotificationPreferences = () => useQuery(getNotificationPreferencesQueryOptions());
