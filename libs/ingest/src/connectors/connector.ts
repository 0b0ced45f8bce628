import type { NormalisedPost, SourceType } from '@parley/domain';

/** The source types polled over HTTP on a schedule; Bluesky streams instead (see jetstream.client.ts). */
export type PullSourceType = Extract<SourceType, 'mastodon' | 'discourse' | 'hackernews' | 'reddit'>;

/** What the worker keeps per source between polls. `cursor` is opaque outside the connector that wrote it. */
export type SourceState = {
  url: string;
  config: Record<string, unknown>;
  cursor: string | null;
  /**
   * The department's own posts in this source whose public counters are due a fresh reading (a timeline shows a
   * post once, minutes after it went out). A connector that can read a post by id returns them in `counters`.
   */
  recheck?: readonly string[];
};

export type PollContext = {
  /** Hosts, IPs or CIDR ranges the SSRF guard lets through (PARLEY_FETCH_ALLOWLIST). */
  allowlist: string[];
};

/**
 * A NormalisedPost plus the conversation's root when the platform names it. The store threads a reply under
 * its parent; `rootId` lets it file a reply whose parent was never fetched (an unmatched HN comment, say)
 * under the right conversation instead of starting a new one at the missing parent.
 */
export type PulledPost = NormalisedPost & { rootId: string | null };

/** Public engagement as the platform reports it now: absolute values that replace what is stored. */
export type CounterUpdate = {
  externalId: string;
  likes?: number;
  reposts?: number;
  replies?: number;
};

export type PollResult = {
  posts: PulledPost[];
  counters: CounterUpdate[];
  /** The cursor to store once the posts are stored; the incoming cursor when nothing new was seen. */
  cursor: string | null;
  /** Things a person should know that did not stop the poll (an empty timeline, skipped items). */
  notes: string[];
};

export type PullConnector = {
  poll(state: SourceState, ctx: PollContext): Promise<PollResult>;
};
