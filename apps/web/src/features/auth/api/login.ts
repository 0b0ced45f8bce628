import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest } from '@parley/contracts';
import { ApiError, api } from '../../../lib/api-client';
import { getMeQueryOptions } from './get-me';

export const login = (credentials: LoginRequest): Promise<unknown> =>
  api.post<unknown>('/api/auth/login', credentials);

const SESSION_NOT_KEPT =
  'You signed in, but your browser did not keep the session. Check that cookies are allowed for this site, then try again';

type UseLoginOptions = { onSuccess?: () => void };

export const useLogin = ({ onSuccess }: UseLoginOptions = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    // The key lets the app-wide 401 handler tell "wrong password" from "session expired".
    mutationKey: ['login'],
    mutationFn: async (credentials: LoginRequest) => {
      await login(credentials);
      // Anything cached belonged to whoever used this tab before; the new session also has its own CSRF token,
      // which must be loaded before anything else can write.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      const me = await queryClient.fetchQuery({ ...getMeQueryOptions(), staleTime: 0 });
      if (!me) throw new ApiError(0, 'session_not_kept', SESSION_NOT_KEPT);
      return me;
    },
    onSuccess: () => onSuccess?.(),
  });
};
