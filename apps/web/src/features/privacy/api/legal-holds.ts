import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LegalHold } from '@parley/contracts';
import { api, request } from '../../../lib/api-client';
import { retentionStatusQueryKey } from './get-retention-status';

export const legalHoldsQueryKey = ['privacy', 'legal-holds'] as const;

export const getLegalHolds = (signal?: AbortSignal): Promise<LegalHold[]> =>
  api.get<LegalHold[]>('/api/legal-holds', { signal });

export const useLegalHolds = () =>
  useQuery(queryOptions({ queryKey: legalHoldsQueryKey, queryFn: ({ signal }) => getLegalHolds(signal) }));

/** Ends a hold, with the reason (the case closed); retention applies to what it covered from its next run. */
export const releaseLegalHold = ({ id, reason }: { id: string; reason: string }): Promise<LegalHold> =>
  request<LegalHold>(`/api/legal-holds/${encodeURIComponent(id)}`, { method: 'DELETE', body: { reason } });

export const useReleaseLegalHold = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: releaseLegalHold,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: legalHoldsQueryKey });
      await queryClient.invalidateQueries({ queryKey: retentionStatusQueryKey });
    },
  });
};
