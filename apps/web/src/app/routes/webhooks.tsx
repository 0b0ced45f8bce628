import { DepartmentChooser } from '../../components/ui/department-chooser';
import { EmptyState } from '../../components/ui/empty-state';
import { useManagedDepartment } from '../hooks/use-managed-department';
import { WebhooksPanel } from '../../features/webhooks/components/webhooks-panel';

/** A department's webhooks, for the same people who manage its members. */
export const WebhooksRoute = () => {
  const { managed, department, departmentName, choose } = useManagedDepartment();
  return (
    <>
      <title>{department ? `Webhooks: ${departmentName(department)} – Parley` : 'Webhooks – Parley'}</title>
      <h1 className="heading-l">Webhooks</h1>
      {department === null ? (
        <EmptyState title="You do not manage any department">
          <p>Department admins and workspace administrators choose where a department’s news is posted.</p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            Where Parley posts {departmentName(department)}’s news: a Slack or Teams channel, or a service of
            your own.
          </p>
          {managed.length > 1 && (
            <DepartmentChooser
              key={department}
              departments={managed}
              value={department}
              onApply={choose}
              submitLabel="Show webhooks"
            />
          )}
          <WebhooksPanel
            key={department}
            department={department}
            departmentName={departmentName(department)}
          />
        </>
      )}
    </>
  );
};
