/**
 * Two ways a feed is broken yet mostly readable, and how to read the well-formed part:
 * - cut off in transfer (a dropped connection, a proxy's size limit, a generator that died): everything up to
 *   the last whole item is read, by closing the elements still open there;
 * - a closing tag that does not match its element (`<language>en</langauge>`): it is read as closing the
 *   element that is open, as lenient readers do.
 */

// Markup that is not an element (comments, CDATA, processing instructions, declarations), then tags, whose
// attributes may be unquoted or bare as in the HTML some feeds carry unescaped.
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<![^>]*(?:>|$)|<(\/?)([A-Za-z_][\w:.-]*)(?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*\s*(\/?)>/g;
// feedsmith reads tag names case-insensitively, so <ITEM> is an item too.
const ITEM = /^(?:[\w.-]+:)?(?:item|entry)$/i;
const NAME = /[A-Za-z_][\w:.-]*/y;
// Feeds nest a few levels deep; a document nested deeper is not one to repair, and the cap keeps the scan linear.
const MAX_DEPTH = 256;

type Tag = { closing: boolean; name: string; start: number; end: number };

/** Start and end tags in document order; self-closing tags, comments, CDATA and the like are skipped. */
function* tags(text: string): Generator<Tag> {
  for (const match of text.matchAll(TOKEN)) {
    const [markup, closing, name, selfClosing] = match;
    if (!name || selfClosing) continue;
    const start = match.index ?? 0;
    yield { closing: closing === '/', name, start, end: start + markup.length };
  }
}

const closersOf = (open: string[]): string =>
  open
    .toReversed()
    .map((name) => `</${name}>`)
    .join('');

// Where each kind of prolog markup ends.
const PROLOG_ENDS: Array<[start: string, end: string]> = [
  ['<!--', '-->'],
  ['<?', '?>'],
  ['<!', '>'],
];

/** The root element's name, skipping the comments, declarations and processing instructions before it. */
const rootName = (text: string): { name: string; at: number } | null => {
  let at = text.indexOf('<');
  while (at !== -1) {
    const prolog = PROLOG_ENDS.find(([start]) => text.startsWith(start, at));
    if (!prolog) {
      NAME.lastIndex = at + 1;
      const name = NAME.exec(text)?.[0];
      return name ? { name, at } : null;
    }
    // A DOCTYPE's internal subset may hold ">" and ends at "]>".
    const end =
      text.startsWith('<!DOCTYPE', at) && /^<!DOCTYPE[^>[]*\[/.test(text.slice(at, at + 512))
        ? ']>'
        : prolog[1];
    const close = text.indexOf(end, at);
    at = close === -1 ? -1 : text.indexOf('<', close);
  }
  return null;
};

/** The root element has a closing tag after its start: the document was not cut off. */
const isWhole = (text: string): boolean => {
  const root = rootName(text);
  return !root || text.lastIndexOf(`</${root.name}`) > root.at;
};

type Cut = { end: number; open: string[] };

/**
 * Each end tag that closes an open element: its name, where it ends and the elements still open after it; a final
 * null when the document nests deeper than MAX_DEPTH, which no feed does.
 */
function* closedElements(text: string): Generator<(Cut & { name: string }) | null> {
  const open: string[] = [];
  for (const tag of tags(text)) {
    if (!tag.closing) {
      if (open.push(tag.name) <= MAX_DEPTH) continue;
      yield null;
      return;
    }
    const at = open.lastIndexOf(tag.name);
    if (at === -1) continue;
    open.length = at;
    yield { name: tag.name, end: tag.end, open: [...open] };
  }
}

/**
 * The last point where an item (or, failing that, any element) had just closed, with the elements open there;
 * null when there is none, or the document nests too deep to repair.
 */
const lastWholePoint = (text: string): Cut | null => {
  let lastItem: Cut | null = null;
  let lastElement: Cut | null = null;
  for (const cut of closedElements(text)) {
    if (!cut) return null;
    lastElement = cut;
    if (ITEM.test(cut.name)) lastItem = cut;
  }
  return lastItem ?? lastElement;
};

/** The document with its open elements closed after the last whole item, or null when it was not cut off. */
export const closeCutOffDocument = (text: string): string | null => {
  if (!text.trimStart().startsWith('<') || isWhole(text)) return null;
  const cut = lastWholePoint(text);
  if (!cut || cut.open.length === 0) return null;
  return text.slice(0, cut.end) + closersOf(cut.open);
};

// Quick to count, and never fewer than the items tags() finds (it may count one inside CDATA too).
const ITEM_END = /<\/(?:[\w.-]+:)?(?:item|entry)\s*>/g;

const atLeast = (text: string, pattern: RegExp, count: number): boolean => {
  pattern.lastIndex = 0;
  let found = 0;
  while (found < count && pattern.exec(text)) found += 1;
  return found === count;
};

/**
 * The document cut after its `max`-th item, with the elements open there closed, so a feed of 200,000 items costs
 * the parser (its time and its memory) no more than one of `max`; null when it has no more than `max` items.
 */
export const keepFirstItems = (text: string, max: number): string | null => {
  if (!text.trimStart().startsWith('<') || !atLeast(text, ITEM_END, max + 1)) return null;
  let items = 0;
  for (const cut of closedElements(text)) {
    if (!cut) return null;
    if (ITEM.test(cut.name) && ++items === max) return text.slice(0, cut.end) + closersOf(cut.open);
  }
  return null;
};

export type TagRepair = { text: string; repaired: number; first: string };

/**
 * The document with each closing tag that names no open element read as closing the innermost one, and elements
 * left open inside a closing one closed there; null when every closing tag matched.
 */
export const repairMismatchedTags = (text: string): TagRepair | null => {
  const open: string[] = [];
  const parts: string[] = [];
  let copied = 0;
  let repaired = 0;
  let first = '';
  const replace = (tag: Tag, replacement: string, description: string): void => {
    parts.push(text.slice(copied, tag.start), replacement);
    copied = tag.end;
    repaired += 1;
    first ||= description;
  };
  for (const tag of tags(text)) {
    if (!tag.closing) {
      if (open.push(tag.name) > MAX_DEPTH) return null;
      continue;
    }
    const at = open.lastIndexOf(tag.name);
    if (at === open.length - 1) open.pop();
    else if (at >= 0) {
      replace(tag, closersOf(open.slice(at)), `<${open[open.length - 1]}> left open inside <${tag.name}>`);
      open.length = at;
    } else {
      const innermost = open.pop();
      replace(tag, innermost ? `</${innermost}>` : '', `</${tag.name}> closing <${innermost ?? 'nothing'}>`);
    }
  }
  if (repaired === 0) return null;
  return { text: parts.join('') + text.slice(copied), repaired, first };
};

/** The 1-based line of an offset, counted only for the few places a message names. */
const lineAt = (text: string, offset: number): number => {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
};

export type MarkupReport = {
  /** Item and entry start tags, an item cut off at the end included. */
  items: number;
  /**
   * Where the markup is first not well formed, for a person to find it: the first element left open around an
   * item (which the parser then reads as part of that element), or else the first mismatch of any kind; null when
   * every closing tag matches (an unclosed end aside: that is a cut-off document).
   */
  problem: string | null;
};

type Opened = { name: string; start: number; itemsBefore: number };

// Described only once found, so a document full of mismatches costs one pass, not one line count per mismatch.
type Mismatch = { closer: Tag; unclosed: Opened | null; innermost: Opened | null };

const describeMismatch = (text: string, { closer, unclosed, innermost }: Mismatch): string => {
  const at = (offset: number) => `line ${lineAt(text, offset)}`;
  if (unclosed)
    return `<${unclosed.name}> opened at ${at(unclosed.start)} inside <${closer.name}> is never closed`;
  return innermost
    ? `</${closer.name}> at ${at(closer.start)} does not match <${innermost.name}> opened at ${at(innermost.start)}`
    : `</${closer.name}> at ${at(closer.start)} closes no open element`;
};

/**
 * Counts the items a document starts and finds where its markup first goes wrong, in one linear pass; it stops at
 * MAX_DEPTH, as the repairs do. HTML left unclosed inside a text element (`<br>` in a description) is a mismatch
 * too, but only an element left open around an item loses anything, so that is the one reported when there is one.
 */
export const inspectMarkup = (text: string): MarkupReport => {
  const open: Opened[] = [];
  let items = 0;
  let first: Mismatch | null = null;
  let swallowing: Mismatch | null = null;
  for (const tag of tags(text)) {
    if (!tag.closing) {
      if (open.push({ name: tag.name, start: tag.start, itemsBefore: items }) > MAX_DEPTH) break;
      if (ITEM.test(tag.name)) items += 1;
      continue;
    }
    const match = open.findLastIndex((element) => element.name === tag.name);
    if (match !== -1 && match === open.length - 1) {
      open.pop();
      continue;
    }
    const unclosed = match === -1 ? null : open[match + 1];
    const mismatch = { closer: tag, unclosed, innermost: open.at(-1) ?? null };
    first ??= mismatch;
    if (unclosed && items > unclosed.itemsBefore) swallowing ??= mismatch;
    if (match !== -1) open.length = match;
  }
  const found = swallowing ?? first;
  return { items, problem: found && describeMismatch(text, found) };
};
