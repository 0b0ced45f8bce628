import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../components/ui/button';
import { DepartmentSelect } from '../../components/ui/department-select';
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
          {managed.length > 1 && (
            <DepartmentForm
              key={department}
              departments={managed}
              value={department}
              onApply={(next) => setSearch({ department: next })}
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

type DepartmentFormProps = {
  departments: { key: string; name: string }[];
  value: string;
  onApply: (department: string) => void;
};

/** Applies on the button, not on change, so arrowing through the list does not reload the page (WCAG 3.2.2). */
const DepartmentForm = ({ departments, value, onApply }: DepartmentFormProps) => {
  const [department, setDepartment] = useState(value);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(department);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Choose a department">
      <DepartmentSelect departments={departments} value={department} onChange={setDepartment} />
      <Button type="submit" variant="secondary" className="filters__apply">
        Show people
      </Button>
    </form>
  );
};
