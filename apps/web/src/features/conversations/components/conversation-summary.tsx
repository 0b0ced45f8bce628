import { useTranslation } from 'react-i18next';
import type { ConversationDetail } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { formatCount } from '../../../lib/format';
import { safeExternalUrl } from '../../../lib/safe-url';
import { platformLabel, sourceLabel } from '../utils/labels';

type ConversationSummaryProps = { conversation: ConversationDetail; now: Date };

export const ConversationSummary = ({ conversation, now }: ConversationSummaryProps) => {
  const { t } = useTranslation();
  const original = safeExternalUrl(conversation.url);
  return (
    <>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('conversation.source')}</dt>
          <dd>
            {sourceLabel(conversation)} ({platformLabel(conversation.platform)})
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('conversation.posts')}</dt>
          <dd>
            {t('conversation.postsFrom', {
              posts: formatCount(conversation.postCount),
              count: conversation.participantCount,
            })}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('conversation.started')}</dt>
          <dd>
            <DateTime value={conversation.startedAt} now={now} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('conversation.lastActivity')}</dt>
          <dd>
            <DateTime value={conversation.lastActivityAt} now={now} />
          </dd>
        </div>
      </dl>
      {original ? (
        <p>
          <a href={original} className="link" rel="noreferrer">
            {t('conversation.readOriginal', { host: new URL(original).hostname })}
          </a>
        </p>
      ) : (
        <p className="secondary-text">{t('conversation.noOriginal')}</p>
      )}
    </>
  );
};
