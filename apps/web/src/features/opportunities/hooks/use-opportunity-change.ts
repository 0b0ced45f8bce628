import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Opportunity } from '@parley/contracts';
import { isApiError } from '../../../lib/api-client';
import { opportunityHistoryQueryKey } from '../api/get-opportunity-history';
import { opportunityQueryKey } from '../api/get-opportunity';

/**
 * A change to an opportunity: on success the panel shows the answer at once and the timeline is fetched again.
 * On a 409 (someone else changed it) the opportunity and its timeline are fetched again so the page shows their
 * change, while what this person typed stays in the form (it is the form's own state), ready to send again.
 */
export const useOpportunityChange = <Input>(
  id: string,
  change: (input: Input) => Promise<Opportunity>,
  onSuccess?: (opportunity: Opportunity) => void,
) => {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: opportunityHistoryQueryKey(id) });
  return useMutation({
    mutationFn: change,
    onSuccess: async (opportunity) => {
      queryClient.setQueryData(opportunityQueryKey(id), opportunity);
      await refresh();
      onSuccess?.(opportunity);
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) {
        await Promise.all([queryClient.invalidateQueries({ queryKey: opportunityQueryKey(id) }), refresh()]);
      }
    },
  });
};
