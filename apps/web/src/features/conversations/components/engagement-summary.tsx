import type { ConversationDetail } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { formatDuration } from '../../../lib/format';

type EngagementSummaryProps = {
  engagement: ConversationDetail['engagement'];
  departmentName: (key: string) => string;
  now: Date;
};

export const EngagementSummary = ({ engagement, departmentName, now }: EngagementSummaryProps) => {
  if (!engagement) {
    return <p>No department has replied in this conversation yet.</p>;
  }
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>First response</dt>
        <dd>
          {departmentName(engagement.department)} replied {formatDuration(engagement.firstResponseSeconds)}{' '}
          after the first public post
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>Replied</dt>
        <dd>
          <DateTime value={engagement.firstResponseAt} now={now} />
        </dd>
      </div>
    </dl>
  );
};
