import type { OwnPostDto, OwnPostsQuery } from '@parley/contracts';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { formatCount, formatDateTimeCompact } from '../../../lib/format';
import { platformLabel } from '../../../lib/labels';
import { safeExternalUrl } from '../../../lib/safe-url';
import { notServed, type DashboardScope } from '../api/dashboard-scope';
import { useOwnPosts } from '../api/get-own-posts';
import { formatMetricValue } from '../utils/metric-text';
import { NotYet } from './not-yet';

type OwnPostsProps = { scope: DashboardScope; order: OwnPostsQuery['order'] };

const TITLES = {
  best: 'The department’s posts that did best',
  worst: 'The department’s posts that did least well',
} as const;

const OwnPost = ({ post }: { post: OwnPostDto }) => {
  const href = safeExternalUrl(post.url);
  const replies = `${formatCount(post.repliesByOthers)} ${post.repliesByOthers === 1 ? 'reply' : 'replies'} by others`;
  return (
    <li className="posts-panel__post">
      <p className="posts-panel__meta">
        {platformLabel(post.platform)}, {formatDateTimeCompact(post.publishedAt)}
      </p>
      <p>{post.excerpt}</p>
      <p>
        <strong>
          {post.rate === null
            ? 'No engagement rate'
            : `Engagement rate ${formatMetricValue(post.rate, 'percent')}`}
        </strong>
        : {formatCount(post.likes)} likes, {formatCount(post.reposts)} reposts, {replies}
        {post.followers !== null && `, ${formatCount(post.followers)} followers`}.
      </p>
      <p>{post.reason}</p>
      {href && (
        <p>
          <a className="link" href={href} rel="noreferrer noopener" target="_blank">
            Open the post<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
      )}
    </li>
  );
};

/** The best or the worst of the department's own posts, each with the plain-words reason the api gives. */
export const OwnPosts = ({ scope, order }: OwnPostsProps) => {
  const posts = useOwnPosts(scope, order);
  const title = TITLES[order];
  if (posts.isPending) return <Loading label="Loading the department’s posts" />;
  if (posts.isError) {
    return notServed(posts.error) ? (
      <NotYet title={title} />
    ) : (
      <ErrorPanel
        title="The department’s posts could not be loaded"
        error={posts.error}
        onRetry={() => void posts.refetch()}
      />
    );
  }
  const { items, ranked, withoutFollowers } = posts.data;
  const left =
    withoutFollowers > 0
      ? ` ${formatCount(withoutFollowers)} ${withoutFollowers === 1 ? 'post is' : 'posts are'} left out because the platform gave no follower count.`
      : '';
  return (
    <section className="chart" aria-labelledby={`own-posts-${order}`}>
      <h3 className="chart__title" id={`own-posts-${order}`}>
        {title}
      </h3>
      {items.length === 0 ? (
        <p className="chart__summary">
          No posts of the department’s own in this period could be ranked.{left}
        </p>
      ) : (
        <>
          <p className="chart__summary">
            {formatCount(items.length)} of {formatCount(ranked)} ranked by engagement rate (likes, reposts and
            replies by others, per follower).{left}
          </p>
          <ol className="posts-panel__list">
            {items.map((post) => (
              <OwnPost key={post.id} post={post} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
};
