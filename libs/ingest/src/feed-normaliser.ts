import { createHash } from 'node:crypto';
import type { NormalisedFeed, NormalisedPost } from '@parley/domain';
import { parseFeedDate } from './feed-date';
import type { FeedEntry } from './feed-entry';
import { readFeedEntries } from './feed-reader';
import { htmlToText, sanitiseHtml } from './sanitise-html';

export type FeedContext = { sourceUrl: string };

/** Resolves a link against a base; only http(s) URLs survive, so a feed cannot plant javascript: links. */
const resolveUrl = (link: string | null, base: string): string | null => {
  if (!link) return null;
  const url = URL.parse(link, base) ?? URL.parse(link);
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
};

/**
 * Without a guid or link an item is known by what it says, so a re-fetch of the same feed finds the same id and
 * stores nothing twice: the SHA-256 of its title and its date as written (the id earlier versions gave titled
 * items, so posts they stored keep their ids), or, for an untitled item, of its plain text, author and date.
 */
const contentId = (entry: FeedEntry, text: string): string => {
  const key =
    entry.title !== null
      ? `${entry.title}\n${entry.published ?? ''}`
      : `\n${text}\n${entry.authorName ?? ''}\n${entry.published ?? ''}`;
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
};

// WordPress comment feeds carry pingbacks as ordinary items whose text is an excerpt wrapped in "[…]".
const PINGBACK_EXCERPT = /^\[(…|\.\.\.)\]/;

const toPost = (entry: FeedEntry, base: string): NormalisedPost => {
  const url = resolveUrl(entry.link, base);
  const html = entry.contentHtml ? sanitiseHtml(entry.contentHtml) || null : null;
  const text = html ? htmlToText(html) : (entry.contentText ?? '').replace(/\s+/g, ' ').trim();
  return {
    externalId: entry.id ?? url ?? entry.link ?? contentId(entry, text),
    url,
    title: entry.title,
    author: { name: entry.authorName, handle: entry.authorName },
    publishedAt: parseFeedDate(entry.published),
    html,
    text,
    inReplyTo: entry.inReplyTo,
    language: entry.language,
    platform: 'web',
    kind: entry.kind ?? (PINGBACK_EXCERPT.test(text) ? 'pingback' : 'post'),
    commentsFeedUrl: resolveUrl(entry.commentsFeed ?? null, base),
  };
};

// An item with none of these carries nothing a post could show or be tagged by.
const isEmpty = (entry: FeedEntry): boolean =>
  [
    entry.id,
    entry.link,
    entry.title,
    entry.contentHtml,
    entry.contentText,
    entry.published,
    entry.authorName,
  ].every((value) => value === null);

/**
 * Parses an RSS, Atom, RDF or JSON feed into posts ready to store: sanitised HTML, plain text, links made
 * absolute. Items without an id or link get one derived from their content; empty items are skipped and listed in
 * `errors`; `recovered` says when a cut-off document was read only up to its last whole item. An unreadable body
 * throws DomainError('parse_failed').
 */
export const normaliseFeed = (body: Buffer | string, context: FeedContext): NormalisedFeed => {
  const { header, entries, problems, recovered } = readFeedEntries(body);
  const feedLink = resolveUrl(header.link, context.sourceUrl);
  const base = feedLink ?? context.sourceUrl;
  const posts: NormalisedPost[] = [];
  const errors = [...problems];
  entries.forEach((entry, index) => {
    if (!isEmpty(entry)) posts.push(toPost(entry, base));
    else errors.push(`item ${index + 1} has no id, link, title, text, date or author; skipped`);
  });
  return { feed: { title: header.title, link: feedLink }, posts, errors, ...(recovered && { recovered }) };
};
