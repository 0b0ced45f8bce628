import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';
import { managedDepartments, parsePeopleDepartment } from '../../features/people/utils/people-params';

/**
 * The department a page for department admins is about: `?department=`, else the first one the person manages.
 * A bare address gets the department written into the URL, so a copied link reproduces the view.
 */
export const useManagedDepartment = () => {
  const me = useSignedInUser();
  const managed = managedDepartments(me);
  const [search, setSearch] = useSearchParams();
  const department = parsePeopleDepartment(
    search,
    managed.map((d) => d.key),
  );
  useEffect(() => {
    if (department && search.get('department') !== department) setSearch({ department }, { replace: true });
  }, [department, search, setSearch]);
  const choose = (next: string) => setSearch({ department: next });
  return { me, managed, department, departmentName: departmentNamer(me.departments), choose };
};
