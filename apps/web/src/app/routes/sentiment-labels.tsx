import { useSearchParams } from 'react-router';
import { DepartmentChooser } from '../../components/ui/department-chooser';
import { EmptyState } from '../../components/ui/empty-state';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';
import { LabellingPanel } from '../../features/sentiment/components/labelling-panel';
import { DashboardsNav } from './dashboards-nav';

/** Where policy officials, managers and admins check the sentiment classifier by labelling a sample themselves. */
export const SentimentLabelsRoute = () => {
  const me = useSignedInUser();
  const labellers = me.departments.filter((d) => d.permissions.includes('evaluation.record'));
  const [search, setSearch] = useSearchParams();
  const asked = search.get('department');
  const department = labellers.find((d) => d.key === asked)?.key ?? labellers[0]?.key ?? null;
  const departmentName = departmentNamer(me.departments);
  return (
    <>
      <title>
        {department ? `Check sentiment: ${departmentName(department)} – Parley` : 'Check sentiment – Parley'}
      </title>
      <DashboardsNav />
      <h1 className="heading-l">Check sentiment</h1>
      {department === null ? (
        <EmptyState title="You cannot label posts">
          <p>
            A department’s policy officials, managers and admins label posts to check the sentiment
            classifier.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            Parley reads each public post about {departmentName(department)} as negative, neutral or positive.
            Label a random sample yourself: your label replaces Parley’s for that post, and Parley measures
            how often it agrees with people.
          </p>
          {labellers.length > 1 && (
            <DepartmentChooser
              key={department}
              departments={labellers}
              value={department}
              onApply={(next) => setSearch({ department: next })}
              submitLabel="Label this department’s posts"
            />
          )}
          <LabellingPanel
            key={department}
            department={department}
            departmentName={departmentName(department)}
          />
        </>
      )}
    </>
  );
};
