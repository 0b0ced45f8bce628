import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member } from '@parley/contracts';
import type { Role } from '@parley/domain';
import { api } from '../../../lib/api-client';
import { membersQueryKey } from './get-members';
import { memberPath } from './member-paths';

type ChangeRoleInput = { department: string; userId: string; role: Role };

export const changeRole = ({ department, userId, role }: ChangeRoleInput): Promise<Member> =>
  api.put<Member>(memberPath(department, userId), { role });

export const useChangeRole = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeRole,
    onSuccess: (member, { department }) =>
      queryClient.setQueryData(membersQueryKey(department), (members: Member[] | undefined) =>
        members?.map((m) => (m.id === member.id ? member : m)),
      ),
  });
};
