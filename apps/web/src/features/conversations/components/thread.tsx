import { useTranslation } from 'react-i18next';
import type { ThreadPost } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { safeExternalUrl } from '../../../lib/safe-url';
import { NO_TERMS, type MatchTerms } from '../utils/highlight';
import { authorName, buildThread, type ThreadNode } from '../utils/thread';
import { HighlightedText } from './highlighted-text';

type ThreadProps = {
  posts: ThreadPost[];
  departmentName: (key: string) => string;
  now: Date;
  /** Words the tagging rules matched, marked in each post. */
  terms?: MatchTerms;
};

export const Thread = ({ posts, departmentName, now, terms = NO_TERMS }: ThreadProps) => {
  const { t } = useTranslation();
  if (posts.length === 0) return <p>{t('conversation.noPosts')}</p>;
  return (
    <ThreadList
      nodes={buildThread(posts)}
      departmentName={departmentName}
      now={now}
      depth={0}
      terms={terms}
    />
  );
};

type ThreadListProps = {
  nodes: ThreadNode[];
  departmentName: (key: string) => string;
  now: Date;
  depth: number;
  terms: MatchTerms;
};

// Nested lists give screen readers the reply structure ("list, level 2") that indentation gives sighted readers.
const ThreadList = ({ nodes, departmentName, now, depth, terms }: ThreadListProps) => (
  <ol className={`thread${depth > 0 ? ' thread--replies' : ''}${depth >= 4 ? ' thread--flat' : ''}`}>
    {nodes.map((node) => (
      <li key={node.post.id} className="thread__item">
        <PostCard node={node} departmentName={departmentName} now={now} terms={terms} />
        {node.replies.length > 0 && (
          <ThreadList
            nodes={node.replies}
            departmentName={departmentName}
            now={now}
            depth={depth + 1}
            terms={terms}
          />
        )}
      </li>
    ))}
  </ol>
);

type PostCardProps = {
  node: ThreadNode;
  departmentName: (key: string) => string;
  now: Date;
  terms: MatchTerms;
};

const PostCard = ({ node: { post, parent }, departmentName, now, terms }: PostCardProps) => {
  const { t } = useTranslation();
  const link = safeExternalUrl(post.url);
  return (
    <article className={`post${post.byDepartment ? ' post--department' : ''}`}>
      <header className="post__header">
        {post.byDepartment && (
          <p className="post__department">
            {t('conversation.postedBy', { department: departmentName(post.byDepartment) })}
          </p>
        )}
        <p className="post__author">
          <strong>{authorName(post.author)}</strong>
          {post.author.handle && post.author.name && post.author.handle !== post.author.name && (
            <span className="secondary-text"> {post.author.handle}</span>
          )}
        </p>
        <p className="post__time">
          <DateTime value={post.publishedAt} now={now} fallback={t('common.timeNotKnown')} />
        </p>
        {parent && (
          <p className="post__reply-to">{t('conversation.replyTo', { author: authorName(parent.author) })}</p>
        )}
      </header>
      {post.withheld ? (
        <p className="post__text withheld-post">
          This post is hidden until you say why you need to keep reading this person’s posts (at the top of
          the page).
        </p>
      ) : (
        /* Plain text from the api, rendered as text: React escapes it, so nothing in a post can run as HTML. */
        <p className="post__text">
          <HighlightedText text={post.text} terms={terms} />
        </p>
      )}
      {link && (
        <p className="post__link">
          <a href={link} className="link" rel="noreferrer">
            {t('conversation.viewPost')}
            <span className="visually-hidden">
              {t('conversation.viewPostBy', { author: authorName(post.author) })}
            </span>
            {t('conversation.viewPostSite')}
          </a>
        </p>
      )}
    </article>
  );
};
