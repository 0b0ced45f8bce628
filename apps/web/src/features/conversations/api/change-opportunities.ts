import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BulkRequest, BulkResult } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { conversationListsKey } from './get-conversations';

/**
 * Assigns or declines several opportunities at once (`POST /api/opportunities/bulk`); each item is checked on its
 * own and answers with its own status, so some can succeed while others (changed meanwhile: 409) do not.
 */
export const changeOpportunities = (request: BulkRequest): Promise<BulkResult> =>
  api.post<BulkResult>('/api/opportunities/bulk', request);

type UseChangeOpportunitiesOptions = { onSuccess?: (result: BulkResult, request: BulkRequest) => void };

export const useChangeOpportunities = ({ onSuccess }: UseChangeOpportunitiesOptions = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeOpportunities,
    onSuccess: async (result, request) => {
      // Statuses, assignees and versions changed: every inbox list shows them afresh.
      await queryClient.invalidateQueries({ queryKey: conversationListsKey });
      onSuccess?.(result, request);
    },
  });
};
