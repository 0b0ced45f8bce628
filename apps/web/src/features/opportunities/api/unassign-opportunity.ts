import type { Opportunity, VersionOnly } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { useOpportunityChange } from '../hooks/use-opportunity-change';

/** Gives it back to the inbox, nobody's. */
export const unassignOpportunity = (id: string, request: VersionOnly): Promise<Opportunity> =>
  api.post<Opportunity>(`/api/opportunities/${encodeURIComponent(id)}/unassign`, request);

export const useUnassignOpportunity = (id: string, onSuccess?: (opportunity: Opportunity) => void) =>
  useOpportunityChange(id, (request: VersionOnly) => unassignOpportunity(id, request), onSuccess);
