import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTokenResponse } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { tokensQueryKey } from './get-tokens';

/** The answer holds the token itself, which is never shown again. */
export const createToken = (name: string): Promise<CreateTokenResponse> =>
  api.post<CreateTokenResponse>('/api/auth/tokens', { name });

export const useCreateToken = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });
};
