import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Opportunity } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const opportunityQueryKey = (id: string) => ['opportunities', 'detail', id] as const;

export const getOpportunity = (id: string, signal?: AbortSignal): Promise<Opportunity> =>
  api.get<Opportunity>(`/api/opportunities/${encodeURIComponent(id)}`, { signal });

export const getOpportunityQueryOptions = (id: string) =>
  queryOptions({ queryKey: opportunityQueryKey(id), queryFn: ({ signal }) => getOpportunity(id, signal) });

export const useOpportunity = (id: string) => useQuery(getOpportunityQueryOptions(id));
