import { useParams } from 'react-router';
import { BackLink } from '../../components/ui/back-link';
import { CaseView } from '../../features/alerts/components/case-view';
import { useAlertAccess } from '../hooks/use-alert-access';

export const CaseRoute = () => {
  const { id = '' } = useParams();
  const { departmentName, canAct, canReadEvaluation } = useAlertAccess();
  return (
    <>
      <BackLink to="/alerts">All alerts</BackLink>
      <CaseView
        key={id}
        id={id}
        departmentName={departmentName}
        canEdit={canAct}
        canReadEvaluation={canReadEvaluation}
      />
    </>
  );
};
