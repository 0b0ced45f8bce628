import { useParams } from 'react-router';
import { BackLink } from '../../components/ui/back-link';
import { AlertView } from '../../features/alerts/components/alert-view';
import { useAlertAccess } from '../hooks/use-alert-access';

export const AlertRoute = () => {
  const { id = '' } = useParams();
  const { me, departmentName, canAct, canListMembers, canMute } = useAlertAccess();
  return (
    <>
      <BackLink to="/alerts">All alerts</BackLink>
      <AlertView
        key={id}
        id={id}
        meId={me.id}
        departmentName={departmentName}
        canAct={canAct}
        canListMembers={canListMembers}
        canMute={canMute}
      />
    </>
  );
};
