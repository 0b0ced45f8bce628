import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { webhooksPath, webhooksQueryKey } from './get-webhooks';

type DeleteWebhookInput = { department: string; id: string };

export const deleteWebhook = ({ department, id }: DeleteWebhookInput): Promise<void> =>
  request<void>(`${webhooksPath(department)}/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const useDeleteWebhook = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWebhook,
    onSuccess: (_none, { department }) =>
      queryClient.invalidateQueries({ queryKey: webhooksQueryKey(department) }),
  });
};
