import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { DepartmentChooser } from '../../components/ui/department-chooser';
import { EmptyState } from '../../components/ui/empty-state';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';
import { ClearanceQueue } from '../../features/drafts/components/clearance-queue';
import { reviewerDepartments } from '../../features/drafts/utils/reviewers';

/** The clearance queue: drafts waiting for the reader's approval in one department, oldest first. */
export const ClearanceRoute = () => {
  const me = useSignedInUser();
  const [search, setSearch] = useSearchParams();
  const departments = reviewerDepartments(me);
  const requested = search.get('department');
  const department =
    requested && departments.some((d) => d.key === requested) ? requested : (departments[0]?.key ?? null);

  // A bare /clearance shows the first department: write it into the URL so a copied link reproduces the view.
  useEffect(() => {
    if (department && requested !== department) setSearch({ department }, { replace: true });
  }, [department, requested, setSearch]);

  const departmentName = departmentNamer(me.departments);
  return (
    <>
      <title>
        {department
          ? `Waiting for clearance: ${departmentName(department)} – Parley`
          : 'Waiting for clearance – Parley'}
      </title>
      <h1 className="heading-l">Waiting for clearance</h1>
      {department === null ? (
        <EmptyState title="You do not review drafts">
          <p>
            Policy officials, comms officers and managers of a department review its drafts before they are
            posted.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            Drafts in {departmentName(department)} that need your approval before they are posted, oldest
            first.
          </p>
          {departments.length > 1 && (
            <DepartmentChooser
              key={department}
              departments={departments}
              value={department}
              onApply={(next) => setSearch({ department: next })}
              submitLabel="Show drafts"
            />
          )}
          <ClearanceQueue department={department} departmentName={departmentName(department)} />
        </>
      )}
    </>
  );
};
