import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConversationItem } from '@parley/contracts';
import { isProactiveRoute } from '@parley/domain';
import { DateTime } from '../../../components/ui/date-time';
import { matchTermsOf, NO_TERMS } from '../utils/highlight';
import { platformLabel, sourceLabel } from '../utils/labels';
import { tagFor } from '../utils/tags';
import { HighlightedText } from './highlighted-text';
import { RouteBadge } from './route-badge';
import { ScoreMeter } from './score-meter';
import { SuggestedResources } from './suggested-resources';
import { TagReasons } from './tag-reasons';
import { WorkStatus } from './work-status';

type ConversationCardProps = {
  item: ConversationItem;
  department: string | null;
  now: Date;
  myId: string;
  /** The card the keyboard shortcuts act on. */
  current?: boolean;
  /** A checkbox to choose the card for a bulk action, when the person may act on it. */
  selection?: { selected: boolean; onChange: (selected: boolean) => void };
  /** Shown under a proactive suggested route (public information) while an election period is in force. */
  proactiveMark?: ReactNode;
};

export const ConversationCard = ({
  item,
  department,
  now,
  myId,
  current = false,
  selection,
  proactiveMark,
}: ConversationCardProps) => {
  const { t } = useTranslation();
  const tag = tagFor(item, department);
  const titleId = `conversation-${item.id}-title`;
  const terms = tag ? matchTermsOf(tag.signals) : NO_TERMS;
  return (
    <article
      className={`conversation${current ? ' conversation--current' : ''}`}
      aria-labelledby={titleId}
      aria-current={current ? 'true' : undefined}
    >
      <div className="conversation__main">
        {selection && (
          <div className="conversation__select checkbox">
            <input
              id={`select-${item.id}`}
              type="checkbox"
              className="checkbox__input"
              checked={selection.selected}
              onChange={(e) => selection.onChange(e.target.checked)}
              aria-labelledby={`select-${item.id}-label ${titleId}`}
            />
            <label id={`select-${item.id}-label`} className="checkbox__label" htmlFor={`select-${item.id}`}>
              {t('card.select')}
            </label>
          </div>
        )}
        <h2 id={titleId} className="conversation__title">
          <Link to={`/conversations/${encodeURIComponent(item.id)}`} className="link">
            {item.title ? (
              <HighlightedText text={item.title} terms={terms} />
            ) : (
              t('common.untitledConversation')
            )}
          </Link>
        </h2>
        <p className="conversation__meta">
          <span>
            <span className="visually-hidden">{t('card.source')}</span>
            {sourceLabel(item)}
          </span>
          <span>{platformLabel(item.platform)}</span>
          <span>{t('card.posts', { count: item.postCount })}</span>
          <span>{t('card.people', { count: item.participantCount })}</span>
        </p>
        {item.engagement && (
          <p className="conversation__engaged">
            <span className="conversation__engaged-icon" aria-hidden="true">
              ✓
            </span>
            {t('card.replied')}
          </p>
        )}
        <p className="conversation__activity">
          {t('card.lastActivity')} <DateTime value={item.lastActivityAt} now={now} />
        </p>
        {tag && <WorkStatus tag={tag} myId={myId} now={now} />}
        {tag && <TagReasons tag={tag} />}
        {tag && <SuggestedResources resources={tag.resources} />}
      </div>
      {tag && (
        <dl className="conversation__aside">
          <dt>{t('card.score')}</dt>
          <dd>
            <ScoreMeter score={tag.score} />
          </dd>
          <dt>{t('card.suggestedRoute')}</dt>
          <dd>
            <RouteBadge route={tag.route} reason={tag.routeReason} />
            {isProactiveRoute(tag.route) && proactiveMark}
          </dd>
        </dl>
      )}
    </article>
  );
};
