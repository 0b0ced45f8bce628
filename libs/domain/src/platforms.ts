export const SOURCE_TYPES = ['feed', 'mastodon', 'bluesky', 'discourse', 'hackernews', 'reddit'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const PLATFORMS = ['web', 'mastodon', 'bluesky', 'discourse', 'hackernews', 'reddit'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Feeds and blogs are the open web; every other source type posts on its own service. */
export const platformOfSourceType = (type: SourceType): Platform => (type === 'feed' ? 'web' : type);

const SOURCE_TYPE_NAMES: Record<SourceType, string> = {
  feed: 'Web feed or blog',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  discourse: 'Discourse forum',
  hackernews: 'Hacker News',
  reddit: 'Reddit',
};

/** A source type as people read it in a report. */
export const sourceTypeName = (type: string): string =>
  (SOURCE_TYPE_NAMES as Record<string, string>)[type] ?? type;
