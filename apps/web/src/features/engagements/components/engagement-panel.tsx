import { nextStatus } from '@parley/domain';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useEngagements } from '../api/get-engagements';
import { EngagementsDone, RecordEngagementForm } from './record-engagement-form';

type Props = {
  opportunityId: string;
  /** Whether the person may record or publish here (comms, managers, admins); others see what was done. */
  canAct: boolean;
};

/** What the department did on this conversation, and the form to record or publish the reply. */
export const EngagementPanel = ({ opportunityId, canAct }: Props) => {
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
  const { opportunity } = engagements.data;
  // Only while the table allows responding (never while a draft waits for clearance).
  const canRespond = nextStatus(opportunity.status, 'respond') !== null;
  return (
    <>
      <EngagementsDone engagements={engagements.data.engagements} />
      {canAct && canRespond && (
        <RecordEngagementForm
          opportunityId={opportunityId}
          version={opportunity.version}
          accounts={engagements.data.accounts}
        />
      )}
    </>
  );
};
