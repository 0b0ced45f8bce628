import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api-client';
import { QUERY_SYNTAX_FALLBACK, type QuerySyntaxRow } from '../utils/query-syntax';

/** The query language help; an api without the endpoint yet (404) gets the table kept here. */
export const getQuerySyntax = async (signal?: AbortSignal): Promise<readonly QuerySyntaxRow[]> => {
  try {
    return await api.get<QuerySyntaxRow[]>('/api/rules/syntax', { signal });
  } catch (error) {
    if (isApiError(error) && error.status === 404) return QUERY_SYNTAX_FALLBACK;
    throw error;
  }
};

export const getQuerySyntaxQueryOptions = () =>
  queryOptions({
    queryKey: ['rules', 'syntax'],
    queryFn: ({ signal }) => getQuerySyntax(signal),
    staleTime: Infinity,
  });

/** Never empty: while loading, or if the request fails, the kept table stands in. */
export const useQuerySyntax = (): readonly QuerySyntaxRow[] => {
  const { data } = useQuery(getQuerySyntaxQueryOptions());
  return data && data.length > 0 ? data : QUERY_SYNTAX_FALLBACK;
};
