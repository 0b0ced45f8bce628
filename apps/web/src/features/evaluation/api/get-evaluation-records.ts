import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EvaluationRecords } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const evaluationRecordsQueryKey = (department: string) => ['evaluation', department] as const;

/** Every evaluation record of a department, with the follow-ups that have come due. */
export const getEvaluationRecords = (department: string): Promise<EvaluationRecords> =>
  api.get<EvaluationRecords>(`/api/evaluation?department=${encodeURIComponent(department)}`);

export const evaluationRecordsQuery = (department: string) =>
  queryOptions({
    queryKey: evaluationRecordsQueryKey(department),
    queryFn: () => getEvaluationRecords(department),
  });

export const useEvaluationRecords = (department: string) => useQuery(evaluationRecordsQuery(department));
