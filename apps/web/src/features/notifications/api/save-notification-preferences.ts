import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationPreferences, SavePreferencesRequest } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { preferencesQueryKey } from './get-notification-preferences';

export const saveNotificationPreferences = (
  request: SavePreferencesRequest,
): Promise<NotificationPreferences> =>
  api.put<NotificationPreferences>('/api/account/notification-preferences', request);

export const useSaveNotificationPreferences = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveNotificationPreferences,
    onSuccess: (saved) => queryClient.setQueryData(preferencesQueryKey, saved),
  });
};
