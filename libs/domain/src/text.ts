import type { NormalisedPost } from './post';

/**
 * Characters Parley never stores: control characters other than tab, line feed and carriage return (Postgres
 * refuses NUL in text; the rest are noise from pasted or hostile text), and UTF-16 surrogates without their pair
 * (Postgres refuses them in jsonb, and text would silently turn them into U+FFFD). With the u flag a surrogate
 * pair is one code point outside D800–DFFF, so the class matches only unpaired ones.
 */
const UNSTORABLE = /(?![\t\n\r])\p{Cc}|[\uD800-\uDFFF]/u;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'gu');

/** Where the first character Parley never stores is, or -1 when there is none. */
export const firstUnstorable = (text: string): number => text.search(UNSTORABLE);

/** The text without the characters Parley never stores, for text from outside (feeds, platforms) that is kept. */
export const storableText = (text: string): string => text.replace(UNSTORABLE_ALL, '');

const storable = (text: string | null | undefined): string | null =>
  text === null || text === undefined ? null : storableText(text);

/**
 * A post as every connector hands it to the store, without the characters Postgres refuses: one such character
 * from a remote server must never fail the store of a whole page.
 */
export const storablePost = (post: NormalisedPost): NormalisedPost => ({
  ...post,
  externalId: storableText(post.externalId),
  url: storable(post.url),
  title: storable(post.title),
  author: {
    ...post.author,
    name: storable(post.author.name),
    handle: storable(post.author.handle),
    ...(post.author.profileUrl === undefined ? {} : { profileUrl: storable(post.author.profileUrl) }),
  },
  text: storableText(post.text),
  html: storable(post.html),
  inReplyTo: storable(post.inReplyTo),
  language: storable(post.language),
  ...(post.commentsFeedUrl === undefined ? {} : { commentsFeedUrl: storable(post.commentsFeedUrl) }),
  ...(post.rootId === undefined ? {} : { rootId: storable(post.rootId) }),
});

/** How long an excerpt of a post is at most, in characters (the ellipsis included). */
export const EXCERPT_CHARS = 280;

/**
 * A post's text as a short plain excerpt: only characters Parley stores, whitespace collapsed, cut at a word
 * boundary with an ellipsis when longer than `max`.
 */
export const excerptOf = (text: string, max = EXCERPT_CHARS): string => {
  const plain = storableText(text).replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
};
/** Text made safe to place in HTML (an email body): the five characters HTML gives meaning to, as entities. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
