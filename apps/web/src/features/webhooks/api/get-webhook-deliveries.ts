import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WebhookDelivery } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { webhooksPath } from './get-webhooks';

export const getWebhookDeliveries = (
  department: string,
  id: string,
  signal?: AbortSignal,
): Promise<WebhookDelivery[]> =>
  api.get<WebhookDelivery[]>(`${webhooksPath(department)}/${encodeURIComponent(id)}/deliveries`, { signal });

export const getWebhookDeliveriesQueryOptions = (department: string, id: string) =>
  queryOptions({
    queryKey: ['webhooks', department, id, 'deliveries'],
    queryFn: ({ signal }) => getWebhookDeliveries(department, id, signal),
  });

export const useWebhookDeliveries = (department: string, id: string) =>
  useQuery(getWebhookDeliveriesQueryOptions(department, id));
