import { DomainError } from '@parley/domain';
import { DetectError, MalformedError, ParseError, parseFeed, type AnyFeed } from 'feedsmith';
import { atomEntries } from './atom-entries';
import { decodeFeedBody } from './feed-decoding';
import { rewriteQuirks } from './feed-quirks';
import { closeCutOffDocument, inspectMarkup, repairMismatchedTags, type TagRepair } from './feed-recovery';
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

// Markup whose content is text (a comment, CDATA section or processing instruction), or an entity declaration.
const INERT_OR_ENTITY =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<![Ee][Nn][Tt][Ii][Tt][Yy]/g;

/**
 * fast-xml-parser runs with entity processing off inside feedsmith, so declared entities are not expanded;
 * refusing documents that declare any keeps it that way should a future version change its defaults. A declaration
 * is `<!ENTITY` anywhere outside a comment, CDATA section or processing instruction: those may mention one, or hold
 * a tag that looks like the root, so neither markup before the DOCTYPE nor a DOCTYPE after the root hides it.
 */
const rejectEntityDeclarations = (text: string): void => {
  if (!/<!ENTITY/i.test(text)) return;
  for (const [markup] of text.matchAll(INERT_OR_ENTITY))
    if (/^<!ENTITY$/i.test(markup))
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

const NOTHING_READ = 'nothing could be read';

const notWellFormed = (problem: string, outcome: string): DomainError =>
  new DomainError('parse_failed', `the feed is not well-formed XML: ${problem}; ${outcome}`);

/** `document` is the feed as its publisher wrote it, so the lines a message names are the lines they can open. */
const asFeedError = (error: unknown, text: string, document: string): DomainError => {
  if (error instanceof DetectError)
    return notAFeed(`the content starts "${opening(text)}"; check the source URL points at the feed`);
  const { problem } = inspectMarkup(document);
  if (problem) return notWellFormed(problem, NOTHING_READ);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return notAFeed(`the document is malformed${cause}`);
};

/** Parses, and when the XML is malformed only by mismatched closing tags, parses it with them repaired. */
const parse = (
  text: string,
  document: string,
): { feed: AnyFeed<string> | null; repair: TagRepair | null } => {
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
    throw asFeedError(error, text, document);
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

// More item start tags than items read is the only sign that some were lost; CDATA and comments can only add to it.
const ITEM_START = /<(?:[\w.-]+:)?(?:item|entry)[\s/>]/gi;
const mayHaveLostItems = (text: string, read: number): boolean =>
  text.trimStart().startsWith('<') && (text.match(ITEM_START)?.length ?? 0) > read;

type Recovery = { closed: boolean; repair: TagRepair | null };

/**
 * Where "read, with a warning" ends and "a failure" begins. A document that is not well formed is read as far as
 * it can be, and the warning says what was done: its end was cut off, a closing tag was repaired, or an element
 * left open swallowed some items (and where). It is a failure only when it starts items and not one could be read.
 */
const recoveryOf = (text: string, read: number, { closed, repair }: Recovery): string => {
  const report = mayHaveLostItems(text, read) ? inspectMarkup(text) : null;
  const lost = report ? report.items - read : 0;
  if (read === 0 && lost > 0 && (report?.problem || closed))
    throw notWellFormed(
      report?.problem ?? 'the document was cut off before its first item ended',
      NOTHING_READ,
    );
  const swallowed =
    lost > 0 && report?.problem
      ? `the feed is not well-formed XML: ${report.problem}; ${lost} of ${report.items} items could not be read`
      : null;
  return [closed && cutOffMessage(read), swallowed ?? (repair && repairMessage(repair))]
    .filter(Boolean)
    .join('; ');
};

/**
 * Decodes and parses a feed of any supported format into format-independent entries. A document that is not well
 * formed is read as far as it can be, and `recovered` says what was done (see recoveryOf); one that starts items
 * but yields none throws DomainError('parse_failed') saying where its markup goes wrong.
 */
export const readFeedEntries = (body: Buffer | string): FeedEntries => {
  const text = decodeFeedBody(body);
  if (!text.trim()) throw notAFeed('the body is empty');
  rejectEntityDeclarations(text);
  const closed = closeCutOffDocument(text);
  const { feed, repair } = parse(rewriteQuirks(closed ?? text), text);
  const entries = feed ? entriesOf(feed) : empty();
  const recovered = recoveryOf(text, entries.entries.length, { closed: closed !== null, repair });
  return recovered ? { ...entries, recovered } : entries;
};
