/**
 * Hashtags, mentions and sites are matched by regular expressions in both compilations, so each is
 * written once here and used as-is by JavaScript and by Postgres (whose ARE flavour accepts the same
 * syntax for everything used below). Text is lower-cased first on both sides, never matched with a
 * case-insensitive flag, so the two engines' different case-folding rules never come into play.
 */

/** Characters a hashtag or handle is made of: ASCII letters, digits, "_" and the Latin letters (À–ɏ). */
const WORD_CHARS = 'A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F';
const W = `[${WORD_CHARS}]`;
const NOT_W = `[^${WORD_CHARS}]`;
const HANDLE_BODY = `${W}+(?:[.@-]${W}+)*`;

export const TAG_PATTERN = new RegExp(`^${W}+$`);
export const HANDLE_PATTERN = new RegExp(`^${HANDLE_BODY}$`);

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A tag or handle starts after a character that could not be part of it, and runs as far as it can:
// "#tax2024!" has the tag "tax2024", "hi@x.com" has no mention, "@dwp." mentions "dwp".
const HASHTAGS = new RegExp(`(?<!${W})#(${W}+)`, 'g');
const MENTIONS = new RegExp(`(?<!${W})@(${HANDLE_BODY})`, 'g');

/** The hashtags of already lower-cased text, without "#". */
export const hashtagsIn = (lowerText: string): Set<string> =>
  lowerText.includes('#') ? new Set(Array.from(lowerText.matchAll(HASHTAGS), (m) => m[1])) : new Set();

/** The mentioned handles of already lower-cased text, without "@". */
export const mentionsIn = (lowerText: string): Set<string> =>
  lowerText.includes('@') ? new Set(Array.from(lowerText.matchAll(MENTIONS), (m) => m[1])) : new Set();

/** For `lower(p.text) ~ pattern`: true exactly when hashtagsIn() would contain `tag`. */
export const hashtagRegex = (tag: string): string => `(^|${NOT_W})#${escapeRegex(tag)}($|${NOT_W})`;

/** For `lower(p.text) ~ pattern`: true exactly when mentionsIn() would contain `handle`. */
export const mentionRegex = (handle: string): string =>
  `(^|${NOT_W})@${escapeRegex(handle)}(?!${W}|[.@-]${W})`;

// scheme://[userinfo@]host[:port] followed by a path, query, fragment or the end.
const HOST_OF_URL = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#:@]*)(?::[0-9]*)?(?:[/?#]|$)/i;

const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The host name of a URL, ASCII lower-cased; null when the URL has none. */
export const hostOf = (url: string | null): string | null => {
  const match = url ? HOST_OF_URL.exec(url) : null;
  return match ? asciiLower(match[1]) : null;
};

/** `site:gov.uk` covers gov.uk and every host under it. */
export const hostIsUnder = (host: string | null, site: string): boolean =>
  host !== null && (host === site || host.endsWith(`.${site}`));

/** For `p.url ~* pattern`: true exactly when hostIsUnder(hostOf(url), site). */
export const siteRegex = (site: string): string =>
  `^[a-z][a-z0-9+.-]*://([^/?#@]*@)?([^/?#:@]*\\.)?${escapeRegex(site)}(:[0-9]*)?([/?#]|$)`;
