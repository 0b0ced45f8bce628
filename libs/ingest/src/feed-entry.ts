import { firstUnstorable, storableText } from '@parley/domain';
import { htmlToText } from './sanitise-html';

/**
 * One item as the feed states it, whatever the format: raw strings, nothing resolved, sanitised or
 * defaulted yet. The normaliser turns this into a NormalisedPost; the conformance test reads it directly.
 */
export type FeedEntry = {
  id: string | null;
  link: string | null;
  /** Plain text. */
  title: string | null;
  authorName: string | null;
  /** The date as written; parsing is the normaliser's job. */
  published: string | null;
  /** Unsanitised HTML, when the feed says the content is HTML. */
  contentHtml: string | null;
  /** Plain text, when the feed says the content is text. */
  contentText: string | null;
  language: string | null;
  inReplyTo: string | null;
  commentsFeed?: string | null;
  /** Set when the feed itself says the item is a pingback or trackback. */
  kind?: 'pingback' | 'trackback';
};

export type FeedHeader = { title: string | null; link: string | null; language: string | null };

/** `problems` describe the feed as a whole (item-level ones are added by the normaliser). */
export type FeedEntries = {
  header: FeedHeader;
  entries: FeedEntry[];
  problems: string[];
  /** Set when the document was cut off and only its well-formed part was read. */
  recovered?: string;
};

// Control characters other than tab, newline and carriage return (XML forbids them, yet feeds carry them, often in
// pasted text) and unpaired surrogates: Postgres refuses NUL and the latter, which would fail the whole store.
export const hasControlCharacters = (text: string): boolean => firstUnstorable(text) !== -1;

/** The first value that has non-blank text, trimmed and without control characters. */
export const firstText = (...values: Array<string | null | undefined>): string | null => {
  for (const value of values) {
    const text = value ? storableText(value).trim() : undefined;
    if (text) return text;
  }
  return null;
};

// RSS titles are plain text by the spec but often carry markup in practice; strip it only when present.
export const plainTitle = (title: string | null, isHtml = /<[a-z/!]/i.test(title ?? '')): string | null =>
  title === null ? null : firstText(isHtml ? htmlToText(title) : title.replace(/\s+/g, ' '));
