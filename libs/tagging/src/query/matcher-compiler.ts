import type { NodeOf, PositionalNode, QueryNode } from './ast';
import type { PreparedDocument } from './document';
import { follows, phraseStarts, positionsOf, prefixMatches, spansOf } from './positions';
import { hostIsUnder } from './text-patterns';

/** A rule compiled for in-process matching. */
export type CompiledMatcher = {
  /** Whether the rule matches the post: the same answer as the compiled SQL gives for its row. */
  readonly matches: (doc: PreparedDocument) => boolean;
  /**
   * For explanations: what the post contains that made the rule match — lexemes (a phrase's joined by
   * spaces, a prefix's as the post's own lexemes), "#tag", "@handle", "site:gov.uk"… Empty when it
   * does not match. Parts under NOT never count.
   */
  readonly matchedTerms: (doc: PreparedDocument) => string[];
};

type Compiled = {
  test: (doc: PreparedDocument) => boolean;
  /** Adds the evidence of a node already known to match. */
  collect: (doc: PreparedDocument, out: Set<string>) => void;
};

const phraseText = (node: NodeOf<'phrase'>): string => node.words.map((w) => w.lexeme).join(' ');

const positional = (node: PositionalNode): Compiled => {
  switch (node.kind) {
    case 'term':
      return {
        test: (doc) => positionsOf(doc, node.lexeme, node.scope).length > 0,
        collect: (_doc, out) => out.add(node.lexeme),
      };
    case 'phrase':
      return {
        test: (doc) => phraseStarts(doc, node, true).length > 0,
        collect: (_doc, out) => out.add(phraseText(node)),
      };
    case 'prefix':
      return {
        test: (doc) => prefixMatches(doc, node).length > 0,
        collect: (doc, out) => prefixMatches(doc, node).forEach((l) => out.add(l)),
      };
  }
};

const near = (node: NodeOf<'near'>): Compiled => {
  const operands = [...node.left, ...node.right].map(positional);
  const test = (doc: PreparedDocument) => {
    const left = node.left.flatMap((n) => spansOf(doc, n));
    if (left.length === 0) return false;
    const right = node.right.flatMap((n) => spansOf(doc, n));
    return follows(left, right, node.distance) || (!node.ordered && follows(right, left, node.distance));
  };
  const collect = (doc: PreparedDocument, out: Set<string>) =>
    operands.filter((o) => o.test(doc)).forEach((o) => o.collect(doc, out));
  return { test, collect };
};

const fieldTest = (node: NodeOf<'field'>): ((doc: PreparedDocument) => boolean) => {
  const { value } = node;
  switch (node.field) {
    case 'author':
      return (doc) => doc.authorHandle === value;
    case 'site':
      return (doc) => hostIsUnder(doc.host, value);
    case 'source':
      return (doc) => doc.source === value;
    case 'lang':
      return (doc) =>
        doc.language !== null && (doc.language === value || doc.language.startsWith(`${value}-`));
    case 'platform':
      return (doc) => doc.platform === value;
  }
};

const constant =
  (evidence: string) =>
  (_doc: PreparedDocument, out: Set<string>): void => {
    out.add(evidence);
  };

const boolean = (node: NodeOf<'and' | 'or'>): Compiled => {
  const children = node.children.map(compile);
  const test =
    node.kind === 'and'
      ? (doc: PreparedDocument) => children.every((c) => c.test(doc))
      : (doc: PreparedDocument) => children.some((c) => c.test(doc));
  const collect = (doc: PreparedDocument, out: Set<string>) =>
    children.filter((c) => c.test(doc)).forEach((c) => c.collect(doc, out));
  return { test, collect };
};

const compile = (node: QueryNode): Compiled => {
  switch (node.kind) {
    case 'term':
    case 'phrase':
    case 'prefix':
      return positional(node);
    case 'and':
    case 'or':
      return boolean(node);
    case 'not': {
      const child = compile(node.child);
      return { test: (doc) => !child.test(doc), collect: () => undefined };
    }
    case 'near':
      return near(node);
    case 'field':
      return { test: fieldTest(node), collect: constant(`${node.field}:${node.value}`) };
    case 'hashtag':
      return { test: (doc) => doc.hashtags.has(node.tag), collect: constant(`#${node.tag}`) };
    case 'mention':
      return { test: (doc) => doc.mentions.has(node.handle), collect: constant(`@${node.handle}`) };
  }
};

/** Compiles a parsed rule into a predicate over prepared documents (built once per rule, reused per post). */
export const compileMatcher = (ast: QueryNode): CompiledMatcher => {
  const root = compile(ast);
  return {
    matches: root.test,
    matchedTerms: (doc) => {
      if (!root.test(doc)) return [];
      const out = new Set<string>();
      root.collect(doc, out);
      return [...out];
    },
  };
};
