import { useQuery } from '@tanstack/react-query';
import type { EvaluationRecords } from '@parley/contracts';
import { api } from '../../../lib/api-client';

/** The department's objectives and lessons, for a case to link to (read only by those who may see them). */
export const useEvaluationLinks = (department: string, enabled: boolean) =>
  useQuery({
    queryKey: ['alerts', 'evaluation', department],
    queryFn: ({ signal }) =>
      api.get<EvaluationRecords>('/api/evaluation', { params: { department }, signal }),
    select: (records) => ({ objectives: records.objectives, lessons: records.lessons }),
    enabled,
  });
