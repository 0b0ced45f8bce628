import type { Member } from '@parley/contracts';
import type { Role } from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { Tag } from '../../../components/ui/tag';
import type { AccountAction } from '../api/account-actions';
import { RoleForm } from './role-form';

/** What a row asks the page to do; the page confirms the destructive ones first. */
export type MemberRequest = { member: Member } & (
  { kind: 'role'; role: Role } | { kind: 'remove' } | { kind: 'account'; action: AccountAction }
);

type MembersTableProps = {
  members: Member[];
  departmentName: string;
  /** The signed-in user: they cannot disable or reset themselves here. */
  meId: string;
  workspaceAdmin: boolean;
  now: Date;
  onRequest: (request: MemberRequest) => void;
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
          <MemberRow
            key={member.id}
            member={member}
            self={member.id === meId}
            workspaceAdmin={workspaceAdmin}
            now={now}
            onRequest={onRequest}
          />
        ))}
      </tbody>
    </table>
  </div>
);

type MemberRowProps = {
  member: Member;
  self: boolean;
  workspaceAdmin: boolean;
  now: Date;
  onRequest: (request: MemberRequest) => void;
};

const MemberRow = ({ member, self, workspaceAdmin, now, onRequest }: MemberRowProps) => {
  const account = (action: AccountAction) => () => onRequest({ member, kind: 'account', action });
  // Your own account is changed on Your account, and you cannot lock yourself out from here.
  const manage = member.manageAccount && !self;
  // Visible words first, then whose row it is, so the accessible name starts with what is on screen (WCAG 2.5.3).
  const whose = (before = '', after = '') => (
    <span className="visually-hidden">{` ${before}${member.name}${after}`}</span>
  );
  return (
    <tr>
      <th scope="row">
        <span className="people-table__person">
          {member.name}
          {self && ' (you)'}
        </span>
        <span className="people-table__email">{member.email}</span>
      </th>
      <td>
        <RoleForm
          key={member.role}
          memberId={member.id}
          memberName={member.name}
          role={member.role}
          onChange={(role) => onRequest({ member, kind: 'role', role })}
        />
      </td>
      <td>
        <span className="people-table__tags">
          {member.disabled ? <Tag tone="red">Disabled</Tag> : <Tag tone="green">Active</Tag>}
          {member.locked && <Tag tone="orange">Locked</Tag>}
          {member.workspaceAdmin && <Tag tone="purple">Workspace admin</Tag>}
        </span>
      </td>
      <td>
        <DateTime value={member.lastSignInAt} now={now} variant="compact" fallback="Never" />
      </td>
      <td>
        <span className="people-table__actions">
          {manage && member.locked && (
            <Button variant="link" onClick={account({ kind: 'unlock' })}>
              Unlock{whose()}
            </Button>
          )}
          {manage && (
            <Button variant="link" onClick={account({ kind: 'reset-password' })}>
              Reset password{whose('of ')}
            </Button>
          )}
          {manage && (
            <Button variant="link" onClick={account({ kind: member.disabled ? 'enable' : 'disable' })}>
              {member.disabled ? 'Enable' : 'Disable'}
              {whose()}
            </Button>
          )}
          {workspaceAdmin && (
            <Button
              variant="link"
              onClick={account({ kind: 'workspace-admin', workspaceAdmin: !member.workspaceAdmin })}
            >
              {member.workspaceAdmin ? 'Remove workspace admin' : 'Make workspace admin'}
              {whose('for ')}
            </Button>
          )}
          <Button variant="link" onClick={() => onRequest({ member, kind: 'remove' })}>
            Remove from department{whose('(', ')')}
          </Button>
        </span>
      </td>
    </tr>
  );
};
