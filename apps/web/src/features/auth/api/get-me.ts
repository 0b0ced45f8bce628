import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '@parley/contracts';
import { api, isUnauthenticated, setCsrfToken } from '../../../lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
export const getMe = async (): Promise<Me | null> => {
  try {
    const me = await api.get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (!isUnauthenticated(error)) throw error;
    setCsrfToken(null);
    return null;
  }
};

export const getMeQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });

export const useMe = () => useQuery(getMeQueryOptions());

/** For pages under RequireAuth, which only renders them once the user is known. */
export const useSignedInUser = (): Me => {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInUser used outside RequireAuth');
  return data;
};
