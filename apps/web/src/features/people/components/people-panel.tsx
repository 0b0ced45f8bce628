import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useMembers } from '../api/get-members';
import { usePersonRequests } from '../hooks/use-person-requests';
import { roleName } from '../utils/roles';
import { AddMemberForm } from './add-member-form';
import { MembersTable } from './members-table';
import { RequestFeedback } from './request-feedback';

type PeoplePanelProps = { department: string; departmentName: string; meId: string; workspaceAdmin: boolean };

/** One department's people: the list, what can be done to each, and adding someone. */
export const PeoplePanel = ({ department, departmentName, meId, workspaceAdmin }: PeoplePanelProps) => {
  const members = useMembers(department);
  const requests = usePersonRequests({ key: department, name: departmentName });
  return (
    <>
      <RequestFeedback requests={requests} />
      {members.isPending ? (
        <Loading label={`Loading the people in ${departmentName}`} />
      ) : members.isError ? (
        <ErrorPanel
          title="The people in this department could not be loaded"
          error={members.error}
          onRetry={() => void members.refetch()}
        />
      ) : members.data.length === 0 ? (
        <EmptyState title="Nobody is in this department yet">
          <p>Add someone below: they will see {departmentName}’s inbox with the role you give them.</p>
        </EmptyState>
      ) : (
        <MembersTable
          members={members.data}
          departmentName={departmentName}
          meId={meId}
          workspaceAdmin={workspaceAdmin}
          now={new Date()}
          onRequest={requests.ask}
        />
      )}
      <AddMemberForm
        key={department}
        department={department}
        departmentName={departmentName}
        onAdded={(added) =>
          requests.done({
            message: `${added.member.name} was added to ${departmentName} as ${roleName(added.member.role)}.`,
            password: added.generatedPassword
              ? { label: `Password for ${added.member.name}`, value: added.generatedPassword }
              : undefined,
          })
        }
      />
    </>
  );
};
