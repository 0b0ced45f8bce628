import type { UserSummary } from '@parley/contracts';
import type { PersonRequest } from '../utils/person-requests';
import { roleName } from '../utils/roles';
import { AccountButtons } from './account-buttons';
import { PeopleTable } from './people-table';

type UsersTableProps = {
  users: UserSummary[];
  departmentName: (key: string) => string;
  meId: string;
  now: Date;
  onRequest: (request: PersonRequest) => void;
};

/** Everyone in the workspace, including people in no department (who appear on no department's list). */
export const UsersTable = ({ users, departmentName, meId, now, onRequest }: UsersTableProps) => (
  <PeopleTable
    people={users}
    where="the workspace"
    meId={meId}
    now={now}
    column={{
      heading: 'Departments',
      cell: (user) =>
        user.memberships.length === 0 ? (
          <span className="secondary-text">None</span>
        ) : (
          <ul className="people-table__memberships">
            {user.memberships.map((m) => (
              <li key={m.department}>
                {departmentName(m.department)}: {roleName(m.role)}
              </li>
            ))}
          </ul>
        ),
    }}
    actions={(user) => (
      <AccountButtons person={user} manage={user.id !== meId} workspaceAdmin onRequest={onRequest} />
    )}
  />
);
