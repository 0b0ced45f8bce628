import type { Opportunity, AssignRequest } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { useOpportunityChange } from '../hooks/use-opportunity-change';

/** Assigns it to a member, or to the caller with `me`. */
export const assignOpportunity = (id: string, request: AssignRequest): Promise<Opportunity> =>
  api.post<Opportunity>(`/api/opportunities/${encodeURIComponent(id)}/assign`, request);

export const useAssignOpportunity = (id: string, onSuccess?: (opportunity: Opportunity) => void) =>
  useOpportunityChange(id, (request: AssignRequest) => assignOpportunity(id, request), onSuccess);
