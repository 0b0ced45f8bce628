import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Draft, DraftSave } from '@parley/contracts';
import { api, isApiError } from '../../../lib/api-client';
import { draftQueryKey } from './get-draft';
import { opportunityChanged } from './opportunity-changed';
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
      await opportunityChanged(queryClient);
    },
    onError: async (error, { opportunityId }) => {
      // Someone else saved meanwhile: the draft and its history are fetched again so the pane can say whose
      // version it is. The editor keeps what this person typed: it holds its own text, not the draft's.
      if (isApiError(error) && error.status === 409) {
        await queryClient.invalidateQueries({ queryKey: draftQueryKey(opportunityId), exact: true });
        await queryClient.invalidateQueries({ queryKey: draftVersionsQueryKey(opportunityId) });
      }
    },
  });
};
