import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DepartmentChooser } from '../../components/ui/department-chooser';
import { EmptyState } from '../../components/ui/empty-state';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';
import { PeoplePanel } from '../../features/people/components/people-panel';
import { managedDepartments, parsePeopleDepartment } from '../../features/people/utils/people-params';

export const PeopleRoute = () => {
  const me = useSignedInUser();
  const managed = managedDepartments(me);
  const [search, setSearch] = useSearchParams();
  const department = parsePeopleDepartment(
    search,
    managed.map((d) => d.key),
  );

  // A bare /people shows the first department: write it into the URL so a copied link reproduces the view.
  useEffect(() => {
    if (department && search.get('department') !== department) setSearch({ department }, { replace: true });
  }, [department, search, setSearch]);

  const departmentName = departmentNamer(me.departments);
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
              onApply={(next) => setSearch({ department: next })}
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
