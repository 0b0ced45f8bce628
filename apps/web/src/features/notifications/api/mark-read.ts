import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MarkReadRequest, UnreadCount } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { notificationsQueryKey } from './get-notifications';

export const markRead = (request: MarkReadRequest): Promise<UnreadCount> =>
  api.post<UnreadCount>('/api/notifications/read', request);

export const useMarkRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
};
