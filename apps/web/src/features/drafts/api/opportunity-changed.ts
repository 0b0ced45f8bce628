import type { QueryClient } from '@tanstack/react-query';

/**
 * A draft change moves the opportunity (status, version, timeline): what other parts of the page show of it is
 * fetched again. By query-key prefix, as features do not import each other.
 */
export const opportunityChanged = (queryClient: QueryClient): Promise<unknown> =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['opportunities'] }),
    queryClient.invalidateQueries({ queryKey: ['conversations'] }),
    queryClient.invalidateQueries({ queryKey: ['clearance'] }),
  ]);
