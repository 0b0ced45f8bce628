import { useSearchParams } from 'react-router';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';
import type { DashboardScope } from '../../features/dashboards/api/dashboard-scope';
import {
  bucketFor,
  dashboardSearch,
  dashboardWindow,
  parseDashboardParams,
  type DashboardParams,
} from '../../features/dashboards/utils/dashboard-params';

/**
 * A dashboard's filters from the URL, and what they ask the api for: the department (one the person can see),
 * the window in whole London days, its comparison and the chart bucket. Applying filters writes the URL, so a
 * link reproduces the view.
 */
export const useDashboardFilters = () => {
  const me = useSignedInUser();
  const readable = me.departments.filter((d) => d.permissions.includes('department.read'));
  const [search, setSearch] = useSearchParams();
  const params = parseDashboardParams(
    search,
    readable.map((d) => d.key),
  );
  // A preset counts whole London days back from today, so the window (and the query) only moves at midnight.
  const window = dashboardWindow(params, new Date());
  const scope: DashboardScope | null = params.department
    ? { department: params.department, ...window, compare: params.compare }
    : null;
  const department = readable.find((d) => d.key === params.department);
  return {
    readable,
    params,
    scope,
    bucket: bucketFor(window),
    canEvaluate: department?.permissions.includes('evaluation.read') ?? false,
    // Labelling posts is recording evaluation: the sentiment accuracy links to it only for those who may.
    canLabel: department?.permissions.includes('evaluation.record') ?? false,
    departmentName: departmentNamer(me.departments),
    filtersKey: search.toString(),
    apply: (next: DashboardParams) => setSearch(dashboardSearch(next)),
  };
};
