import type { Member } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import type { PersonRequest } from '../utils/person-requests';
import { AccountButtons, whose } from './account-buttons';
import { PeopleTable } from './people-table';
import { RoleForm } from './role-form';

type MembersTableProps = {
  members: Member[];
  departmentName: string;
  /** The signed-in user: they cannot disable or reset themselves here. */
  meId: string;
  workspaceAdmin: boolean;
  now: Date;
  onRequest: (request: PersonRequest) => void;
};

export const MembersTable = ({
  members,
  departmentName,
  meId,
  workspaceAdmin,
  now,
  onRequest,
}: MembersTableProps) => (
  <PeopleTable
    people={members}
    where={departmentName}
    meId={meId}
    now={now}
    column={{
      heading: 'Role',
      cell: (member) => (
        <RoleForm
          key={member.role}
          memberId={member.id}
          memberName={member.name}
          role={member.role}
          onChange={(role) => onRequest({ person: member, kind: 'role', role })}
        />
      ),
    }}
    actions={(member) => (
      <>
        <AccountButtons
          person={member}
          manage={member.manageAccount && member.id !== meId}
          workspaceAdmin={workspaceAdmin}
          onRequest={onRequest}
        />
        <Button variant="link" onClick={() => onRequest({ person: member, kind: 'remove' })}>
          Remove from department{whose(member.name, '(', ')')}
        </Button>
      </>
    )}
  />
);
