import type { NoteRequest, Opportunity } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { useOpportunityChange } from '../hooks/use-opportunity-change';

/** Adds an internal note; members mentioned with @ and their email address are told. */
export const addNote = (id: string, request: NoteRequest): Promise<Opportunity> =>
  api.post<Opportunity>(`/api/opportunities/${encodeURIComponent(id)}/notes`, request);

export const useAddNote = (id: string, onSuccess?: (opportunity: Opportunity) => void) =>
  useOpportunityChange(id, (request: NoteRequest) => addNote(id, request), onSuccess);
