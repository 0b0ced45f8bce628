import { useEffect, useId, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { platformLabel } from '../../../lib/labels';
import { formatDateTimeCompact } from '../../../lib/format';
import { safeExternalUrl } from '../../../lib/safe-url';
import { useMetricPosts, type PostsFilter } from '../api/get-metric-posts';
import { notServed } from '../api/dashboard-scope';
import { SENTIMENT_NAMES } from '../utils/metric-detail';
import { isApiError } from '../../../lib/api-client';

export type DrillDown = { title: string; filter: PostsFilter };

type PostsPanelProps = DrillDown & { onClose: () => void };

const count = new Intl.NumberFormat('en-GB');

/** The posts behind a bar or point, a page at a time; focus moves to its heading so the change is announced. */
export const PostsPanel = ({ title, filter, onClose }: PostsPanelProps) => {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const posts = useMetricPosts(filter);
  useEffect(() => heading.current?.focus(), [title]);
  const items = posts.data?.pages.flatMap((page) => page.items) ?? [];
  const total = posts.data?.pages[0]?.total ?? 0;
  return (
    <section className="posts-panel" aria-labelledby={headingId}>
      <div className="posts-panel__head">
        <h2 className="heading-m" id={headingId} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <Button variant="secondary" onClick={onClose}>
          Close the posts
        </Button>
      </div>
      {posts.isPending ? (
        <Loading label="Loading the posts" />
      ) : posts.isLoadingError ? (
        notServed(posts.error) ? (
          <p>The posts behind this figure cannot be listed yet.</p>
        ) : isApiError(posts.error) && posts.error.status === 400 ? (
          // An api that does not yet narrow by theme or tone refuses the filter: say so in words, keep the page.
          <p>
            Parley cannot list the posts for this part of the figure yet. The mentions chart lists every post
            of a day.
          </p>
        ) : (
          <ErrorPanel
            title="The posts could not be loaded"
            error={posts.error}
            onRetry={() => void posts.refetch()}
          />
        )
      ) : items.length === 0 ? (
        <p>No public posts in this part of the period.</p>
      ) : (
        <>
          <p role="status">
            Showing {count.format(items.length)} of {count.format(total)} {total === 1 ? 'post' : 'posts'}
          </p>
          <ol className="posts-panel__list">
            {items.map((post) => {
              const href = safeExternalUrl(post.url);
              return (
                <li key={post.id} className="posts-panel__post">
                  <p className="posts-panel__meta">
                    {post.author} on {platformLabel(post.platform)}, {formatDateTimeCompact(post.publishedAt)}
                    {post.sentiment && ` · ${SENTIMENT_NAMES[post.sentiment]}`}
                  </p>
                  <p>{post.excerpt}</p>
                  {href && (
                    <p>
                      <a className="link" href={href} rel="noreferrer noopener" target="_blank">
                        Open the post
                        <span className="visually-hidden"> by {post.author} (opens in a new tab)</span>
                      </a>
                    </p>
                  )}
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
      )}
    </section>
  );
};
