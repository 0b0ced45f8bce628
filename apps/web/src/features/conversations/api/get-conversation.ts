import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ConversationDetail } from '@parley/contracts';
import { api } from '../../../lib/api-client';

export const getConversation = (id: string, signal?: AbortSignal): Promise<ConversationDetail> =>
  api.get<ConversationDetail>(`/api/conversations/${encodeURIComponent(id)}`, { signal });

export const getConversationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['conversations', 'detail', id],
    queryFn: ({ signal }) => getConversation(id, signal),
  });

export const useConversation = (id: string) => useQuery(getConversationQueryOptions(id));
