import { Link } from 'react-router';
import './alerts.css';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { formatCount, formatDateTimeCompact } from '../../../lib/format';
import { platformLabel } from '../../../lib/labels';
import { safeExternalUrl } from '../../../lib/safe-url';
import { useAlert } from '../api/get-alert';
import { useAlertPosts } from '../api/get-alert-posts';
import { alertTitle } from '../utils/alert-words';

const PostList = ({ query }: { query: Record<string, string> }) => {
  const posts = useAlertPosts(query);
  if (posts.isPending) return <Loading label="Loading the posts" />;
  if (posts.isLoadingError)
    return (
      <ErrorPanel
        title="The posts could not be loaded"
        error={posts.error}
        onRetry={() => void posts.refetch()}
      />
    );
  const items = posts.data.pages.flatMap((page) => page.items);
  const total = posts.data.pages[0]?.total ?? 0;
  if (items.length === 0)
    return (
      <EmptyState title="No posts to list">
        <p>The posts behind this alert are no longer held, or none were public.</p>
      </EmptyState>
    );
  return (
    <>
      <p role="status">
        Showing {formatCount(items.length)} of {formatCount(total)} {total === 1 ? 'post' : 'posts'}
      </p>
      <ol className="alert-posts">
        {items.map((post) => {
          const href = safeExternalUrl(post.url);
          return (
            <li key={post.id} className="alert-posts__post">
              <p className="alert-posts__meta">
                {post.author} on {platformLabel(post.platform)}, {formatDateTimeCompact(post.publishedAt)}
              </p>
              <p>{post.excerpt}</p>
              <p>
                {post.conversationId && (
                  <Link className="link" to={`/conversations/${encodeURIComponent(post.conversationId)}`}>
                    Open the conversation in Parley
                    <span className="visually-hidden">: post by {post.author}</span>
                  </Link>
                )}
                {post.conversationId && href && ' · '}
                {href && (
                  <a className="link" href={href} rel="noreferrer noopener" target="_blank">
                    Open the post where it was published
                    <span className="visually-hidden"> by {post.author} (opens in a new tab)</span>
                  </a>
                )}
              </p>
            </li>
          );
        })}
      </ol>
      {posts.isFetchNextPageError && (
        <ErrorPanel title="More posts could not be loaded" error={posts.error} />
      )}
      {posts.hasNextPage && (
        <Button
          variant="secondary"
          onClick={() => void posts.fetchNextPage()}
          disabled={posts.isFetchingNextPage}
        >
          {posts.isFetchingNextPage ? 'Loading more posts…' : 'Show more posts'}
        </Button>
      )}
    </>
  );
};

/** Every post behind an alert, from the metrics drill-down with the query the alert carries. */
export const AlertPosts = ({ id }: { id: string }) => {
  const alert = useAlert(id);
  if (alert.isPending) return <Loading label="Loading the alert" />;
  if (alert.isError)
    return (
      <ErrorPanel
        title="The alert could not be loaded"
        error={alert.error}
        onRetry={() => void alert.refetch()}
      />
    );
  const title = alertTitle(alert.data);
  return (
    <>
      <title>{`Posts behind: ${title} – Parley`}</title>
      <h1 className="heading-l">
        <span className="heading-caption">Posts behind the alert</span>
        {title}
      </h1>
      <PostList query={alert.data.postsQuery} />
    </>
  );
};
