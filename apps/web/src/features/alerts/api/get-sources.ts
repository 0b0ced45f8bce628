import { useQuery } from '@tanstack/react-query';
import type { SourceWithHealth } from '@parley/contracts';
import { api } from '../../../lib/api-client';

/** The sources Parley reads, to find the ones an alert names (its evidence gives their names, muting needs ids). */
export const useSources = (enabled: boolean) =>
  useQuery({
    queryKey: ['alerts', 'sources'],
    queryFn: ({ signal }) => api.get<SourceWithHealth[]>('/api/sources', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
