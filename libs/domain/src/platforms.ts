export const SOURCE_TYPES = ['feed', 'mastodon', 'bluesky', 'discourse', 'hackernews', 'reddit'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const PLATFORMS = ['web', 'mastodon', 'bluesky', 'discourse', 'hackernews', 'reddit'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Feeds and blogs are the open web; every other source type posts on its own service. */
export const platformOfSourceType = (type: SourceType): Platform => (type === 'feed' ? 'web' : type);
