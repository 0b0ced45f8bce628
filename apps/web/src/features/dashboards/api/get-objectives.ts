import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EvaluationRecords, Objective } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { retryUnlessNotServed, type DashboardScope } from './dashboard-scope';

/** The department's objectives for the window, read from its evaluation records (the impact report reads the same). */
export const getObjectives = async (
  { department, from, to }: DashboardScope,
  signal?: AbortSignal,
): Promise<Objective[]> =>
  (
    await api.get<EvaluationRecords>('/api/evaluation', {
      params: { department, from, to },
      signal,
    })
  ).objectives;

export const getObjectivesQueryOptions = (scope: DashboardScope | null, enabled: boolean) =>
  queryOptions({
    queryKey: ['evaluation', 'objectives', scope?.department, scope?.from, scope?.to],
    queryFn: ({ signal }) => getObjectives(scope as DashboardScope, signal),
    staleTime: 5 * 60_000,
    retry: retryUnlessNotServed,
    // Objectives are evaluation records: only those with evaluation.read may ask.
    enabled: scope !== null && enabled,
  });

export const useObjectives = (scope: DashboardScope | null, enabled: boolean) =>
  useQuery(getObjectivesQueryOptions(scope, enabled));
