import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ProprietyCheckRequest, ProprietyCheckResponse } from '@parley/contracts';
import { api } from '../../../lib/api-client';

type CheckRequest = ProprietyCheckRequest;
type CheckResponse = ProprietyCheckResponse;

/** The propriety checker the draft is held to when it is saved, asked as the person types. */
export const checkPropriety = (request: CheckRequest, signal?: AbortSignal): Promise<CheckResponse> =>
  api.post<CheckResponse>('/api/propriety/check', request, { signal });

export const getProprietyCheckQueryOptions = (request: CheckRequest) =>
  queryOptions({
    queryKey: ['propriety', request.department, request.text],
    // A POST, but it reads: a superseded check is cancelled and each text's answer is cached.
    queryFn: ({ signal }) => checkPropriety(request, signal),
    enabled: request.text.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });

export const useProprietyCheck = (request: CheckRequest) => useQuery(getProprietyCheckQueryOptions(request));
