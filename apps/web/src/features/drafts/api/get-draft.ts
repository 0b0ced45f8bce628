import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Draft } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const draftQueryKey = (opportunityId: string) => ['drafts', opportunityId] as const;

/** The opportunity's draft reply (version 0 before anything is saved), its clearance and its reviews. */
export const getDraft = (opportunityId: string, signal?: AbortSignal): Promise<Draft> =>
  api.get<Draft>(`/api/opportunities/${encodeURIComponent(opportunityId)}/draft`, { signal });

export const getDraftQueryOptions = (opportunityId: string) =>
  queryOptions({
    queryKey: draftQueryKey(opportunityId),
    queryFn: ({ signal }) => getDraft(opportunityId, signal),
  });

export const useDraft = (opportunityId: string) => useQuery(getDraftQueryOptions(opportunityId));
