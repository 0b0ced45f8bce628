import { useState } from 'react';
import type { EngagementRecorded } from '@parley/contracts';
import { nextStatus } from '@parley/domain';
import { NotificationBanner } from '../../../components/ui/notification-banner';
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
  // Kept here: once answered, the form gives way to what was done, and this says it worked.
  const [recorded, setRecorded] = useState<EngagementRecorded | null>(null);
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
      {recorded && (
        <NotificationBanner title="Done" focusKey={recorded.engagement.id}>
          <p>
            {recorded.engagement.publish?.state === 'published'
              ? 'The reply is posted. The conversation is marked as responded.'
              : 'The reply is recorded. The conversation is marked as responded.'}
          </p>
        </NotificationBanner>
      )}
      <EngagementsDone engagements={engagements.data.engagements} />
      {canAct && canRespond && (
        <RecordEngagementForm
          opportunityId={opportunityId}
          version={opportunity.version}
          accounts={engagements.data.accounts}
          onRecorded={setRecorded}
        />
      )}
    </>
  );
};
