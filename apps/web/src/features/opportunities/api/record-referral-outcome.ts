import type { Opportunity, ReferralOutcomeRequest } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { useOpportunityChange } from '../hooks/use-opportunity-change';

/** Records what came back from a referral. */
export const recordReferralOutcome = (id: string, request: ReferralOutcomeRequest): Promise<Opportunity> =>
  api.post<Opportunity>(`/api/opportunities/${encodeURIComponent(id)}/referral-outcome`, request);

export const useRecordReferralOutcome = (id: string, onSuccess?: (opportunity: Opportunity) => void) =>
  useOpportunityChange(
    id,
    (request: ReferralOutcomeRequest) => recordReferralOutcome(id, request),
    onSuccess,
  );
