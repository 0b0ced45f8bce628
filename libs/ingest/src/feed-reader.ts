import { DomainError } from '@parley/domain';
import { DetectError, MalformedError, ParseError, parseFeed, type AnyFeed } from 'feedsmith';
import { atomEntries } from './atom-entries';
import { decodeFeedBody } from './feed-decoding';
import { rewriteQuirks } from './feed-quirks';
import { closeCutOffDocument, repairMismatchedTags, type TagRepair } from './feed-recovery';
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
const parseOnce = (text: string): AnyFeed<string> | null => {
  try {
    return parseFeed<string>(withJsonFeedVersionUrl(text));
  } catch (error) {
    if (error instanceof ParseError) return null;
    throw error;
  }
};

const asFeedError = (error: unknown, text: string): DomainError => {
  if (error instanceof DetectError)
    return notAFeed(`the content starts "${opening(text)}"; check the source URL points at the feed`);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return notAFeed(`the document is malformed${cause}`);
};

/** Parses, and when the XML is malformed only by mismatched closing tags, parses it with them repaired. */
const parse = (text: string): { feed: AnyFeed<string> | null; repair: TagRepair | null } => {
  try {
    return { feed: parseOnce(text), repair: null };
  } catch (error) {
    const repair = error instanceof MalformedError ? repairMismatchedTags(text) : null;
    if (repair) {
      try {
        return { feed: parseOnce(repair.text), repair };
      } catch {
        // Still malformed for some other reason: the original error names it.
      }
    }
    throw asFeedError(error, text);
  }
};

const repairMessage = ({ repaired, first }: TagRepair): string =>
  repaired === 1
    ? `a closing tag did not match its element (${first}); it was read as closing that element`
    : `${repaired} closing tags did not match their elements (the first: ${first}); each was read as closing the element open there`;

const cutOffMessage = (items: number): string =>
  items === 0
    ? 'the document was cut off before its first item; only the feed header was read'
    : `the document was cut off after item ${items}; the well-formed part was read`;

const entriesOf = (parsed: AnyFeed<string>): FeedEntries => {
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

/**
 * Decodes and parses a feed of any supported format into format-independent entries. A document cut off before
 * its end is read up to its last whole item, mismatched closing tags are read as closing the open element, and
 * `recovered` says what was done.
 */
export const readFeedEntries = (body: Buffer | string): FeedEntries => {
  const text = decodeFeedBody(body);
  if (!text.trim()) throw notAFeed('the body is empty');
  rejectEntityDeclarations(text);
  const closed = closeCutOffDocument(text);
  const { feed, repair } = parse(rewriteQuirks(closed ?? text));
  const entries = feed ? entriesOf(feed) : empty();
  const recovered = [closed && cutOffMessage(entries.entries.length), repair && repairMessage(repair)]
    .filter(Boolean)
    .join('; ');
  return recovered ? { ...entries, recovered } : entries;
};
