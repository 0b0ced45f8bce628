import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthorViewReason, AuthorViewReasonRequest } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { getConversationQueryOptions } from './get-conversation';

type RecordReasonInput = { conversationId: string } & AuthorViewReasonRequest;

/** Records why the person keeps reading one member of the public's posts; the conversation then shows them. */
export const recordAuthorViewReason = ({
  conversationId,
  ...request
}: RecordReasonInput): Promise<AuthorViewReason> =>
  api.post<AuthorViewReason>(
    `/api/conversations/${encodeURIComponent(conversationId)}/author-views/reason`,
    request,
  );

export const useRecordAuthorViewReason = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordAuthorViewReason,
    onSuccess: (_reason, { conversationId }) =>
      queryClient.invalidateQueries({ queryKey: getConversationQueryOptions(conversationId).queryKey }),
  });
};
