import type { JsonFeed } from 'feedsmith';
import { firstText, plainTitle, type FeedEntries, type FeedEntry } from './feed-entry';

type Item = JsonFeed.Item<string>;

const authorName = (authors: JsonFeed.Author[] | undefined): string | null =>
  firstText(...(authors ?? []).map((author) => author.name));

const toEntry = (item: Item, feedAuthor: string | null, language: string | null): FeedEntry => ({
  id: firstText(item.id),
  link: firstText(item.url, item.external_url),
  // JSON Feed titles are plain text by the spec, and nobody puts markup in them.
  title: plainTitle(firstText(item.title), false),
  authorName: firstText(authorName(item.authors), feedAuthor),
  published: firstText(item.date_published, item.date_modified),
  contentHtml: firstText(item.content_html),
  contentText: firstText(item.content_text, item.summary),
  language: firstText(item.language, language),
  inReplyTo: null,
});

export const jsonFeedEntries = (feed: JsonFeed.Feed<string>): FeedEntries => {
  const language = firstText(feed.language);
  const author = authorName(feed.authors);
  return {
    header: {
      title: plainTitle(firstText(feed.title), false),
      link: firstText(feed.home_page_url),
      language,
    },
    entries: (feed.items ?? []).map((item) => toEntry(item, author, language)),
    problems: [],
  };
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Some generators write JSON Feed's version as "1.0" rather than its URL, and feedsmith only recognises the
 * URL form; such a document is given the URL so it parses. Anything else is returned untouched.
 */
export const withJsonFeedVersionUrl = (text: string): string | Record<string, unknown> => {
  if (!text.trimStart().startsWith('{')) return text;
  try {
    const json: unknown = JSON.parse(text);
    if (!isRecord(json) || typeof json.version !== 'string' || !Array.isArray(json.items)) return text;
    if (json.version.includes('jsonfeed.org/version/')) return text;
    return { ...json, version: `https://jsonfeed.org/version/${json.version.replace(/\.0$/, '')}` };
  } catch {
    return text;
  }
};
