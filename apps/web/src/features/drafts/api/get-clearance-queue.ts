import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClearanceItem } from '@parley/contracts';
import { api } from '../../../lib/api-client';

/** Drafts waiting for the caller's review in a department, oldest first. */
export const getClearanceQueue = (department: string, signal?: AbortSignal): Promise<ClearanceItem[]> =>
  api.get<ClearanceItem[]>('/api/clearance', { params: { department }, signal });

export const getClearanceQueueQueryOptions = (department: string) =>
  queryOptions({
    queryKey: ['clearance', department],
    queryFn: ({ signal }) => getClearanceQueue(department, signal),
    enabled: department.length > 0,
  });

export const useClearanceQueue = (department: string) => useQuery(getClearanceQueueQueryOptions(department));
