import { useState } from 'react';
import type { Member } from '@parley/contracts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useAccountAction, type AccountActionResult } from '../api/account-actions';
import { useChangeRole } from '../api/change-role';
import { useMembers } from '../api/get-members';
import { useRemoveMember } from '../api/remove-member';
import { roleName } from '../utils/roles';
import { AddMemberForm } from './add-member-form';
import { confirmationFor } from './confirmations';
import { MembersTable, type MemberRequest } from './members-table';
import { PeopleOutcomeBanner, type PeopleOutcome } from './people-outcome';

type PeoplePanelProps = { department: string; departmentName: string; meId: string; workspaceAdmin: boolean };

const accountMessage = (
  member: Member,
  result: AccountActionResult,
  departmentName: string,
): PeopleOutcome => {
  switch (result.kind) {
    case 'disable':
      return {
        message: `${member.name}’s account is disabled: they are signed out and their API tokens revoked.`,
      };
    case 'enable':
      return { message: `${member.name}’s account is enabled again: they can sign in with their password.` };
    case 'unlock':
      return { message: `${member.name} can sign in again.` };
    case 'reset-password':
      return {
        message: `${member.name} has a new password, and has been signed out everywhere.`,
        password: result.generatedPassword
          ? { label: `New password for ${member.name}`, value: result.generatedPassword }
          : undefined,
      };
    case 'workspace-admin':
      return {
        message: member.workspaceAdmin
          ? `${member.name} is no longer a workspace administrator; they keep their role in ${departmentName}.`
          : `${member.name} is now a workspace administrator.`,
      };
  }
};

/** One department's people: the list, what can be done to each, and adding someone. */
export const PeoplePanel = ({ department, departmentName, meId, workspaceAdmin }: PeoplePanelProps) => {
  const members = useMembers(department);
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const account = useAccountAction();
  const [pending, setPending] = useState<MemberRequest | null>(null);
  const [outcome, setOutcome] = useState<{ outcome: PeopleOutcome; key: number } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const busy = changeRole.isPending || remove.isPending || account.isPending;

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
  const run = (request: MemberRequest) => {
    const { member } = request;
    const callbacks = { onError: failed };
    if (request.kind === 'role') {
      changeRole.mutate(
        { department, userId: member.id, role: request.role },
        {
          ...callbacks,
          onSuccess: () =>
            done({ message: `${member.name}’s role in ${departmentName} is now ${roleName(request.role)}.` }),
        },
      );
    } else if (request.kind === 'remove') {
      remove.mutate(
        { department, userId: member.id },
        {
          ...callbacks,
          onSuccess: () => done({ message: `${member.name} was removed from ${departmentName}.` }),
        },
      );
    } else {
      account.mutate(
        { userId: member.id, action: request.action },
        { ...callbacks, onSuccess: (result) => done(accountMessage(member, result, departmentName)) },
      );
    }
  };
  const ask = (request: MemberRequest) => {
    if (confirmationFor(request, departmentName)) setPending(request);
    else run(request);
  };
  const confirmation = pending && confirmationFor(pending, departmentName);

  return (
    <>
      {outcome && <PeopleOutcomeBanner outcome={outcome.outcome} focusKey={outcome.key} />}
      {failure !== null && <ErrorPanel title="That was not done" error={failure} />}
      {members.isPending ? (
        <Loading label={`Loading the people in ${departmentName}`} />
      ) : members.isError ? (
        <ErrorPanel
          title="The people in this department could not be loaded"
          error={members.error}
          onRetry={() => void members.refetch()}
        />
      ) : members.data.length === 0 ? (
        <EmptyState title="Nobody is in this department yet">
          <p>Add someone below: they will see {departmentName}’s inbox with the role you give them.</p>
        </EmptyState>
      ) : (
        <MembersTable
          members={members.data}
          departmentName={departmentName}
          meId={meId}
          workspaceAdmin={workspaceAdmin}
          now={new Date()}
          onRequest={ask}
        />
      )}
      <AddMemberForm
        key={department}
        department={department}
        departmentName={departmentName}
        onAdded={(added) =>
          done({
            message: `${added.member.name} was added to ${departmentName} as ${roleName(added.member.role)}.`,
            password: added.generatedPassword
              ? { label: `Password for ${added.member.name}`, value: added.generatedPassword }
              : undefined,
          })
        }
      />
      <ConfirmDialog
        open={confirmation !== null}
        title={confirmation?.title ?? ''}
        confirmLabel={confirmation?.confirmLabel ?? ''}
        destructive={confirmation?.destructive}
        busy={busy}
        onConfirm={() => pending && run(pending)}
        onCancel={() => setPending(null)}
      >
        <p>{confirmation?.body}</p>
      </ConfirmDialog>
    </>
  );
};
