import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RetentionStatus } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const retentionStatusQueryKey = ['privacy', 'retention'] as const;

export const getRetentionStatus = (signal?: AbortSignal): Promise<RetentionStatus> =>
  api.get<RetentionStatus>('/api/retention', { signal });

export const useRetentionStatus = () =>
  useQuery(
    queryOptions({ queryKey: retentionStatusQueryKey, queryFn: ({ signal }) => getRetentionStatus(signal) }),
  );
