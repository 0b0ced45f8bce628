import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PasswordReset, SessionsRevoked, UserSummary } from '@parley/contracts';
import { api } from '../../../lib/api-client';
import { userPath } from './member-paths';

/** What can be done to a whole account from the People page; each answers for every department it is in. */
export type AccountAction =
  | { kind: 'disable' | 'enable' | 'unlock' | 'reset-password' | 'sign-out' }
  | { kind: 'workspace-admin'; workspaceAdmin: boolean };

export type AccountActionResult = { kind: AccountAction['kind']; generatedPassword: string | null };

export const runAccountAction = async (
  userId: string,
  action: AccountAction,
): Promise<AccountActionResult> => {
  switch (action.kind) {
    case 'disable':
    case 'enable':
    case 'unlock':
      await api.post<UserSummary | null>(userPath(userId, action.kind));
      return { kind: action.kind, generatedPassword: null };
    case 'sign-out':
      await api.post<SessionsRevoked>(userPath(userId, 'sessions/revoke'));
      return { kind: action.kind, generatedPassword: null };
    case 'reset-password': {
      const reset = await api.post<PasswordReset>(userPath(userId, 'password-reset'), {});
      return { kind: action.kind, generatedPassword: reset.generatedPassword };
    }
    case 'workspace-admin':
      await api.put<UserSummary>(userPath(userId, 'workspace-admin'), {
        workspaceAdmin: action.workspaceAdmin,
      });
      return { kind: action.kind, generatedPassword: null };
  }
};

type AccountActionInput = { userId: string; action: AccountAction };

/** Any of them can change what the members lists show, in every department the person is in. */
export const useAccountAction = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, action }: AccountActionInput) => runAccountAction(userId, action),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      // Taking workspace administration from yourself changes what you may see.
      await queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  });
};
