import { DomainError } from '@parley/domain';
import { DetectError, ParseError, parseFeed, type AnyFeed } from 'feedsmith';
import { atomEntries } from './atom-entries';
import { decodeFeedBody } from './feed-decoding';
import type { FeedEntries } from './feed-entry';
import { jsonFeedEntries, withJsonFeedVersionUrl } from './json-feed-entries';
import { rssEntries } from './rss-entries';

const notAFeed = (reason: string) =>
  new DomainError('parse_failed', `not an RSS, Atom, RDF or JSON feed: ${reason}`);

// The first few characters tell a person what they got instead (an HTML page, an error message, JSON).
const opening = (text: string): string => {
  const trimmed = text.trim().replace(/[\p{Cc}\s]+/gu, ' ');
  return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
};

/**
 * fast-xml-parser runs with entity processing off inside feedsmith, so declared entities are not expanded;
 * refusing documents that declare any keeps it that way should a future version change its defaults.
 */
const rejectEntityDeclarations = (text: string): void => {
  const rootStart = text.search(/<[A-Za-z_]/);
  const prolog = rootStart === -1 ? text : text.slice(0, rootStart);
  if (/<!ENTITY/i.test(prolog))
    throw notAFeed(
      'it declares XML entities (<!ENTITY>), which Parley does not expand; ask the publisher to remove the DOCTYPE',
    );
};

const empty = (): FeedEntries => ({
  header: { title: null, link: null, language: null },
  entries: [],
  problems: ['the feed has no title, link or items that Parley recognises'],
});

// feedsmith throws ParseError for a well-formed feed with nothing in it (an empty <channel>): not a failure.
const parse = (text: string): AnyFeed<string> | null => {
  try {
    return parseFeed<string>(withJsonFeedVersionUrl(text));
  } catch (error) {
    if (error instanceof ParseError) return null;
    if (error instanceof DetectError)
      throw notAFeed(`the content starts "${opening(text)}"; check the source URL points at the feed`);
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    throw notAFeed(`the document is malformed${cause}`);
  }
};

/** Decodes and parses a feed of any supported format into format-independent entries. */
export const readFeedEntries = (body: Buffer | string): FeedEntries => {
  const text = decodeFeedBody(body);
  if (!text.trim()) throw notAFeed('the body is empty');
  rejectEntityDeclarations(text);
  const parsed = parse(text);
  if (!parsed) return empty();
  switch (parsed.format) {
    case 'rss':
    case 'rdf':
      return rssEntries(parsed.feed);
    case 'atom':
      return atomEntries(parsed.feed);
    case 'json':
      return jsonFeedEntries(parsed.feed);
  }
};
