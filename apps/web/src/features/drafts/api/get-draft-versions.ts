import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DraftVersion } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const draftVersionsQueryKey = (opportunityId: string) =>
  ['drafts', opportunityId, 'versions'] as const;

/** Every saved version of the draft, newest first. */
export const getDraftVersions = (opportunityId: string, signal?: AbortSignal): Promise<DraftVersion[]> =>
  api.get<DraftVersion[]>(`/api/opportunities/${encodeURIComponent(opportunityId)}/draft/versions`, {
    signal,
  });

export const getDraftVersionsQueryOptions = (opportunityId: string) =>
  queryOptions({
    queryKey: draftVersionsQueryKey(opportunityId),
    queryFn: ({ signal }) => getDraftVersions(opportunityId, signal),
  });

export const useDraftVersions = (opportunityId: string) =>
  useQuery(getDraftVersionsQueryOptions(opportunityId));
