import type { Member } from '@parley/contracts';
import type { Role } from '@parley/domain';
import type { AccountAction } from '../api/account-actions';

/** Who a request is about: a department's member, or anyone in the workspace list. */
export type Person = Pick<Member, 'id' | 'name' | 'workspaceAdmin' | 'disabled' | 'locked'>;

/** What a row asks the page to do; the page confirms the destructive ones first. */
export type PersonRequest = { person: Person } & (
  { kind: 'role'; role: Role } | { kind: 'remove' } | { kind: 'account'; action: AccountAction }
);

export type Confirmation = { title: string; body: string; confirmLabel: string; destructive: boolean };

/** The question asked before a request that is hard to undo; null for those that are simply done. */
export const confirmationFor = (request: PersonRequest, departmentName: string): Confirmation | null => {
  const { name } = request.person;
  if (request.kind === 'remove') {
    return {
      title: `Remove ${name} from ${departmentName}?`,
      body: 'They can no longer see or do anything in this department. Their account, and any other departments they are in, stay as they are.',
      confirmLabel: 'Remove from department',
      destructive: true,
    };
  }
  if (request.kind === 'role') return null;
  const { action } = request;
  switch (action.kind) {
    case 'disable':
      return {
        title: `Disable ${name}’s account?`,
        body: 'They are signed out at once, their API tokens stop working for good, and they cannot sign in until the account is enabled again. This applies in every department they are in.',
        confirmLabel: 'Disable account',
        destructive: true,
      };
    case 'sign-out':
      return {
        title: `Sign ${name} out everywhere?`,
        body: 'Every session of theirs ends at once, on every computer and phone. They can sign in again with their password, and their API tokens keep working. Use this when a device is lost or was shared.',
        confirmLabel: 'Sign out everywhere',
        destructive: true,
      };
    case 'reset-password':
      return {
        title: `Reset ${name}’s password?`,
        body: 'Parley makes a new password and shows it to you once, for you to pass on. Their old password stops working and they are signed out everywhere.',
        confirmLabel: 'Reset password',
        destructive: true,
      };
    case 'workspace-admin':
      return action.workspaceAdmin
        ? {
            title: `Make ${name} a workspace administrator?`,
            body: 'They will be able to manage every department, every person and the whole workspace.',
            confirmLabel: 'Make workspace administrator',
            destructive: false,
          }
        : {
            title: `Stop ${name} being a workspace administrator?`,
            body: 'They keep their roles in their departments, and nothing more.',
            confirmLabel: 'Remove workspace administration',
            destructive: true,
          };
    case 'enable':
    case 'unlock':
      return null;
  }
};
