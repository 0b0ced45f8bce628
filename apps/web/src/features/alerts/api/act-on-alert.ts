import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Alert, AlertAction, AlertMute, AlertMuteInput } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { alertsQueryKey } from './get-alerts';
import { alertQueryKey } from './get-alert';

/** Acknowledge, assign, snooze, close or reopen; the answer is the alert as it now is. */
export const actOnAlert = ({ id, action }: { id: string; action: AlertAction }): Promise<Alert> =>
  api.post<Alert>(`/api/alerts/${encodeURIComponent(id)}/actions`, action);

export const useActOnAlert = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: actOnAlert,
    onSuccess: async (alert) => {
      queryClient.setQueryData(alertQueryKey(alert.id), alert);
      // The list and the badge count change with its status.
      await queryClient.invalidateQueries({ queryKey: [...alertsQueryKey, 'list'] });
      await queryClient.invalidateQueries({ queryKey: [...alertsQueryKey, 'open-count'] });
    },
  });
};

/** Silences a rule or a source of the department for a time. */
export const muteAlerts = (input: AlertMuteInput): Promise<AlertMute> =>
  api.post<AlertMute>('/api/alert-mutes', input);

export const useMuteAlerts = () => useMutation({ mutationFn: muteAlerts });
