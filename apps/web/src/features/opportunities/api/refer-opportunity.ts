import type { Opportunity, ReferRequest } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { useOpportunityChange } from '../hooks/use-opportunity-change';

/** Refers it to the press office or another department, with a note. */
export const referOpportunity = (id: string, request: ReferRequest): Promise<Opportunity> =>
  api.post<Opportunity>(`/api/opportunities/${encodeURIComponent(id)}/refer`, request);

export const useReferOpportunity = (id: string, onSuccess?: (opportunity: Opportunity) => void) =>
  useOpportunityChange(id, (request: ReferRequest) => referOpportunity(id, request), onSuccess);
