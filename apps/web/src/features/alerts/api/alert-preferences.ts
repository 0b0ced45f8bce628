import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertPreferences } from '@parley/contracts';
import { api } from '../../../lib/api-client';

const preferencesKey = ['account', 'alert-preferences'] as const;

export const getAlertPreferences = (signal?: AbortSignal): Promise<AlertPreferences> =>
  api.get<AlertPreferences>('/api/me/alert-preferences', { signal });

export const useAlertPreferences = () =>
  useQuery({ queryKey: preferencesKey, queryFn: ({ signal }) => getAlertPreferences(signal) });

export const saveAlertPreferences = (preferences: AlertPreferences): Promise<AlertPreferences> =>
  api.put<AlertPreferences>('/api/me/alert-preferences', preferences);

export const useSaveAlertPreferences = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAlertPreferences,
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
};
