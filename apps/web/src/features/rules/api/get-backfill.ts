import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Backfill } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { isBackfillFinished } from '../utils/backfill';

export const BACKFILL_POLL_MS = 1000;

export const getBackfill = (id: string, signal?: AbortSignal): Promise<Backfill> =>
  api.get<Backfill>(`/api/backfills/${encodeURIComponent(id)}`, { signal });

export const getBackfillQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['backfills', id],
    queryFn: ({ signal }) => getBackfill(id, signal),
    // Poll while the job runs (also in a background tab: the bar should be right when someone comes back).
    refetchInterval: (query) =>
      isBackfillFinished(query.state.data) || query.state.error ? false : BACKFILL_POLL_MS,
    refetchIntervalInBackground: true,
    staleTime: 0,
  });

export const useBackfill = (id: string) => useQuery(getBackfillQueryOptions(id));
