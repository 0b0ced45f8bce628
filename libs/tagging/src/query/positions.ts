import type { PhraseNode, PositionalNode, PrefixNode, TextScope } from './ast';
import type { PreparedDocument } from './document';

/**
 * Position arithmetic with tsquery's semantics (TS_phrase_execute): a phrase `a <d> b` matches where
 * b's position minus a's is exactly d; a match spans from its first lexeme to its last, and
 * `X <d> Y` between two matches means Y's first position minus X's last position is d.
 */
export type Span = { start: number; end: number };

const NONE: readonly number[] = [];

export const positionsOf = (doc: PreparedDocument, lexeme: string, scope: TextScope): readonly number[] => {
  const postings = doc.postings.get(lexeme);
  if (!postings) return NONE;
  return scope === 'title' ? postings.title : postings.all;
};

const contains = (sorted: readonly number[], value: number): boolean => {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid - 1;
  }
  return false;
};

/** Positions of the phrase's first lexeme from which every other lexeme sits at its offset. */
export const phraseStarts = (doc: PreparedDocument, node: PhraseNode, firstOnly = false): number[] => {
  const lists = node.words.map((w) => positionsOf(doc, w.lexeme, node.scope));
  if (lists.some((list) => list.length === 0)) return [];
  const starts: number[] = [];
  for (const start of lists[0]) {
    if (node.words.every((w, i) => i === 0 || contains(lists[i], start + w.offset))) {
      starts.push(start);
      if (firstOnly) break;
    }
  }
  return starts;
};

/** The lexemes of the document a prefix matches, keeping only those with positions in its scope. */
export const prefixMatches = (doc: PreparedDocument, node: PrefixNode): string[] =>
  doc.lexemesWithPrefix(node.prefix).filter((l) => positionsOf(doc, l, node.scope).length > 0);

const prefixPositions = (doc: PreparedDocument, node: PrefixNode): number[] => {
  const all = prefixMatches(doc, node).flatMap((l) => positionsOf(doc, l, node.scope));
  return [...new Set(all)].sort((a, b) => a - b);
};

export const spansOf = (doc: PreparedDocument, node: PositionalNode): Span[] => {
  switch (node.kind) {
    case 'term':
      return positionsOf(doc, node.lexeme, node.scope).map((p) => ({ start: p, end: p }));
    case 'prefix':
      return prefixPositions(doc, node).map((p) => ({ start: p, end: p }));
    case 'phrase': {
      const width = node.words[node.words.length - 1].offset;
      return phraseStarts(doc, node).map((p) => ({ start: p, end: p + width }));
    }
  }
};

/** Whether some right-hand match starts 1..distance positions after some left-hand match ends. */
export const follows = (left: Span[], right: Span[], distance: number): boolean => {
  for (const l of left) {
    for (const r of right) {
      const gap = r.start - l.end;
      if (gap >= 1 && gap <= distance) return true;
    }
  }
  return false;
};
