import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type { SourceForFetch } from '@parley/db';
import { POST_LIMITS, type NormalisedFeed, type NormalisedPost } from '@parley/domain';
import { FeedParsePool, fetchUrl, readSample } from '@parley/ingest';

export type FeedFetch = {
  posts: NormalisedPost[];
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
  notes: string[];
  /** Why the feed was read only in part or cut; null when read whole, undefined when not fetched (304). */
  warning?: string | null;
};

/** What a person should know about a feed that was read: repaired, cut to the limits (its own or its comments'). */
const warningOf = (feed: NormalisedFeed, comments: string[] = []): string | null =>
  [feed.recovered, feed.truncated, ...comments].filter(Boolean).join('; ') || null;

const MAX_POSTS = POST_LIMITS.postsPerFetch.toLocaleString('en-GB');

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5';
// Comment feeds are followed for the newest posts only, so a large blog costs a bounded number of requests a poll.
const COMMENT_FEEDS_PER_POLL = 10;

/** Fetches a feed (or a bundled sample) and the comment feeds of its newest posts, filed under their posts. */
@Injectable()
export class FeedFetcherService {
  private readonly logger = new Logger(FeedFetcherService.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly parser: FeedParsePool,
  ) {}

  async fetch(source: SourceForFetch): Promise<FeedFetch> {
    if (source.url.startsWith('sample:')) {
      const feed = await this.parser.parse(await readSample(source.url, this.config.sampleDir), {
        sourceUrl: source.url,
      });
      return {
        posts: feed.posts,
        notModified: false,
        etag: null,
        lastModified: null,
        notes: feed.errors,
        warning: warningOf(feed),
      };
    }
    const headers: Record<string, string> = { accept: ACCEPT };
    if (source.etag) headers['if-none-match'] = source.etag;
    if (source.lastModified) headers['if-modified-since'] = source.lastModified;
    const response = await fetchUrl(source.url, { allowlist: this.config.fetchAllowlist, headers });
    const validators = {
      etag: response.headers['etag'] ?? null,
      lastModified: response.headers['last-modified'] ?? null,
    };
    if (response.notModified) return { posts: [], notModified: true, notes: [], ...validators };
    const feed = await this.parser.parse(response.body, { sourceUrl: response.url });
    const comments = await this.comments(feed.posts);
    const posts = [...feed.posts, ...comments.posts];
    // Comments count towards the limit per fetch too; the feed's own posts come first.
    const tooMany =
      posts.length > POST_LIMITS.postsPerFetch &&
      `the feed and its comments have more than ${MAX_POSTS} posts; the first ${MAX_POSTS} were read (Parley's limit per fetch)`;
    return {
      posts: posts.slice(0, POST_LIMITS.postsPerFetch),
      notModified: false,
      notes: [...feed.errors, ...unreadComments(comments.failures)],
      warning: warningOf(feed, [...comments.warnings, ...(tooMany ? [tooMany] : [])]),
      ...validators,
    };
  }

  private async comments(
    posts: NormalisedPost[],
  ): Promise<{ posts: NormalisedPost[]; failures: string[]; warnings: string[] }> {
    const parents = posts
      .filter((p) => p.commentsFeedUrl)
      .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
      .slice(0, COMMENT_FEEDS_PER_POLL);
    const found: NormalisedPost[] = [];
    const failures: string[] = [];
    const warnings: string[] = [];
    // One request at a time: comment feeds live on the same host as the blog.
    for (const parent of parents) {
      try {
        const response = await fetchUrl(parent.commentsFeedUrl as string, {
          allowlist: this.config.fetchAllowlist,
          headers: { accept: ACCEPT },
        });
        const feed = await this.parser.parse(response.body, { sourceUrl: response.url });
        found.push(...feed.posts.map((c) => asComment(c, parent)));
        if (feed.truncated)
          warnings.push(`comments of ${parent.url ?? parent.externalId}: ${feed.truncated}`);
      } catch (error) {
        failures.push(`${parent.url ?? parent.externalId} (${(error as Error).message})`);
        this.logger.warn({
          message: 'comment feed failed',
          post: parent.externalId,
          error: (error as Error).message,
        });
      }
    }
    return { posts: found, failures, warnings };
  }
}

/** One note on the source for every comment feed that failed: the post still stored, its comments not. */
const unreadComments = (failures: string[]): string[] =>
  failures.length === 0
    ? []
    : [
        `comments of ${failures.length === 1 ? '1 post' : `${failures.length} posts`} could not be read: ${failures.join('; ')}`,
      ];

/** A comment joins its post's thread; Atom threading (thr:in-reply-to) keeps replies to other comments. */
const asComment = (comment: NormalisedPost, parent: NormalisedPost): NormalisedPost => ({
  ...comment,
  inReplyTo: comment.inReplyTo ?? parent.externalId,
  kind: comment.kind === 'post' || !comment.kind ? 'comment' : comment.kind,
  commentsFeedUrl: null,
});
