import type { Member } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import type { PersonRequest } from '../utils/person-requests';
import { AccountButtons, PersonTags, whose } from './account-buttons';
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
  <div className="table-scroll" role="region" aria-labelledby="members-caption" tabIndex={0}>
    <table className="table people-table">
      <caption id="members-caption" className="table__caption">
        {members.length === 1 ? '1 person' : `${members.length} people`} in {departmentName}
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Last signed in</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.id}>
            <th scope="row">
              <span className="people-table__person">
                {member.name}
                {member.id === meId && ' (you)'}
              </span>
              <span className="people-table__email">{member.email}</span>
            </th>
            <td>
              <RoleForm
                key={member.role}
                memberId={member.id}
                memberName={member.name}
                role={member.role}
                onChange={(role) => onRequest({ person: member, kind: 'role', role })}
              />
            </td>
            <td>
              <PersonTags person={member} />
            </td>
            <td>
              <DateTime value={member.lastSignInAt} now={now} variant="compact" fallback="Never" />
            </td>
            <td>
              <span className="people-table__actions">
                <AccountButtons
                  person={member}
                  manage={member.manageAccount && member.id !== meId}
                  workspaceAdmin={workspaceAdmin}
                  onRequest={onRequest}
                />
                <Button variant="link" onClick={() => onRequest({ person: member, kind: 'remove' })}>
                  Remove from department{whose(member.name, '(', ')')}
                </Button>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
