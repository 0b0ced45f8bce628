import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Rule } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const rulesQueryKey = (department: string) => ['rules', 'list', department] as const;

export const getRules = (department: string, signal?: AbortSignal): Promise<Rule[]> =>
  api.get<Rule[]>('/api/rules', { params: { department }, signal });

export const getRulesQueryOptions = (department: string | null) =>
  queryOptions({
    queryKey: rulesQueryKey(department ?? ''),
    queryFn: ({ signal }) => getRules(department ?? '', signal),
    // Without a department there is nothing the api could answer.
    enabled: department !== null,
  });

export const useRules = (department: string | null) => useQuery(getRulesQueryOptions(department));
