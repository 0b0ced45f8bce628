import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Alert, AlertSeries } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { alertsQueryKey } from './get-alerts';

export const alertQueryKey = (id: string) => [...alertsQueryKey, 'one', id] as const;

export const getAlert = (id: string, signal?: AbortSignal): Promise<Alert> =>
  api.get<Alert>(`/api/alerts/${encodeURIComponent(id)}`, { signal });

export const useAlert = (id: string, enabled = true) =>
  useQuery(
    queryOptions({ queryKey: alertQueryKey(id), queryFn: ({ signal }) => getAlert(id, signal), enabled }),
  );

export const getAlertSeries = (id: string, signal?: AbortSignal): Promise<AlertSeries> =>
  api.get<AlertSeries>(`/api/alerts/${encodeURIComponent(id)}/series`, { signal });

/** The hours the alert was judged on, with the baseline band. */
export const useAlertSeries = (id: string) =>
  useQuery({
    queryKey: [...alertQueryKey(id), 'series'],
    queryFn: ({ signal }) => getAlertSeries(id, signal),
  });
