import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { ConversationPage } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { filterQuery, type InboxFilters, type InboxSort } from '../utils/inbox-params';

export const PAGE_SIZE = 25;

type ConversationsQuery = { department: string | null; sort: InboxSort } & InboxFilters;

type GetConversationsInput = ConversationsQuery & { cursor?: string | null; signal?: AbortSignal };

export const getConversations = ({
  department,
  sort,
  cursor,
  signal,
  ...filters
}: GetConversationsInput): Promise<ConversationPage> =>
  api.get<ConversationPage>('/api/conversations', {
    params: { department: department ?? '', sort, limit: PAGE_SIZE, cursor, ...filterQuery(filters) },
    signal,
  });

/** Every inbox list starts with this key, so a change to any opportunity can refresh them all. */
export const conversationListsKey = ['conversations', 'list'] as const;

export const getConversationsQueryOptions = (query: ConversationsQuery) =>
  infiniteQueryOptions({
    queryKey: [...conversationListsKey, query],
    queryFn: ({ pageParam, signal }) => getConversations({ ...query, cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Without a department there is nothing the api could answer.
    enabled: query.department !== null,
  });

export const useConversations = (query: ConversationsQuery) =>
  useInfiniteQuery(getConversationsQueryOptions(query));
