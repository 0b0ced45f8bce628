import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DigestSubscription, DigestSubscriptionInput } from '@parley/contracts';
import { api } from '../../../lib/api-client';

const digestKey = (department: string) => ['reports', 'digest-subscription', department] as const;

export const getDigestSubscription = (
  department: string,
  signal?: AbortSignal,
): Promise<DigestSubscription> =>
  api.get<DigestSubscription>('/api/reports/digest-subscriptions', { params: { department }, signal });

export const getDigestSubscriptionQueryOptions = (department: string) =>
  queryOptions({
    queryKey: digestKey(department),
    queryFn: ({ signal }) => getDigestSubscription(department, signal),
  });

export const useDigestSubscription = (department: string) =>
  useQuery(getDigestSubscriptionQueryOptions(department));

export const saveDigestSubscription = (input: DigestSubscriptionInput): Promise<DigestSubscription> =>
  api.put<DigestSubscription>('/api/reports/digest-subscriptions', input);

export const useSaveDigestSubscription = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveDigestSubscription,
    onSuccess: (saved) => queryClient.setQueryData(digestKey(saved.department), saved),
  });
};
