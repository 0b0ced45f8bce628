import type { Opportunity } from '@parley/contracts';
import { DECLINE_REASON_LABELS, STATUS_LABELS } from '@parley/domain';
import { DateTime } from '../../../components/ui/date-time';
import { Tag, type TagTone } from '../../../components/ui/tag';

const SLA_WORDS = { ok: 'On time', 'due-soon': 'Due soon', overdue: 'Overdue' } as const;
const SLA_TONES: Record<keyof typeof SLA_WORDS, TagTone> = {
  ok: 'green',
  'due-soon': 'orange',
  overdue: 'red',
};

/** Where the work stands: status, who has it, when the first response is due, and where it came from. */
export const OpportunityFacts = ({ opportunity, now }: { opportunity: Opportunity; now: Date }) => (
  <dl className="summary-list">
    <div className="summary-list__row">
      <dt>Status</dt>
      <dd>
        <Tag tone="blue">{STATUS_LABELS[opportunity.status]}</Tag>
      </dd>
    </div>
    <div className="summary-list__row">
      <dt>Assigned to</dt>
      <dd>{opportunity.assignee?.name ?? 'Nobody yet'}</dd>
    </div>
    <div className="summary-list__row">
      <dt>First response</dt>
      <dd>
        {opportunity.sla && <Tag tone={SLA_TONES[opportunity.sla]}>{SLA_WORDS[opportunity.sla]}</Tag>}{' '}
        {opportunity.dueAt ? (
          <>
            due <DateTime value={opportunity.dueAt} now={now} />
          </>
        ) : (
          <span className="secondary-text">No deadline set for this department</span>
        )}
      </dd>
    </div>
    {opportunity.decline && (
      <div className="summary-list__row">
        <dt>Declined because</dt>
        <dd>
          {DECLINE_REASON_LABELS[opportunity.decline.reason]}
          {opportunity.decline.note && <>: {opportunity.decline.note}</>}
        </dd>
      </div>
    )}
    {opportunity.referredFrom && (
      <div className="summary-list__row">
        <dt>Referred by</dt>
        <dd>{opportunity.referredFrom.departmentName}</dd>
      </div>
    )}
  </dl>
);
