import type { PullConnector, PullSourceType } from './connector';
import { discourseConnector } from './discourse.connector';
import { hackerNewsConnector } from './hackernews.connector';
import { mastodonConnector } from './mastodon.connector';
import { redditConnector } from './reddit.connector';

export type {
  CounterUpdate,
  PollContext,
  PollResult,
  PulledPost,
  PullConnector,
  PullSourceType,
  SourceState,
} from './connector';
export { discourseConnector, discourseListUrl } from './discourse.connector';
export { hackerNewsConnector, hackerNewsSearchUrl } from './hackernews.connector';
export { mastodonConnector } from './mastodon.connector';
export { parseMastodonSource, type MastodonTimeline } from './mastodon-source';
export { createRedditConnector, redditConnector, redditListingUrl } from './reddit.connector';
export { REDDIT_TOKEN_URL } from './reddit-token';
export { parseJetstreamEvent, type JetstreamCommit, type JetstreamEvent } from './jetstream-event';
export {
  JETSTREAM_COLLECTIONS,
  atUri,
  normaliseJetstreamEvent,
  normaliseJetstreamEvents,
  type CounterIncrement,
  type JetstreamChanges,
  type JetstreamItem,
} from './jetstream.normaliser';
export {
  jetstreamUrl,
  subscribeJetstream,
  type JetstreamBatch,
  type JetstreamGap,
  type JetstreamOptions,
  type JetstreamSubscription,
} from './jetstream.client';

/** The connector for a polled source type; a new type without a connector fails to compile. */
export const pullConnectorFor = (type: PullSourceType): PullConnector => {
  switch (type) {
    case 'mastodon':
      return mastodonConnector;
    case 'discourse':
      return discourseConnector;
    case 'hackernews':
      return hackerNewsConnector;
    case 'reddit':
      return redditConnector;
    default:
      return unreachable(type);
  }
};

const unreachable = (type: never): never => {
  throw new Error(`no pull connector for source type ${String(type)}`);
};

/** Whether a source type is polled (rather than streamed, like Bluesky, or read as a feed). */
export const isPullSourceType = (type: string): type is PullSourceType =>
  type === 'mastodon' || type === 'discourse' || type === 'hackernews' || type === 'reddit';
