import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Health } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const getHealth = (signal?: AbortSignal): Promise<Health> =>
  api.get<Health>('/api/health', { signal });

export const getHealthQueryOptions = () =>
  queryOptions({ queryKey: ['health'], queryFn: ({ signal }) => getHealth(signal), refetchInterval: 30_000 });

export const useHealth = () => useQuery(getHealthQueryOptions());
