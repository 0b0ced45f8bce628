import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Draft, DraftSubmit } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { draftQueryKey } from './get-draft';

type SubmitInput = { opportunityId: string; submit: DraftSubmit };

/** Sends the latest version for clearance by a policy official and a comms officer. */
export const submitDraft = ({ opportunityId, submit }: SubmitInput): Promise<Draft> =>
  api.post<Draft>(`/api/opportunities/${encodeURIComponent(opportunityId)}/draft/submit`, submit);

export const useSubmitDraft = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitDraft,
    onSuccess: async (draft, { opportunityId }) => {
      queryClient.setQueryData(draftQueryKey(opportunityId), draft);
      // The opportunity's status moved: everything that shows it is fetched again.
      await queryClient.invalidateQueries({ queryKey: ['conversations'] });
      await queryClient.invalidateQueries({ queryKey: ['clearance'] });
    },
  });
};
