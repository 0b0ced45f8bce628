import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useEngagements } from '../api/get-engagements';
import { EngagementsDone, RecordEngagementForm } from './record-engagement-form';

type Props = {
  opportunityId: string;
  version: number;
  /** Whether the person may record or publish here (comms, managers, admins); others see what was done. */
  canAct: boolean;
  draftId?: string;
  onRecorded?: () => void;
};

/** What the department did on this conversation, and the form to record or publish the reply. */
export const EngagementPanel = ({ opportunityId, version, canAct, draftId, onRecorded }: Props) => {
  const engagements = useEngagements(opportunityId);
  if (engagements.isPending) return <Loading label="Loading what was done" />;
  if (engagements.isError)
    return (
      <ErrorPanel
        title="What was done could not be loaded"
        error={engagements.error}
        onRetry={() => void engagements.refetch()}
      />
    );
  return (
    <>
      <EngagementsDone engagements={engagements.data.engagements} />
      {canAct && (
        <RecordEngagementForm
          opportunityId={opportunityId}
          version={version}
          accounts={engagements.data.accounts}
          draftId={draftId}
          onRecorded={onRecorded}
        />
      )}
    </>
  );
};
