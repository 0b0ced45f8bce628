import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Draft, DraftSave } from '@parley/contracts';
import { api, isApiError } from '../../../lib/api-client';
import { draftQueryKey } from './get-draft';
import { draftVersionsQueryKey } from './get-draft-versions';

type SaveDraftInput = { opportunityId: string; draft: DraftSave };

/** Saves the text as a new version, checked for propriety as it is stored. */
export const saveDraft = ({ opportunityId, draft }: SaveDraftInput): Promise<Draft> =>
  api.put<Draft>(`/api/opportunities/${encodeURIComponent(opportunityId)}/draft`, draft);

export const useSaveDraft = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveDraft,
    onSuccess: async (saved, { opportunityId }) => {
      queryClient.setQueryData(draftQueryKey(opportunityId), saved);
      await queryClient.invalidateQueries({ queryKey: draftVersionsQueryKey(opportunityId) });
    },
    onError: async (error, { opportunityId }) => {
      // Someone else saved meanwhile: their version shows in the history at once. The editor keeps what this
      // person typed (the draft itself is not reloaded into it), as the rule editor does.
      if (isApiError(error) && error.status === 409)
        await queryClient.invalidateQueries({ queryKey: draftVersionsQueryKey(opportunityId) });
    },
  });
};
