import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Draft, DraftSubmit } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { draftQueryKey } from './get-draft';
import { opportunityChanged } from './opportunity-changed';

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
      await opportunityChanged(queryClient);
    },
  });
};
