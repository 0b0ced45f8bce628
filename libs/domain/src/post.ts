import type { Platform } from './platforms';

export type Author = {
  name: string | null;
  handle: string | null;
  profileUrl?: string | null;
  followers?: number | null;
};

export const POST_KINDS = ['post', 'comment', 'pingback', 'trackback'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** What every connector produces: one public post, already sanitised, ready to store. */
export type NormalisedPost = {
  externalId: string;
  url: string | null;
  title: string | null;
  author: Author;
  publishedAt: Date | null;
  text: string;
  html: string | null;
  inReplyTo: string | null;
  language: string | null;
  platform: Platform;
  /** Pingbacks and trackbacks are kept but marked, so they are not mistaken for people talking. */
  kind?: PostKind;
  /** A blog post's own comment feed (wfw:commentRss, or Atom's rel="replies" link). */
  commentsFeedUrl?: string | null;
  /** The thread's root when the platform names it, for replies whose parent was never fetched. */
  rootId?: string | null;
};

export type NormalisedFeed = {
  feed: { title: string | null; link: string | null };
  posts: NormalisedPost[];
  errors: string[];
  /** Set when the document was cut off and only its well-formed part was read; worth showing on the source. */
  recovered?: string;
  /** Set when posts or fields were cut to POST_LIMITS; worth showing on the source. */
  truncated?: string;
};
