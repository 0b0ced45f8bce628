import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RuleVersion } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const ruleVersionsQueryKey = (department: string, key: string) =>
  ['rules', 'versions', department, key] as const;

/** Every change to a rule, newest first. */
export const getRuleVersions = (
  department: string,
  key: string,
  signal?: AbortSignal,
): Promise<RuleVersion[]> =>
  api.get<RuleVersion[]>(`/api/rules/${encodeURIComponent(department)}/${encodeURIComponent(key)}/versions`, {
    signal,
  });

export const getRuleVersionsQueryOptions = (department: string, key: string) =>
  queryOptions({
    queryKey: ruleVersionsQueryKey(department, key),
    queryFn: ({ signal }) => getRuleVersions(department, key, signal),
  });

export const useRuleVersions = (department: string, key: string) =>
  useQuery(getRuleVersionsQueryOptions(department, key));
