import { TextDecoder } from 'node:util';
import { hasControlCharacters } from './feed-entry';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cdata = (text: string): string => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

const ATTRIBUTES = `(?:\\s+[\\w:.-]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*`;

/**
 * Each element whose start tag `start` finds, up to the closing tag `</name>`, replaced by `replace(inner)`. The
 * closing tag is looked up with indexOf, not a lazy regex, so a document full of unclosed starts stays linear.
 */
const replaceElements = (
  text: string,
  start: RegExp,
  name: string,
  replace: (inner: string) => string,
): string => {
  const parts: string[] = [];
  let copied = 0;
  for (const match of text.matchAll(start)) {
    const innerStart = (match.index ?? 0) + match[0].length;
    if (innerStart <= copied) continue;
    const close = text.indexOf(`</${name}`, innerStart);
    const closeEnd = close === -1 ? -1 : text.indexOf('>', close);
    if (closeEnd === -1) break;
    parts.push(text.slice(copied, match.index), replace(text.slice(innerStart, close)));
    copied = closeEnd + 1;
  }
  return parts.length === 0 ? text : parts.join('') + text.slice(copied);
};

const asContentEncoded = (inner: string): string => `<content:encoded>${cdata(inner)}</content:encoded>`;

/**
 * RSS items may carry their body as inline XHTML (`<xhtml:body>`, or `<body xmlns="…xhtml">`), which feedsmith
 * does not read; it becomes the `content:encoded` it does read, with the XHTML prefix dropped from its tags.
 */
const xhtmlBodiesAsContent = (text: string): string => {
  if (!text.includes(XHTML_NS)) return text;
  const namespace = escapeRegExp(XHTML_NS);
  const prefixes = [...text.matchAll(new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${namespace}["']`, 'g'))].map(
    (match) => match[1],
  );
  let rewritten = text;
  for (const prefix of new Set(prefixes)) {
    const name = `${prefix}:body`;
    const tagPrefix = new RegExp(`(</?)${escapeRegExp(prefix)}:`, 'g');
    rewritten = replaceElements(
      rewritten,
      new RegExp(`<${escapeRegExp(name)}\\b${ATTRIBUTES}\\s*>`, 'g'),
      name,
      (inner) => asContentEncoded(inner.replace(tagPrefix, '$1')),
    );
  }
  const defaultBody = new RegExp(`<body\\s[^>]*xmlns\\s*=\\s*["']${namespace}["'][^>]*>`, 'g');
  return replaceElements(rewritten, defaultBody, 'body', asContentEncoded);
};

const DC_NS = 'http://purl.org/dc/elements/1.1/';

/**
 * `dc:author` is not Dublin Core but generators write it for the author's name (as "Name (email)"); feedsmith
 * drops it, so in an RSS item it becomes the `<author>` feedsmith reads, name and email apart.
 */
const dcAuthorsAsAuthor = (text: string): string => {
  const prefix = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${escapeRegExp(DC_NS)}["']`).exec(text)?.[1];
  if (!prefix || !text.includes(`<${prefix}:author`)) return text;
  const author = new RegExp(
    `<${escapeRegExp(prefix)}:author\\s*>([^<]*)</${escapeRegExp(prefix)}:author\\s*>`,
    'g',
  );
  return text.replace(author, '<author>$1</author>');
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Base64 that decodes to UTF-8 text, or null: an image or other binary is not prose. */
export const decodeBase64Text = (value: string): string | null => {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return null;
  try {
    const text = utf8.decode(Buffer.from(compact, 'base64'));
    // Control characters other than whitespace mean binary that happened to be valid UTF-8.
    return hasControlCharacters(text) ? null : text;
  } catch {
    return null;
  }
};

// Atom 0.3 marks base64 text constructs with mode="base64" (Atom 1.0 dropped the attribute); feedsmith ignores it.
const ATOM03_BASE64 = new RegExp(
  `<((?:[\\w.-]+:)?)(title|tagline|subtitle|summary|content|copyright|info)(${ATTRIBUTES})\\s*>([^<]*)</\\1\\2\\s*>`,
  'g',
);
const MODE_BASE64 = /\s+mode\s*=\s*["']base64["']/;

const atom03Base64Decoded = (text: string): string =>
  text.replace(ATOM03_BASE64, (match, prefix: string, name: string, attributes: string, value: string) => {
    if (!MODE_BASE64.test(attributes)) return match;
    const decoded = decodeBase64Text(value);
    if (decoded === null) return match;
    const tag = `${prefix}${name}`;
    return `<${tag}${attributes.replace(MODE_BASE64, '')}>${escapeXml(decoded)}</${tag}>`;
  });

/** Rewrites constructs feedsmith does not read into equivalent ones it does, before the document is parsed. */
export const rewriteQuirks = (text: string): string => {
  if (!text.trimStart().startsWith('<')) return text;
  const withBodies = dcAuthorsAsAuthor(xhtmlBodiesAsContent(text));
  return MODE_BASE64.test(withBodies) ? atom03Base64Decoded(withBodies) : withBodies;
};
