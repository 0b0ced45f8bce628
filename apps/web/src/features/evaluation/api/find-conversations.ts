import { useQuery } from '@tanstack/react-query';
import type { ConversationDetail, ConversationPage, EngagementList } from '@parley/contracts';
import { api } from '../../../lib/api-client';

/** The department's conversations with these words in the thread, ten at a time: what a lesson can be linked to. */
export const useFindConversations = (department: string, words: string) =>
  useQuery({
    queryKey: ['evaluation', department, 'conversations', words],
    queryFn: () =>
      api.get<ConversationPage>('/api/conversations', {
        params: { department, q: words, sort: 'recent', limit: 10 },
      }),
    enabled: words.trim() !== '',
  });

/** What the department did on a conversation's opportunity: the engagements a record can point at. */
export const useOpportunityEngagements = (opportunityId: string | null) =>
  useQuery({
    queryKey: ['evaluation', 'engagements', opportunityId],
    queryFn: () =>
      api.get<EngagementList>(`/api/opportunities/${encodeURIComponent(opportunityId ?? '')}/engagements`),
    enabled: opportunityId !== null,
  });

/** One conversation, for the title of a linked one and the department's opportunity on it. */
export const useLinkedConversation = (id: string) =>
  useQuery({
    queryKey: ['evaluation', 'conversation', id],
    queryFn: () => api.get<ConversationDetail>(`/api/conversations/${encodeURIComponent(id)}`),
    retry: false,
  });
