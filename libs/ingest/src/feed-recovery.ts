/**
 * Two ways a feed is broken yet mostly readable, and how to read the well-formed part:
 * - cut off in transfer (a dropped connection, a proxy's size limit, a generator that died): everything up to
 *   the last whole item is read, by closing the elements still open there;
 * - a closing tag that does not match its element (`<language>en</langauge>`): it is read as closing the
 *   element that is open, as lenient readers do.
 */

// Markup that is not an element (comments, CDATA, processing instructions, declarations), then tags.
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|<![^>]*>|<(\/?)([A-Za-z_][\w:.-]*)(?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/g;
const ITEM = /^(?:[\w.-]+:)?(?:item|entry)$/;
const ROOT = /<([A-Za-z_][\w:.-]*)/;
const PROLOG_MARKUP = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>/gi;

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

/** The root element has a closing tag after its start: the document was not cut off. */
const isWhole = (text: string): boolean => {
  const root = ROOT.exec(text.replace(PROLOG_MARKUP, (markup) => ' '.repeat(markup.length)));
  return !root || text.lastIndexOf(`</${root[1]}`) > root.index;
};

type Cut = { end: number; open: string[] };

/** The last point where an item (or, failing that, any element) had just closed, with the elements open there. */
const lastWholePoint = (text: string): Cut | null => {
  const open: string[] = [];
  let lastItem: Cut | null = null;
  let lastElement: Cut | null = null;
  for (const tag of tags(text)) {
    if (!tag.closing) {
      open.push(tag.name);
      continue;
    }
    const at = open.lastIndexOf(tag.name);
    if (at === -1) continue;
    open.length = at;
    const cut = { end: tag.end, open: [...open] };
    lastElement = cut;
    if (ITEM.test(tag.name)) lastItem = cut;
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
      open.push(tag.name);
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
