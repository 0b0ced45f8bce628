import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Draft, DraftOverrideRequest } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { draftQueryKey } from './get-draft';
import { opportunityChanged } from './opportunity-changed';
import { draftVersionsQueryKey } from './get-draft-versions';

type OverrideInput = { opportunityId: string; override: DraftOverrideRequest };

/** Sets a finding of the latest version aside, with the reason it does not apply. */
export const overrideFinding = ({ opportunityId, override }: OverrideInput): Promise<Draft> =>
  api.post<Draft>(`/api/opportunities/${encodeURIComponent(opportunityId)}/draft/overrides`, override);

export const useOverrideFinding = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: overrideFinding,
    onSuccess: async (draft, { opportunityId }) => {
      queryClient.setQueryData(draftQueryKey(opportunityId), draft);
      await queryClient.invalidateQueries({ queryKey: draftVersionsQueryKey(opportunityId) });
      await opportunityChanged(queryClient);
    },
  });
};
