/**
 * sanitize-html's parser (htmlparser2) keeps its open elements in an array it grows with `unshift`, so its time is
 * quadratic in nesting depth: 200,000 nested `<b>` froze the worker for 70 s. This pass runs first, in one linear
 * scan, so the parser never sees more than MAX_HTML_DEPTH open elements: tags deeper than that are dropped and
 * their text kept, and a `<` that starts no tag is escaped, so dropping a tag can never join two pieces into a new
 * one. It only ever removes markup; the sanitiser that follows still decides what is safe.
 */

/** Deeper than any real post (browsers stop building the tree at 512); deeper tags become plain text. */
export const MAX_HTML_DEPTH = 64;

// Elements that never have content, so never deepen the tree.
const VOID = new Set(
  'area base br col embed hr img input keygen link meta param source track wbr'.split(' '),
);
// A new one of these closes the open one ("<p>a<p>b" is two paragraphs, not one inside the other).
const SIBLINGS = new Set('p li dt dd tr td th option'.split(' '));
// htmlparser2 reads these as raw text up to their closing tag, so markup inside them is not nesting.
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
// Tags that separate blocks of text, for readers that want a space where they were.
const BLOCKS = new Set(
  'p br div li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr td th table section article header footer hr'.split(
    ' ',
  ),
);

const NAME = /[A-Za-z][^\s/>]*/y;

export type NestingOptions = { maxDepth?: number; spaceBlocks?: boolean };

type Tag = { name: string; closing: boolean; end: number };

/** The tag starting at `lt` (ending at `gt`, the next ">"), or null when that "<" starts no tag. */
const tagAt = (html: string, lt: number, gt: number): Tag | null => {
  const closing = html[lt + 1] === '/';
  NAME.lastIndex = lt + (closing ? 2 : 1);
  const name = NAME.exec(html)?.[0];
  if (!name || NAME.lastIndex > gt) return null;
  return { name: name.toLowerCase(), closing, end: gt + 1 };
};

/** Where markup that is not an element (a comment, declaration or processing instruction) at `lt` ends, if it is. */
const nonElementEnd = (html: string, lt: number, gt: number): number | null => {
  if (html.startsWith('<!--', lt)) {
    const close = html.indexOf('-->', lt + 4);
    return close === -1 ? html.length : close + 3;
  }
  if (html[lt + 1] === '!' || html[lt + 1] === '?') return Math.min(gt + 1, html.length);
  return null;
};

const rawTextEnd = (html: string, name: string, from: number): number => {
  const close = new RegExp(`</${name}[\\s/>]`, 'gi');
  close.lastIndex = from;
  const found = close.exec(html);
  if (!found) return html.length;
  const gt = html.indexOf('>', found.index);
  return gt === -1 ? html.length : gt + 1;
};

/**
 * The fragment with at most `maxDepth` elements open at any point, comments and declarations removed, and every
 * "<" that starts no tag written as "&lt;". Linear: each character is looked at a bounded number of times.
 */
export const boundNesting = (
  html: string,
  { maxDepth = MAX_HTML_DEPTH, spaceBlocks = false }: NestingOptions = {},
): string => {
  const out: string[] = [];
  const open: string[] = [];
  // Start tags dropped below the deepest kept element, by name, so their end tags are dropped too.
  const dropped = new Map<string, number>();
  let at = 0;
  // The first ">" after the "<" being read (html.length when there is none), found once and reused by every "<"
  // before it, so "<<<<…>" stays linear.
  let gt = -1;
  const keep = (end: number): void => {
    out.push(html.slice(at, end));
    at = end;
  };
  const space = (tag: Tag): void => {
    if (spaceBlocks && BLOCKS.has(tag.name)) out.push(' ');
  };
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt === -1) break;
    keep(lt);
    if (gt < lt) {
      const found = html.indexOf('>', lt);
      gt = found === -1 ? html.length : found;
    }
    const skipped = nonElementEnd(html, lt, gt);
    if (skipped !== null) {
      at = skipped;
      continue;
    }
    const tag = gt === html.length ? null : tagAt(html, lt, gt);
    if (!tag) {
      out.push('&lt;');
      at = lt + 1;
      continue;
    }
    space(tag);
    if (tag.closing) {
      const excess = dropped.get(tag.name) ?? 0;
      if (excess > 0) {
        dropped.set(tag.name, excess - 1);
        at = tag.end;
        continue;
      }
      const index = open.lastIndexOf(tag.name);
      if (index !== -1) {
        open.length = index;
        // Whatever was dropped lay inside the element just closed, so it is closed with it.
        dropped.clear();
      }
      keep(tag.end);
    } else if (RAW_TEXT.has(tag.name)) {
      keep(rawTextEnd(html, tag.name, tag.end));
    } else if (VOID.has(tag.name)) {
      keep(tag.end);
    } else {
      if (SIBLINGS.has(tag.name) && open[open.length - 1] === tag.name) open.pop();
      if (open.length < maxDepth) {
        open.push(tag.name);
        keep(tag.end);
      } else {
        dropped.set(tag.name, (dropped.get(tag.name) ?? 0) + 1);
        at = tag.end;
      }
    }
  }
  keep(html.length);
  return out.join('');
};
