import { useRef, useState } from 'react';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useOpportunity } from '../api/get-opportunity';
import { AssignForm } from './assign-form';
import { DeclineForm } from './decline-form';
import { NoteForm } from './note-form';
import { OpportunityFacts } from './opportunity-facts';
import { OpportunityTimeline } from './opportunity-timeline';
import { ReferForm } from './refer-form';
import { ReferralOutcomeForm } from './referral-outcome-form';
import { ReopenForm } from './reopen-form';

type OpportunityPanelProps = {
  opportunityId: string;
  departmentName: string;
  /** As the api says the signed-in user may do in this department. */
  canAct: boolean;
  meId: string;
  now: Date;
};

/**
 * The department's work on this conversation: where it stands, the changes the person's role and the status allow,
 * and the timeline. After a change the status heading takes focus and the live region says what happened.
 */
export const OpportunityPanel = ({
  opportunityId,
  departmentName,
  canAct,
  meId,
  now,
}: OpportunityPanelProps) => {
  const opportunity = useOpportunity(opportunityId);
  const [said, setSaid] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const done = (message: string) => {
    setSaid(message);
    heading.current?.focus();
  };

  if (opportunity.isPending) return <Loading label={`Loading ${departmentName}'s work on it`} />;
  if (opportunity.isError) {
    return (
      <ErrorPanel
        title="The department's work on it could not be loaded"
        error={opportunity.error}
        onRetry={() => void opportunity.refetch()}
      />
    );
  }
  const o = opportunity.data;
  return (
    <section className="opportunity-panel" aria-labelledby={`work-${o.id}`}>
      <h3 id={`work-${o.id}`} ref={heading} tabIndex={-1} className="heading-m">
        {departmentName}: where it stands
      </h3>
      <p role="status" aria-live="polite" className="opportunity-panel__said">
        {said}
      </p>
      <OpportunityFacts opportunity={o} now={now} />
      {canAct ? (
        <div className="opportunity-panel__actions">
          <AssignForm opportunity={o} meId={meId} onDone={done} />
          <DeclineForm opportunity={o} onDone={done} />
          <ReferForm opportunity={o} onDone={done} />
          <ReferralOutcomeForm opportunity={o} onDone={done} />
          <ReopenForm opportunity={o} onDone={done} />
          <NoteForm opportunity={o} onDone={done} />
        </div>
      ) : (
        <p className="secondary-text">Your role in {departmentName} lets you read this, not change it.</p>
      )}
      <h4 className="heading-s">What has happened</h4>
      <OpportunityTimeline opportunityId={o.id} now={now} />
    </section>
  );
};
