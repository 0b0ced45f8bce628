import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiToken } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const tokensQueryKey = ['account', 'tokens'] as const;

export const getTokens = (signal?: AbortSignal): Promise<ApiToken[]> =>
  api.get<ApiToken[]>('/api/auth/tokens', { signal });

export const getTokensQueryOptions = () =>
  queryOptions({ queryKey: tokensQueryKey, queryFn: ({ signal }) => getTokens(signal) });

export const useTokens = () => useQuery(getTokensQueryOptions());
