import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResistCase, ResistCasePatch } from '@parley/contracts';
import { api, request } from '../../../lib/api-client';
import { alertsQueryKey } from './get-alerts';
import { alertQueryKey } from './get-alert';

export const caseQueryKey = (id: string) => [...alertsQueryKey, 'case', id] as const;

export const getCase = (id: string, signal?: AbortSignal): Promise<ResistCase> =>
  api.get<ResistCase>(`/api/cases/${encodeURIComponent(id)}`, { signal });

export const useCase = (id: string) =>
  useQuery(queryOptions({ queryKey: caseQueryKey(id), queryFn: ({ signal }) => getCase(id, signal) }));

/** Opens the RESIST case of an alert (a second call answers with the first case, so it is safe to repeat). */
export const openCase = (alertId: string): Promise<ResistCase> =>
  api.post<ResistCase>(`/api/alerts/${encodeURIComponent(alertId)}/case`, {});

export const useOpenCase = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openCase,
    onSuccess: async (opened) => {
      queryClient.setQueryData(caseQueryKey(opened.id), opened);
      if (opened.alertId) await queryClient.invalidateQueries({ queryKey: alertQueryKey(opened.alertId) });
    },
  });
};

export const saveCase = ({ id, change }: { id: string; change: ResistCasePatch }): Promise<ResistCase> =>
  request<ResistCase>(`/api/cases/${encodeURIComponent(id)}`, { method: 'PATCH', body: change });

export const useSaveCase = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCase,
    onSuccess: (saved) => queryClient.setQueryData(caseQueryKey(saved.id), saved),
  });
};
