import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateWebhookRequest, Webhook } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { webhooksPath, webhooksQueryKey } from './get-webhooks';

type CreateWebhookInput = { department: string; webhook: CreateWebhookRequest };

export const createWebhook = ({ department, webhook }: CreateWebhookInput): Promise<Webhook> =>
  api.post<Webhook>(webhooksPath(department), webhook);

export const useCreateWebhook = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhook,
    onSuccess: (_created, { department }) =>
      queryClient.invalidateQueries({ queryKey: webhooksQueryKey(department) }),
  });
};
