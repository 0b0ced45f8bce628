import type { AtomFeed } from 'feedsmith';
import { firstText, plainTitle, type FeedEntries, type FeedEntry } from './feed-entry';
import { decodeBase64Text } from './feed-quirks';

type Entry = AtomFeed.Entry<string>;
type Person = AtomFeed.Person;
type Content = { value?: string; type?: string; src?: string };

const HTML_TYPES = new Set(['html', 'xhtml', 'text/html', 'application/xhtml+xml']);
const TEXT_TYPES = new Set(['text', 'text/plain']);

const alternateLink = (links: AtomFeed.Link<string>[] | undefined): string | null =>
  firstText(links?.find((link) => !link.rel || link.rel === 'alternate')?.href);

// Other media types are XML (not prose) or base64 (RFC 4287 §4.1.3.3), which is read when it decodes to text.
const isBase64Type = (type: string): boolean =>
  type.includes('/') && !type.startsWith('text/') && !/[/+]xml$/.test(type);

// A base64 title (Atom 0.3's media types, still seen in 1.0 feeds) may hold markup once decoded: stripped if so.
const textValue = (text: AtomFeed.Text | undefined): string | null => {
  const type = text?.type?.toLowerCase() ?? '';
  if (!text?.value) return null;
  if (isBase64Type(type)) return plainTitle(firstText(decodeBase64Text(text.value)));
  return plainTitle(firstText(text.value), HTML_TYPES.has(type));
};

const personName = (people: Person[] | undefined): string | null =>
  firstText(...(people ?? []).map((p) => p.name));

// Atom's default type is text; Atom 0.3 spells types as media types.
const contentAs = (content: Content | undefined, kind: 'html' | 'text'): string | null => {
  if (!content?.value || content.src) return null;
  const type = content.type?.toLowerCase() ?? 'text';
  if (kind === 'text' && isBase64Type(type)) return firstText(decodeBase64Text(content.value));
  return (kind === 'html' ? HTML_TYPES : TEXT_TYPES).has(type) ? firstText(content.value) : null;
};

const toEntry = (entry: Entry, feedAuthor: string | null, language: string | null): FeedEntry => ({
  id: firstText(entry.id),
  link: alternateLink(entry.links),
  title: textValue(entry.title),
  // An entry without its own author inherits the feed's (RFC 4287 §4.2.1).
  authorName: firstText(
    personName(entry.authors),
    personName(entry.source?.authors),
    ...(entry.dc?.creators ?? []),
    feedAuthor,
  ),
  published: firstText(entry.published, entry.updated, ...(entry.dc?.dates ?? [])),
  contentHtml: contentAs(entry.content, 'html') ?? contentAs(entry.summary, 'html'),
  contentText: contentAs(entry.content, 'text') ?? contentAs(entry.summary, 'text'),
  language: firstText(entry.xml?.lang, language),
  inReplyTo: firstText(entry.thr?.inReplyTos?.[0]?.ref),
  commentsFeed: firstText(
    entry.links?.find((link) => link.rel === 'replies' && (!link.type || link.type.includes('atom')))?.href,
  ),
});

export const atomEntries = (feed: AtomFeed.Feed<string>): FeedEntries => {
  const language = firstText(feed.xml?.lang, ...(feed.dc?.languages ?? []));
  const author = firstText(personName(feed.authors), ...(feed.dc?.creators ?? []));
  return {
    header: { title: textValue(feed.title), link: alternateLink(feed.links), language },
    entries: (feed.entries ?? []).map((entry) => toEntry(entry, author, language)),
    problems: [],
  };
};
