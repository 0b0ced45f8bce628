import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EngagementRecorded, RecordEngagement } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { engagementsQueryKey } from './get-engagements';

type RecordEngagementInput = { opportunityId: string; engagement: RecordEngagement };

/** Records what was done on an opportunity, or publishes it to a department account; either way it is answered. */
export const recordEngagement = ({
  opportunityId,
  engagement,
}: RecordEngagementInput): Promise<EngagementRecorded> =>
  api.post<EngagementRecorded>(
    `/api/opportunities/${encodeURIComponent(opportunityId)}/engagements`,
    engagement,
  );

type UseRecordEngagementOptions = { onSuccess?: (recorded: EngagementRecorded) => void };

export const useRecordEngagement = ({ onSuccess }: UseRecordEngagementOptions = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordEngagement,
    onSuccess: async (recorded, { opportunityId }) => {
      // The list shows the engagement; the conversation and its action panel show the new status and version.
      await queryClient.invalidateQueries({ queryKey: engagementsQueryKey(opportunityId) });
      await queryClient.invalidateQueries({ queryKey: ['conversations'] });
      await queryClient.invalidateQueries({ queryKey: ['opportunities'] });
      onSuccess?.(recorded);
    },
    // A failed publish is kept on the engagement with its reason, and a 409 brings the current version: the
    // list is fetched again, while the form keeps what was typed.
    onError: (_error, { opportunityId }) =>
      queryClient.invalidateQueries({ queryKey: engagementsQueryKey(opportunityId) }),
  });
};
