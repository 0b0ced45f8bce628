import type { NodeOf, QueryNode } from './ast';

/**
 * Keys at least one of which a post must contain for the rule to match, for a percolator index:
 * a lexeme, a prefix written "consult*", "#tag" or "@handle" — the same keys documentKeys() lists for
 * a post. Null when the rule has no such anchor (only field filters, or an OR with one), so it must be
 * checked against every post.
 */
export const requiredTerms = (ast: QueryNode): ReadonlySet<string> | null => {
  const keys = anchors(ast);
  return keys && new Set(keys);
};

const longest = (words: readonly string[]): string => words.reduce((a, b) => (b.length > a.length ? b : a));

/** Prefer the smaller set, then the one whose shortest key is longest: longer words are rarer. */
const better = (a: string[], b: string[]): string[] => {
  if (a.length !== b.length) return a.length < b.length ? a : b;
  const shortest = (keys: string[]) => Math.min(...keys.map((k) => k.length));
  return shortest(b) > shortest(a) ? b : a;
};

const unionOf = (nodes: readonly QueryNode[]): string[] | null => {
  const sets = nodes.map(anchors);
  if (sets.some((s) => s === null)) return null;
  return [...new Set(sets.flatMap((s) => s ?? []))];
};

const bestOf = (nodes: readonly QueryNode[]): string[] | null => {
  const sets = nodes.map(anchors).filter((s): s is string[] => s !== null);
  return sets.length === 0 ? null : sets.reduce(better);
};

const nearAnchors = (node: NodeOf<'near'>): string[] | null => {
  const sides = [unionOf(node.left), unionOf(node.right)].filter((s): s is string[] => s !== null);
  return sides.length === 0 ? null : sides.reduce(better);
};

const anchors = (node: QueryNode): string[] | null => {
  switch (node.kind) {
    case 'term':
      return [node.lexeme];
    case 'phrase':
      return [longest(node.words.map((w) => w.lexeme))];
    case 'prefix':
      return [`${node.prefix}*`];
    case 'hashtag':
      return [`#${node.tag}`];
    case 'mention':
      return [`@${node.handle}`];
    case 'field':
    case 'not':
      return null;
    case 'and':
      return bestOf(node.children);
    case 'or':
      return unionOf(node.children);
    case 'near':
      return nearAnchors(node);
  }
};
