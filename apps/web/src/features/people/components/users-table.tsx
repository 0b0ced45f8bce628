import type { UserSummary } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import type { PersonRequest } from '../utils/person-requests';
import { roleName } from '../utils/roles';
import { AccountButtons, PersonTags } from './account-buttons';

type UsersTableProps = {
  users: UserSummary[];
  departmentName: (key: string) => string;
  meId: string;
  now: Date;
  onRequest: (request: PersonRequest) => void;
};

/** Everyone in the workspace, including people in no department (who appear on no department's list). */
export const UsersTable = ({ users, departmentName, meId, now, onRequest }: UsersTableProps) => (
  <div className="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
    <table className="table people-table">
      <caption id="users-caption" className="table__caption">
        {users.length === 1 ? '1 person' : `${users.length} people`} in the workspace
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Departments</th>
          <th scope="col">Status</th>
          <th scope="col">Last signed in</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <th scope="row">
              <span className="people-table__person">
                {user.name}
                {user.id === meId && ' (you)'}
              </span>
              <span className="people-table__email">{user.email}</span>
            </th>
            <td>
              {user.memberships.length === 0 ? (
                <span className="secondary-text">None</span>
              ) : (
                <ul className="people-table__memberships">
                  {user.memberships.map((m) => (
                    <li key={m.department}>
                      {departmentName(m.department)}: {roleName(m.role)}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td>
              <PersonTags person={user} />
            </td>
            <td>
              <DateTime value={user.lastSignInAt} now={now} variant="compact" fallback="Never" />
            </td>
            <td>
              <span className="people-table__actions">
                <AccountButtons
                  person={user}
                  manage={user.id !== meId}
                  workspaceAdmin
                  onRequest={onRequest}
                />
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
