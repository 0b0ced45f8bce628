import type { PositionalNode, QueryNode } from './ast';
import { fieldLeaf, textLeaf, wordLeaf } from './leaves';
import { QueryError } from './query-error';
import { parseRawQuery, type RawNode } from './raw-query';

export const MAX_QUERY_LENGTH = 4000;
/** A NEAR becomes one tsquery clause per distance, order and pair of phrase lengths; keep that bounded. */
const MAX_NEAR_CLAUSES = 1000;

const isPositional = (node: QueryNode): node is PositionalNode =>
  node.kind === 'term' || node.kind === 'phrase' || node.kind === 'prefix';

/** Whether a node can only match a post that contains something: false for NOT and groups of NOTs. */
const isPositive = (node: QueryNode): boolean => {
  if (node.kind === 'not') return false;
  if (node.kind === 'and') return node.children.some(isPositive);
  if (node.kind === 'or') return node.children.every(isPositive);
  return true;
};

const firstNot = (raw: RawNode): number | null => {
  if (raw.kind === 'not') return raw.at;
  const children = raw.kind === 'and' || raw.kind === 'or' ? raw.children : [];
  for (const child of children) {
    const at = firstNot(child);
    if (at !== null) return at;
  }
  return null;
};

const group = (kind: 'and' | 'or', children: QueryNode[]): QueryNode | null => {
  const flat = children.flatMap((c) => (c.kind === kind ? c.children : [c]));
  if (flat.length === 0) return null;
  return flat.length === 1 ? flat[0] : { kind, children: flat };
};

const normaliseOr = (raw: Extract<RawNode, { kind: 'or' }>): QueryNode | null => {
  const children: QueryNode[] = [];
  for (const rawChild of raw.children) {
    const child = normalise(rawChild);
    if (!child) continue;
    if (!isPositive(child)) {
      const at = firstNot(rawChild) ?? rawChild.at;
      throw new QueryError(
        'a query cannot be only NOT terms: each OR alternative needs something to look for',
        at,
      );
    }
    children.push(child);
  }
  return group('or', children);
};

const nearSide = (raw: RawNode, near: Extract<RawNode, { kind: 'near' }>): PositionalNode[] => {
  const node = normalise(raw);
  if (!node) {
    throw new QueryError(
      `${near.text} needs a searchable word on each side; the words at position ${raw.at} are too common to be indexed`,
      raw.at,
    );
  }
  const alternatives = node.kind === 'or' ? node.children : [node];
  if (!alternatives.every(isPositional)) {
    throw new QueryError(
      `${near.text} can only join words, prefixes, "phrases" or (OR groups) of them`,
      firstNot(raw) ?? raw.at,
    );
  }
  return alternatives.filter(isPositional);
};

const widthOf = (node: PositionalNode): number =>
  node.kind === 'phrase' ? node.words[node.words.length - 1].offset : 0;

const normaliseNear = (raw: Extract<RawNode, { kind: 'near' }>): QueryNode => {
  const left = nearSide(raw.left, raw);
  const right = nearSide(raw.right, raw);
  const widths = (side: PositionalNode[]) => new Set(side.map(widthOf)).size;
  const clauses = widths(left) * widths(right) * raw.distance * (raw.ordered ? 1 : 2);
  if (clauses > MAX_NEAR_CLAUSES) {
    throw new QueryError(
      `${raw.text} between phrases of many different lengths makes the search too large; use a smaller distance or fewer phrases`,
      raw.at,
    );
  }
  return { kind: 'near', left, right, distance: raw.distance, ordered: raw.ordered };
};

/** Raw tree → AST: words stemmed, stop words dropped (as to_tsquery drops them), groups flattened. */
const normalise = (raw: RawNode): QueryNode | null => {
  switch (raw.kind) {
    case 'word':
      return wordLeaf(raw.text, raw.scope, raw.at);
    case 'phrase':
      return textLeaf(raw.text, raw.scope, raw.at);
    case 'field':
      return fieldLeaf(raw.field, raw.value, raw.at);
    case 'and':
      return group(
        'and',
        raw.children.map(normalise).filter((c): c is QueryNode => c !== null),
      );
    case 'or':
      return normaliseOr(raw);
    case 'not': {
      const child = normalise(raw.child);
      return child && { kind: 'not', child };
    }
    case 'near':
      return normaliseNear(raw);
  }
};

/**
 * Parses a listening-rule query into its AST. Throws a QueryError (code 'invalid') with the position
 * of the problem and a message a person can act on.
 */
export const parseQuery = (text: string): QueryNode => {
  if (text.length > MAX_QUERY_LENGTH) {
    throw new QueryError(
      `a query can be at most ${MAX_QUERY_LENGTH} characters; this one has ${text.length}`,
      MAX_QUERY_LENGTH,
    );
  }
  if (text.trim() === '') throw new QueryError('the query is empty: give at least one word to look for', 0);
  const raw = parseRawQuery(text);
  const ast = normalise(raw);
  if (!ast) {
    throw new QueryError(
      'the query has only very common words (such as "the" or "of"), which are not indexed; add a more specific word',
      0,
    );
  }
  if (!isPositive(ast)) throw new QueryError('a query cannot be only NOT terms', firstNot(raw) ?? 0);
  return ast;
};
