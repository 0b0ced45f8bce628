import { Link } from 'react-router';
import type { ClearanceItem } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { formatDuration } from '../../../lib/format';
import { useClearanceQueue } from '../api/get-clearance-queue';
import { useDraft } from '../api/get-draft';
import { rolesInWords } from '../utils/finding-labels';
import { ClearanceStatus } from './clearance-status';
import { FindingsList } from './findings-list';
import { HighlightedDraft } from './highlighted-draft';
import { ReviewForm } from './review-form';
import './drafts.css';

type ClearanceQueueProps = { department: string; departmentName: string };

/** Drafts waiting for the reader's review, oldest first, each with its text and the review form. */
export const ClearanceQueue = ({ department, departmentName }: ClearanceQueueProps) => {
  const queue = useClearanceQueue(department);
  if (queue.isPending) return <Loading label="Loading the drafts waiting for clearance" />;
  if (queue.isError) {
    return (
      <ErrorPanel
        title="The drafts waiting for clearance could not be loaded"
        error={queue.error}
        onRetry={() => void queue.refetch()}
      />
    );
  }
  if (queue.data.length === 0) {
    return (
      <EmptyState title="Nothing waiting for you">
        <p>No draft in {departmentName} is waiting for your review.</p>
      </EmptyState>
    );
  }
  return (
    <ol className="clearance-queue">
      {queue.data.map((item) => (
        <QueueItem key={item.opportunityId} item={item} />
      ))}
    </ol>
  );
};

const QueueItem = ({ item }: { item: ClearanceItem }) => (
  <li className="clearance-queue__item">
    <h2 className="heading-m">
      <Link className="link" to={`/conversations/${encodeURIComponent(item.conversationId)}`}>
        {item.title || 'Untitled conversation'}
      </Link>
    </h2>
    <p>
      Version {item.version} by {item.author?.name ?? 'someone no longer in Parley'}, submitted{' '}
      <DateTime value={item.submittedAt} />. Waiting {formatDuration(item.waitingSeconds)} for{' '}
      {rolesInWords(item.missing)}.
    </p>
    <details className="details">
      <summary className="details__summary">
        Read and review<span className="visually-hidden"> “{item.title || 'Untitled conversation'}”</span>
      </summary>
      <QueueReview opportunityId={item.opportunityId} />
    </details>
  </li>
);

const QueueReview = ({ opportunityId }: { opportunityId: string }) => {
  const draft = useDraft(opportunityId);
  if (draft.isPending) return <Loading label="Loading the draft" />;
  if (draft.isError) return <ErrorPanel title="The draft could not be loaded" error={draft.error} />;
  const latest = draft.data.latest;
  return (
    <>
      <ClearanceStatus draft={draft.data} />
      {latest && (
        <>
          <HighlightedDraft
            id={`queue-${opportunityId}-text`}
            text={latest.text}
            findings={latest.findings}
          />
          {latest.findings.length > 0 && (
            <FindingsList findings={latest.findings} overrides={latest.overrides} />
          )}
        </>
      )}
      <ReviewForm draft={draft.data} idPrefix={`queue-${opportunityId}`} />
    </>
  );
};
