import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DraftDiff } from '@parley/contracts';
import { api } from '../../../lib/api-client';

type DiffRange = { opportunityId: string; from: number; to: number };

/** What changed between two versions, word by word (from 0: the whole text is new). */
export const getDraftDiff = (
  { opportunityId, from, to }: DiffRange,
  signal?: AbortSignal,
): Promise<DraftDiff> =>
  api.get<DraftDiff>(`/api/opportunities/${encodeURIComponent(opportunityId)}/draft/diff`, {
    params: { from, to },
    signal,
  });

export const getDraftDiffQueryOptions = (range: DiffRange) =>
  queryOptions({
    queryKey: ['drafts', range.opportunityId, 'diff', range.from, range.to],
    queryFn: ({ signal }) => getDraftDiff(range, signal),
    // Versions never change once saved.
    staleTime: Infinity,
  });

export const useDraftDiff = (range: DiffRange | null) =>
  useQuery({
    ...getDraftDiffQueryOptions(range ?? { opportunityId: '', from: 0, to: 0 }),
    enabled: range !== null,
  });
