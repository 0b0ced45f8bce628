import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Objective, ObjectiveInput } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { evaluationRecordsQueryKey } from './get-evaluation-records';

/** Records an objective; the records are fetched again so every list shows it. */
export const saveObjective = (objective: ObjectiveInput): Promise<Objective> =>
  api.post<Objective>('/api/evaluation/objectives', objective);

export const useSaveObjective = ({ onSuccess }: { onSuccess?: () => void } = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveObjective,
    onSuccess: async (_saved, objective) => {
      await queryClient.invalidateQueries({ queryKey: evaluationRecordsQueryKey(objective.department) });
      onSuccess?.();
    },
  });
};
