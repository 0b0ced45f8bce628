import type { RdfFeed, RssFeed } from 'feedsmith';
import { firstText, plainTitle, type FeedEntries, type FeedEntry } from './feed-entry';

type Item = RssFeed.Item<string>;
type Atom = NonNullable<Item['atom']>;

const atomLink = (atom: Atom | undefined): string | undefined =>
  atom?.links?.find((link) => !link.rel || link.rel === 'alternate')?.href;

// A guid is the item's permalink unless it says isPermaLink="false" (RSS 2.0); only a URL can be one.
const permalink = (guid: Item['guid']): string | null =>
  guid?.isPermaLink !== false && /^https?:\/\//i.test(guid?.value?.trim() ?? '')
    ? firstText(guid?.value)
    : null;

const authorName = (item: Item): string | null =>
  firstText(
    ...(item.authors ?? []).map((author) => author.name),
    ...(item.dc?.creators ?? []),
    ...(item.atom?.authors ?? []).map((author) => author.name),
    item.itunes?.author,
  );

const contentHtml = (item: Item): string | null =>
  firstText(
    item.content?.encoded,
    item.description,
    item.atom?.content?.value,
    ...(item.dc?.descriptions ?? []),
  );

/** RSS 0.9x/2.0 items; RDF (RSS 1.0) items are the same shape minus a few fields, so they share this. */
const toEntry = (item: Item, language: string | null): FeedEntry => ({
  id: firstText(item.guid?.value, item.atom?.id),
  link: firstText(item.link, atomLink(item.atom), permalink(item.guid)),
  title: plainTitle(firstText(item.title, ...(item.dc?.titles ?? []), item.atom?.title?.value)),
  authorName: authorName(item),
  // atom:updated is deliberately not a fallback: an edit date would reorder old posts as new.
  published: firstText(item.pubDate, ...(item.dc?.dates ?? []), item.atom?.published),
  contentHtml: contentHtml(item),
  contentText: firstText(item.itunes?.summary),
  language: firstText(...(item.dc?.languages ?? []), item.xml?.lang, language),
  inReplyTo: firstText(item.thr?.inReplyTos?.[0]?.ref),
  commentsFeed: firstText(item.wfw?.commentRss),
  kind: item.pingback?.target ? 'pingback' : item.trackback?.ping ? 'trackback' : undefined,
});

export const rssEntries = (feed: RssFeed.Feed<string> | RdfFeed.Feed<string>): FeedEntries => {
  const rss: RssFeed.Feed<string> = feed;
  const language = firstText(rss.language, ...(rss.dc?.languages ?? []), rss.xml?.lang);
  return {
    header: {
      title: plainTitle(firstText(rss.title, ...(rss.dc?.titles ?? []), rss.atom?.title?.value)),
      link: firstText(rss.link, atomLink(rss.atom)),
      language,
    },
    entries: (rss.items ?? []).map((item) => toEntry(item, language)),
    problems: [],
  };
};
