import type { Opportunity, DeclineRequest } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { useOpportunityChange } from '../hooks/use-opportunity-change';

/** Declines it with a reason (and a note for "other"). */
export const declineOpportunity = (id: string, request: DeclineRequest): Promise<Opportunity> =>
  api.post<Opportunity>(`/api/opportunities/${encodeURIComponent(id)}/decline`, request);

export const useDeclineOpportunity = (id: string, onSuccess?: (opportunity: Opportunity) => void) =>
  useOpportunityChange(id, (request: DeclineRequest) => declineOpportunity(id, request), onSuccess);
