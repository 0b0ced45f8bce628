import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useUsers } from '../api/get-users';
import { usePersonRequests } from '../hooks/use-person-requests';
import { RequestFeedback } from './request-feedback';
import { UsersTable } from './users-table';

type EveryonePanelProps = { meId: string; departmentName: (key: string) => string };

/** For workspace administrators: every account, whatever department it is in (or none). */
export const EveryonePanel = ({ meId, departmentName }: EveryonePanelProps) => {
  const users = useUsers();
  const requests = usePersonRequests(null);
  return (
    <>
      <RequestFeedback requests={requests} />
      {users.isPending ? (
        <Loading label="Loading everyone in the workspace" />
      ) : users.isError ? (
        <ErrorPanel
          title="The people in the workspace could not be loaded"
          error={users.error}
          onRetry={() => void users.refetch()}
        />
      ) : (
        <UsersTable
          users={users.data}
          departmentName={departmentName}
          meId={meId}
          now={new Date()}
          onRequest={requests.ask}
        />
      )}
    </>
  );
};
