import type { Opportunity, ReopenRequest } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { useOpportunityChange } from '../hooks/use-opportunity-change';

/** Reopens a declined or referred one: new again, nobody's. */
export const reopenOpportunity = (id: string, request: ReopenRequest): Promise<Opportunity> =>
  api.post<Opportunity>(`/api/opportunities/${encodeURIComponent(id)}/reopen`, request);

export const useReopenOpportunity = (id: string, onSuccess?: (opportunity: Opportunity) => void) =>
  useOpportunityChange(id, (request: ReopenRequest) => reopenOpportunity(id, request), onSuccess);
