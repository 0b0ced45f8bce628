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

// Without a guid or link the title and date are all that identify an item across polls.
const contentHash = (entry: FeedEntry): string =>
  `sha256:${createHash('sha256')
    .update(`${entry.title ?? ''}\n${entry.published ?? ''}`)
    .digest('hex')}`;

// WordPress comment feeds carry pingbacks as ordinary items whose text is an excerpt wrapped in "[…]".
const PINGBACK_EXCERPT = /^\[(…|\.\.\.)\]/;

const toPost = (entry: FeedEntry, base: string): NormalisedPost => {
  const url = resolveUrl(entry.link, base);
  const html = entry.contentHtml ? sanitiseHtml(entry.contentHtml) || null : null;
  const text = html ? htmlToText(html) : (entry.contentText ?? '').replace(/\s+/g, ' ').trim();
  return {
    externalId: entry.id ?? url ?? entry.link ?? contentHash(entry),
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

/**
 * Parses an RSS, Atom, RDF or JSON feed into posts ready to store: sanitised HTML, plain text, links made
 * absolute. Items that cannot be identified are skipped and listed in `errors`; an unreadable body throws
 * DomainError('parse_failed').
 */
export const normaliseFeed = (body: Buffer | string, context: FeedContext): NormalisedFeed => {
  const { header, entries, problems } = readFeedEntries(body);
  const feedLink = resolveUrl(header.link, context.sourceUrl);
  const base = feedLink ?? context.sourceUrl;
  const posts: NormalisedPost[] = [];
  const errors = [...problems];
  entries.forEach((entry, index) => {
    if (entry.id || entry.link || entry.title) posts.push(toPost(entry, base));
    else
      errors.push(
        `item ${index + 1} has no id, link or title, so it cannot be told apart from the others; skipped`,
      );
  });
  return { feed: { title: header.title, link: feedLink }, posts, errors };
};
