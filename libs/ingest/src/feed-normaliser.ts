import { createHash } from 'node:crypto';
import {
  limitPost,
  limitsWarning,
  POST_LIMITS,
  type LimitedField,
  type NormalisedFeed,
  type NormalisedPost,
} from '@parley/domain';
import { parseFeedDate } from './feed-date';
import { decodeFeedBody } from './feed-decoding';
import type { FeedEntry } from './feed-entry';
import { readFeedEntries } from './feed-reader';
import { keepFirstItems } from './feed-recovery';
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

// A longer id is no key a database index takes (nor a person reads): it is known by its hash, stable across fetches.
const boundedId = (id: string): string =>
  id.length > POST_LIMITS.urlChars ? `sha256:${createHash('sha256').update(id).digest('hex')}` : id;

const toPost = (entry: FeedEntry, base: string): NormalisedPost => {
  const url = resolveUrl(entry.link, base);
  const html = entry.contentHtml ? sanitiseHtml(entry.contentHtml) || null : null;
  const text = html ? htmlToText(html) : (entry.contentText ?? '').replace(/\s+/g, ' ').trim();
  return {
    externalId: boundedId(entry.id ?? url ?? entry.link ?? contentId(entry, text)),
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

// Markup or text the sanitiser reads only in part (POST_LIMITS.htmlChars) is cut even when its text is short.
const contentCut = (entry: FeedEntry): boolean =>
  (entry.contentHtml?.length ?? 0) > POST_LIMITS.htmlChars ||
  (entry.contentText?.length ?? 0) > POST_LIMITS.textChars;

const MAX_ITEMS = POST_LIMITS.postsPerFetch.toLocaleString('en-GB');
const TOO_MANY_ITEMS = `the feed has more than ${MAX_ITEMS} items; the first ${MAX_ITEMS} were read (Parley's limit per fetch)`;

/**
 * Parses an RSS, Atom, RDF or JSON feed into posts ready to store: sanitised HTML, plain text, links made
 * absolute. Items without an id or link get one derived from their content; empty items are skipped and listed in
 * `errors`; `recovered` says when a cut-off document was read only up to its last whole item. At most
 * POST_LIMITS.postsPerFetch items are read, each within POST_LIMITS, and `truncated` says what was cut. An
 * unreadable body throws DomainError('parse_failed').
 */
export const normaliseFeed = (body: Buffer | string, context: FeedContext): NormalisedFeed => {
  const text = decodeFeedBody(body);
  const firstItems = keepFirstItems(text, POST_LIMITS.postsPerFetch);
  const { header, entries, problems, recovered } = readFeedEntries(firstItems ?? text);
  const feedLink = resolveUrl(header.link, context.sourceUrl);
  const base = feedLink ?? context.sourceUrl;
  const posts: NormalisedPost[] = [];
  const errors = [...problems];
  const cutFields: LimitedField[] = [];
  let cutPosts = 0;
  entries.slice(0, POST_LIMITS.postsPerFetch).forEach((entry, index) => {
    if (isEmpty(entry)) {
      errors.push(`item ${index + 1} has no id, link, title, text, date or author; skipped`);
      return;
    }
    const { post, cut } = limitPost(toPost(entry, base));
    if (contentCut(entry)) cut.push('text');
    if (cut.length > 0) cutPosts += 1;
    cutFields.push(...cut);
    posts.push(post);
  });
  const tooMany = firstItems !== null || entries.length > POST_LIMITS.postsPerFetch;
  const truncated = [tooMany && TOO_MANY_ITEMS, limitsWarning(cutPosts, cutFields)]
    .filter(Boolean)
    .join('; ');
  return {
    feed: { title: header.title, link: feedLink },
    posts,
    errors,
    ...(recovered && { recovered }),
    ...(truncated && { truncated }),
  };
};
