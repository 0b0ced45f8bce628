import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateWebhookRequest, Webhook } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { webhooksPath, webhooksQueryKey } from './get-webhooks';

type UpdateWebhookInput = { department: string; id: string; change: UpdateWebhookRequest };

/** The URL and secret are not sent, so they are kept. */
export const updateWebhook = ({ department, id, change }: UpdateWebhookInput): Promise<Webhook> =>
  api.put<Webhook>(`${webhooksPath(department)}/${encodeURIComponent(id)}`, change);

export const useUpdateWebhook = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWebhook,
    onSuccess: (_updated, { department }) =>
      queryClient.invalidateQueries({ queryKey: webhooksQueryKey(department) }),
  });
};
