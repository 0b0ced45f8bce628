import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export const logout = (): Promise<unknown> => api.post<unknown>('/api/auth/logout');

type UseLogoutOptions = { onSuccess?: () => void };

export const useLogout = ({ onSuccess }: UseLogoutOptions = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      // Drop every cached answer so the next person on this computer sees nothing of the last one's data.
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
      onSuccess?.();
    },
  });
};
