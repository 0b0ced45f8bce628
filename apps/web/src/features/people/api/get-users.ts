import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserSummary } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const usersQueryKey = ['people', 'users'] as const;

/** Everyone in the workspace with all their memberships: for workspace administrators. */
export const getUsers = (signal?: AbortSignal): Promise<UserSummary[]> =>
  api.get<UserSummary[]>('/api/users', { signal });

export const getUsersQueryOptions = () =>
  queryOptions({ queryKey: usersQueryKey, queryFn: ({ signal }) => getUsers(signal) });

export const useUsers = () => useQuery(getUsersQueryOptions());
