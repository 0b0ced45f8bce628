import { Navigate, useParams } from 'react-router';
import { useSignedInUser } from '../../features/auth/api/get-me';
import {
  EvaluationRecordsPage,
  NoEvaluationAccess,
} from '../../features/evaluation/components/evaluation-records-page';
import { DashboardsNav } from './dashboards-nav';

/**
 * /evaluation-records opens the first department the person reads evaluation for; /evaluation-records/:department
 * that one.
 */
export const EvaluationRecordsRoute = () => {
  const me = useSignedInUser();
  const { department } = useParams();
  const readable = me.departments.filter((d) => d.permissions.includes('evaluation.read'));
  if (!department && readable[0])
    return <Navigate to={`/evaluation-records/${encodeURIComponent(readable[0].key)}`} replace />;
  const current = readable.find((d) => d.key === department);
  return (
    <>
      <title>Evaluation records – Parley</title>
      <DashboardsNav />
      <h1 className="heading-l">Evaluation records{current ? `: ${current.name}` : ''}</h1>
      {department && (current || me.workspaceAdmin) ? (
        <EvaluationRecordsPage department={department} />
      ) : (
        <NoEvaluationAccess />
      )}
    </>
  );
};
