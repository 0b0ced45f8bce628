import type { ReactNode } from 'react';
import type { Member } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { PersonTags } from './account-buttons';

type Row = Pick<Member, 'id' | 'name' | 'email' | 'workspaceAdmin' | 'disabled' | 'locked' | 'lastSignInAt'>;

type PeopleTableProps<T extends Row> = {
  people: T[];
  /** Ends the caption: "3 people in …". */
  where: string;
  meId: string;
  now: Date;
  /** The one column that differs: a department's role, or every department someone is in. */
  column: { heading: string; cell: (person: T) => ReactNode };
  actions: (person: T) => ReactNode;
};

/** Who, their role or departments, their status, when they last signed in, and what can be done. */
export const PeopleTable = <T extends Row>({
  people,
  where,
  meId,
  now,
  column,
  actions,
}: PeopleTableProps<T>) => (
  <div className="table-scroll" role="region" aria-labelledby="people-caption" tabIndex={0}>
    <table className="table people-table">
      <caption id="people-caption" className="table__caption">
        {people.length === 1 ? '1 person' : `${people.length} people`} in {where}
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">{column.heading}</th>
          <th scope="col">Status</th>
          <th scope="col">Last signed in</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr key={person.id}>
            <th scope="row">
              <span className="people-table__person">
                {person.name}
                {person.id === meId && ' (you)'}
              </span>
              <span className="people-table__email">{person.email}</span>
            </th>
            <td>{column.cell(person)}</td>
            <td>
              <PersonTags person={person} />
            </td>
            <td>
              <DateTime value={person.lastSignInAt} now={now} variant="compact" fallback="Never" />
            </td>
            <td>
              <span className="people-table__actions">{actions(person)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
