import type { SourceType } from '@parley/domain';

const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  feed: 'Feed',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  discourse: 'Discourse forum',
  hackernews: 'Hacker News',
  reddit: 'Reddit',
};

export const sourceTypeLabel = (type: SourceType): string => SOURCE_TYPE_LABELS[type] ?? type;
