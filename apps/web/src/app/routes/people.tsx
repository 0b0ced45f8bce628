import { Link } from 'react-router';
import { DepartmentChooser } from '../../components/ui/department-chooser';
import { EmptyState } from '../../components/ui/empty-state';
import { PeoplePanel } from '../../features/people/components/people-panel';
import { useManagedDepartment } from '../hooks/use-managed-department';

export const PeopleRoute = () => {
  const { me, managed, department, departmentName, choose } = useManagedDepartment();
  return (
    <>
      <title>{department ? `People: ${departmentName(department)} – Parley` : 'People – Parley'}</title>
      <h1 className="heading-l">People</h1>
      {me.workspaceAdmin && (
        <p>
          <Link to="/people/everyone" className="link">
            Everyone in the workspace
          </Link>
          , including people in no department.
        </p>
      )}
      {department === null ? (
        <EmptyState title="You do not manage any department’s people">
          <p>
            Department admins and workspace administrators manage who can use Parley, and what they can do.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            Who can use Parley in {departmentName(department)}, and what each person can do there.
          </p>
          <p>
            <Link to={`/webhooks?department=${encodeURIComponent(department)}`} className="link">
              Webhooks of {departmentName(department)}
            </Link>
            : where Parley posts the department’s news (Slack, Teams).
          </p>
          {managed.length > 1 && (
            <DepartmentChooser
              key={department}
              departments={managed}
              value={department}
              onApply={choose}
              submitLabel="Show people"
            />
          )}
          <PeoplePanel
            key={department}
            department={department}
            departmentName={departmentName(department)}
            meId={me.id}
            workspaceAdmin={me.workspaceAdmin}
          />
        </>
      )}
    </>
  );
};
