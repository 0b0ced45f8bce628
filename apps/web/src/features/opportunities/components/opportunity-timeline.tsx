import type { OpportunityEvent } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useOpportunityHistory } from '../api/get-opportunity-history';

/** The free text an event carries (a note, a decline or referral note, an outcome), to show under its summary. */
const textOf = (event: OpportunityEvent): string | null => {
  const { detail } = event;
  for (const key of ['text', 'note', 'outcome']) {
    if (typeof detail[key] === 'string' && detail[key]) return detail[key];
  }
  return null;
};

/** Everything that happened to it, oldest first, with who did it. */
export const OpportunityTimeline = ({ opportunityId, now }: { opportunityId: string; now: Date }) => {
  const history = useOpportunityHistory(opportunityId);
  if (history.isPending) return <Loading label="Loading what has happened" />;
  if (history.isError) {
    return (
      <ErrorPanel
        title="What has happened could not be loaded"
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  }
  if (history.data.items.length === 0) return <p className="secondary-text">Nothing has happened yet.</p>;
  return (
    <ol className="opportunity-timeline">
      {history.data.items.map((event) => {
        const text = textOf(event);
        return (
          <li key={event.id} className="opportunity-timeline__item">
            <p>
              <strong>{event.actor?.name ?? 'Parley'}</strong>: {event.summary}
              {event.people.length > 0 && event.kind === 'note' && (
                <> (mentions {event.people.map((p) => p.name).join(', ')})</>
              )}
            </p>
            {text && <p className="opportunity-timeline__text">{text}</p>}
            <p className="secondary-text">
              <DateTime value={event.at} now={now} />
            </p>
          </li>
        );
      })}
    </ol>
  );
};
