import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Draft, DraftReviewRequest } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { draftQueryKey } from './get-draft';
import { opportunityChanged } from './opportunity-changed';

type ReviewInput = { opportunityId: string; review: DraftReviewRequest };

/** Approves the submitted version, or asks for changes with a comment. */
export const reviewDraft = ({ opportunityId, review }: ReviewInput): Promise<Draft> =>
  api.post<Draft>(`/api/opportunities/${encodeURIComponent(opportunityId)}/draft/reviews`, review);

export const useReviewDraft = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewDraft,
    onSuccess: async (draft, { opportunityId }) => {
      queryClient.setQueryData(draftQueryKey(opportunityId), draft);
      await opportunityChanged(queryClient);
    },
  });
};
