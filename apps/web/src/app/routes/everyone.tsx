import { Navigate } from 'react-router';
import { BackLink } from '../../components/ui/back-link';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';
import { EveryonePanel } from '../../features/people/components/everyone-panel';

export const EveryoneRoute = () => {
  const me = useSignedInUser();
  // Only workspace administrators list every account; anyone else manages people department by department.
  if (!me.workspaceAdmin) return <Navigate to="/people" replace />;
  return (
    <>
      <title>Everyone in the workspace – Parley</title>
      <BackLink to="/people">People by department</BackLink>
      <h1 className="heading-l">Everyone in the workspace</h1>
      <p className="lead">
        Every account, with its departments. Add people to a department, or change their role there, from
        People by department.
      </p>
      <EveryonePanel meId={me.id} departmentName={departmentNamer(me.departments)} />
    </>
  );
};
