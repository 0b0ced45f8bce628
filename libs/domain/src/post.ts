import type { Platform } from './platforms';

export type Author = {
  name: string | null;
  handle: string | null;
  profileUrl?: string | null;
  followers?: number | null;
};

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
};

export type NormalisedFeed = {
  feed: { title: string | null; link: string | null };
  posts: NormalisedPost[];
  errors: string[];
};
