import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Member } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const membersQueryKey = (department: string) => ['people', 'members', department] as const;

export const getMembers = (department: string, signal?: AbortSignal): Promise<Member[]> =>
  api.get<Member[]>(`/api/departments/${encodeURIComponent(department)}/members`, { signal });

export const getMembersQueryOptions = (department: string) =>
  queryOptions({
    queryKey: membersQueryKey(department),
    queryFn: ({ signal }) => getMembers(department, signal),
  });

export const useMembers = (department: string) => useQuery(getMembersQueryOptions(department));
