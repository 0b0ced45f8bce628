import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SubjectExport, SubjectRequest, SubjectRequestCreate } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const subjectRequestsQueryKey = ['privacy', 'subject-requests'] as const;

export const getSubjectRequests = (signal?: AbortSignal): Promise<SubjectRequest[]> =>
  api.get<SubjectRequest[]>('/api/subject-requests', { signal });

export const useSubjectRequests = () =>
  useQuery(
    queryOptions({ queryKey: subjectRequestsQueryKey, queryFn: ({ signal }) => getSubjectRequests(signal) }),
  );

export const createSubjectRequest = (body: SubjectRequestCreate): Promise<SubjectRequest> =>
  api.post<SubjectRequest>('/api/subject-requests', body);

export const exportSubjectRequest = (id: string): Promise<SubjectExport> =>
  api.get<SubjectExport>(`/api/subject-requests/${encodeURIComponent(id)}/export`);

export type SubjectAction = 'erase' | 'pseudonymise';

export const actOnSubjectRequest = ({
  id,
  action,
}: {
  id: string;
  action: SubjectAction;
}): Promise<SubjectRequest> =>
  api.post<SubjectRequest>(`/api/subject-requests/${encodeURIComponent(id)}/${action}`);

const useRefreshingMutation = <In>(mutationFn: (input: In) => Promise<SubjectRequest>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: subjectRequestsQueryKey }),
  });
};

export const useCreateSubjectRequest = () => useRefreshingMutation(createSubjectRequest);
export const useActOnSubjectRequest = () => useRefreshingMutation(actOnSubjectRequest);
