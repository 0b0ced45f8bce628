import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EngagementList } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const getEngagements = (opportunityId: string, signal?: AbortSignal): Promise<EngagementList> =>
  api.get<EngagementList>(`/api/opportunities/${encodeURIComponent(opportunityId)}/engagements`, { signal });

export const engagementsQueryKey = (opportunityId: string) => ['engagements', opportunityId] as const;

export const getEngagementsQueryOptions = (opportunityId: string) =>
  queryOptions({
    queryKey: engagementsQueryKey(opportunityId),
    queryFn: ({ signal }) => getEngagements(opportunityId, signal),
  });

export const useEngagements = (opportunityId: string) => useQuery(getEngagementsQueryOptions(opportunityId));
