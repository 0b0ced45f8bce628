import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddMemberRequest, MemberAdded } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { membersQueryKey } from './get-members';

type AddMemberInput = { department: string; member: AddMemberRequest };

/** Adds someone to the department; a new account's generated password is in the answer, this once. */
export const addMember = ({ department, member }: AddMemberInput): Promise<MemberAdded> =>
  api.post<MemberAdded>(`/api/departments/${encodeURIComponent(department)}/members`, member);

export const useAddMember = ({ onSuccess }: { onSuccess?: (added: MemberAdded) => void } = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addMember,
    onSuccess: async (added, { department }) => {
      await queryClient.invalidateQueries({ queryKey: membersQueryKey(department) });
      onSuccess?.(added);
    },
  });
};
