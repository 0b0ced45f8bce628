import type { ConversationDetail } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { formatCount } from '../../../lib/format';
import { safeExternalUrl } from '../../../lib/safe-url';
import { platformLabel, sourceLabel } from '../utils/labels';

type ConversationSummaryProps = { conversation: ConversationDetail; now: Date };

export const ConversationSummary = ({ conversation, now }: ConversationSummaryProps) => {
  const original = safeExternalUrl(conversation.url);
  return (
    <>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Source</dt>
          <dd>
            {sourceLabel(conversation)} ({platformLabel(conversation.platform)})
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Posts</dt>
          <dd>
            {formatCount(conversation.postCount)} from {formatCount(conversation.participantCount)}{' '}
            {conversation.participantCount === 1 ? 'person' : 'people'}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Started</dt>
          <dd>
            <DateTime value={conversation.startedAt} now={now} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Last activity</dt>
          <dd>
            <DateTime value={conversation.lastActivityAt} now={now} />
          </dd>
        </div>
      </dl>
      {original ? (
        <p>
          <a href={original} className="link" rel="noreferrer">
            Read the original conversation on {new URL(original).hostname}
          </a>
        </p>
      ) : (
        <p className="secondary-text">There is no public link to the original conversation.</p>
      )}
    </>
  );
};
