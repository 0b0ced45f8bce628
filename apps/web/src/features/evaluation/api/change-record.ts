import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { evaluationRecordsQueryKey } from './get-evaluation-records';

/**
 * One change to an evaluation record: create, change, close, post, remove. Every kind answers its own shape, but
 * the page reads them all back from the records list, so a change is sent and the list fetched again.
 */
export type RecordChange =
  { method: 'POST' | 'PUT' | 'PATCH'; path: string; body: unknown } | { method: 'DELETE'; path: string };

export const changeRecord = (change: RecordChange): Promise<unknown> =>
  request(`/api/evaluation/${change.path}`, {
    method: change.method,
    body: change.method === 'DELETE' ? undefined : change.body,
  });

/** The records' paths, with ids escaped: what `RecordChange.path` is built from. */
export const recordPath = (
  kind: 'objectives' | 'exercises' | 'influence' | 'lessons' | 'surveys' | 'costs',
  id?: string,
  action?: 'close' | 'you-said-we-did' | 'influence',
) => [kind, id && encodeURIComponent(id), action].filter(Boolean).join('/');

export const useChangeRecord = (department: string, { onSuccess }: { onSuccess?: () => void } = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeRecord,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: evaluationRecordsQueryKey(department) });
      onSuccess?.();
    },
  });
};
