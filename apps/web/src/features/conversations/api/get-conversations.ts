import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { ConversationPage } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import type { InboxSort } from '../utils/inbox-params';

export const PAGE_SIZE = 25;

type GetConversationsInput = {
  department: string;
  sort: InboxSort;
  cursor?: string | null;
  signal?: AbortSignal;
};

export const getConversations = ({
  department,
  sort,
  cursor,
  signal,
}: GetConversationsInput): Promise<ConversationPage> =>
  api.get<ConversationPage>('/api/conversations', {
    params: { department, sort, limit: PAGE_SIZE, cursor },
    signal,
  });

type ConversationsQuery = { department: string | null; sort: InboxSort };

export const getConversationsQueryOptions = ({ department, sort }: ConversationsQuery) =>
  infiniteQueryOptions({
    queryKey: ['conversations', 'list', { department, sort }],
    queryFn: ({ pageParam, signal }) =>
      getConversations({ department: department ?? '', sort, cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Without a department there is nothing the api could answer.
    enabled: department !== null,
  });

export const useConversations = (query: ConversationsQuery) =>
  useInfiniteQuery(getConversationsQueryOptions(query));
