import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OpportunityHistory } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const opportunityHistoryQueryKey = (id: string) => ['opportunities', 'history', id] as const;

export const getOpportunityHistory = (id: string, signal?: AbortSignal): Promise<OpportunityHistory> =>
  api.get<OpportunityHistory>(`/api/opportunities/${encodeURIComponent(id)}/history`, { signal });

export const getOpportunityHistoryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: opportunityHistoryQueryKey(id),
    queryFn: ({ signal }) => getOpportunityHistory(id, signal),
  });

export const useOpportunityHistory = (id: string) => useQuery(getOpportunityHistoryQueryOptions(id));
