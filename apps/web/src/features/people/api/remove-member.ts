import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../../lib/api-client';
import { membersQueryKey } from './get-members';
import { memberPath } from './member-paths';

type RemoveMemberInput = { department: string; userId: string };

/** Takes someone out of the department; their account and other memberships stay. */
export const removeMember = ({ department, userId }: RemoveMemberInput): Promise<void> =>
  request<void>(memberPath(department, userId), { method: 'DELETE' });

export const useRemoveMember = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMember,
    onSuccess: (_, { department }) =>
      queryClient.invalidateQueries({ queryKey: membersQueryKey(department) }),
  });
};
