import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiToken } from '@parley/contracts';
import { request } from '../../../lib/api-client';
import { tokensQueryKey } from './get-tokens';

/** Revoked at once: the next request with it gets 401. */
export const revokeToken = (id: string): Promise<ApiToken> =>
  request<ApiToken>(`/api/auth/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const useRevokeToken = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: (revoked) =>
      queryClient.setQueryData(tokensQueryKey, (tokens: ApiToken[] | undefined) =>
        tokens?.map((t) => (t.id === revoked.id ? revoked : t)),
      ),
  });
};
