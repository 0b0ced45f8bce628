import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CurrentElectionPeriod } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const getCurrentElectionPeriod = (signal?: AbortSignal): Promise<CurrentElectionPeriod> =>
  api.get<CurrentElectionPeriod>('/api/election-periods/current', { signal });

// A period starts and ends on a date: checking every few minutes is plenty, and keeps a tab left open overnight right.
export const getCurrentElectionPeriodQueryOptions = () =>
  queryOptions({
    queryKey: ['election-periods', 'current'],
    queryFn: ({ signal }) => getCurrentElectionPeriod(signal),
    staleTime: 5 * 60_000,
    refetchInterval: 15 * 60_000,
  });

/** The election period in force, or null; `enabled` false until someone is signed in (the route needs a session). */
export const useCurrentElectionPeriod = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...getCurrentElectionPeriodQueryOptions(), enabled });
