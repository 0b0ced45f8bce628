import { useState } from 'react';
import { useAccountAction, type AccountActionResult } from '../api/account-actions';
import { useChangeRole } from '../api/change-role';
import { useRemoveMember } from '../api/remove-member';
import { confirmationFor, type PersonRequest, type Person } from '../utils/person-requests';
import { roleName } from '../utils/roles';
import type { PeopleOutcome } from '../components/people-outcome';

const accountMessage = (person: Person, result: AccountActionResult): PeopleOutcome => {
  switch (result.kind) {
    case 'disable':
      return {
        message: `${person.name}’s account is disabled: they are signed out and their API tokens revoked.`,
      };
    case 'enable':
      return { message: `${person.name}’s account is enabled again: they can sign in with their password.` };
    case 'unlock':
      return { message: `${person.name} can sign in again.` };
    case 'sign-out':
      return {
        message: `${person.name} has been signed out everywhere; they can sign in again with their password.`,
      };
    case 'reset-password':
      return {
        message: `${person.name} has a new password, and has been signed out everywhere.`,
        password: result.generatedPassword
          ? { label: `New password for ${person.name}`, value: result.generatedPassword }
          : undefined,
      };
    case 'workspace-admin':
      return {
        message: person.workspaceAdmin
          ? `${person.name} is no longer a workspace administrator; they keep their roles in their departments.`
          : `${person.name} is now a workspace administrator.`,
      };
  }
};

/**
 * What the People pages do when a row asks for something: confirm it first if it is hard to undo, run it, and
 * say how it went (one success banner or one error at a time). `department` scopes role changes and removals.
 */
export const usePersonRequests = (department: { key: string; name: string } | null) => {
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const account = useAccountAction();
  const [pending, setPending] = useState<PersonRequest | null>(null);
  const [outcome, setOutcome] = useState<{ outcome: PeopleOutcome; key: number } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const done = (next: PeopleOutcome) => {
    setPending(null);
    setFailure(null);
    setOutcome((last) => ({ outcome: next, key: (last?.key ?? 0) + 1 }));
  };
  const failed = (error: unknown) => {
    setPending(null);
    setOutcome(null);
    setFailure(error);
  };
  const run = (request: PersonRequest) => {
    const { person } = request;
    if (request.kind === 'account') {
      account.mutate(
        { userId: person.id, action: request.action },
        { onError: failed, onSuccess: (result) => done(accountMessage(person, result)) },
      );
      return;
    }
    if (!department) return;
    if (request.kind === 'role') {
      changeRole.mutate(
        { department: department.key, userId: person.id, role: request.role },
        {
          onError: failed,
          onSuccess: () =>
            done({
              message: `${person.name}’s role in ${department.name} is now ${roleName(request.role)}.`,
            }),
        },
      );
    } else {
      remove.mutate(
        { department: department.key, userId: person.id },
        {
          onError: failed,
          onSuccess: () => done({ message: `${person.name} was removed from ${department.name}.` }),
        },
      );
    }
  };
  const departmentName = department?.name ?? '';
  return {
    outcome,
    failure,
    done,
    pending,
    confirmation: pending && confirmationFor(pending, departmentName),
    busy: changeRole.isPending || remove.isPending || account.isPending,
    ask: (request: PersonRequest) => {
      if (confirmationFor(request, departmentName)) setPending(request);
      else run(request);
    },
    confirm: () => pending && run(pending),
    cancel: () => setPending(null),
  };
};
