import { useCallback } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export const logout = (): Promise<unknown> => api.post<unknown>('/api/auth/logout');

/** After this browser's session ended (signing out, or out everywhere): forget who was signed in here. */
export const useForgetSignedInUser = () => {
  const queryClient = useQueryClient();
  return useCallback(() => {
    // Drop every cached answer so the next person on this computer sees nothing of the last one's data.
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, null);
  }, [queryClient]);
};

type UseLogoutOptions = { onSuccess?: () => void };

export const useLogout = ({ onSuccess }: UseLogoutOptions = {}) => {
  const forget = useForgetSignedInUser();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      forget();
      onSuccess?.();
    },
  });
};
