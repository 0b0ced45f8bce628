import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Webhook } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const webhooksPath = (department: string) =>
  `/api/departments/${encodeURIComponent(department)}/webhooks`;

export const webhooksQueryKey = (department: string) => ['webhooks', department] as const;

export const getWebhooks = (department: string, signal?: AbortSignal): Promise<Webhook[]> =>
  api.get<Webhook[]>(webhooksPath(department), { signal });

export const getWebhooksQueryOptions = (department: string) =>
  queryOptions({
    queryKey: webhooksQueryKey(department),
    queryFn: ({ signal }) => getWebhooks(department, signal),
  });

export const useWebhooks = (department: string) => useQuery(getWebhooksQueryOptions(department));
