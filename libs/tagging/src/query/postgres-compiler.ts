import type { NodeOf, PositionalNode, QueryNode } from './ast';
import { hashtagRegex, mentionRegex, siteRegex } from './text-patterns';

/** A boolean SQL condition over `post p JOIN source s ON s.id = p.source_id`, for `WHERE <sql>`. */
export type SqlCondition = { sql: string; params: unknown[] };

export type SqlOptions = {
  /** Number of the first placeholder, when the condition joins a query that already uses $1…$n. */
  firstParameter?: number;
};

class Parameters {
  readonly values: unknown[] = [];
  constructor(private readonly first: number) {}

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.first + this.values.length - 1}`;
  }
}

/** A lexeme in tsquery input syntax. Lexemes are already normalised, so the query is cast, not re-parsed. */
const quote = (lexeme: string): string => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

const label = (node: PositionalNode): string => (node.scope === 'title' ? 'A' : '');

const positionalTsquery = (node: PositionalNode): string => {
  switch (node.kind) {
    case 'term':
      return node.scope === 'title' ? `${quote(node.lexeme)}:A` : quote(node.lexeme);
    case 'prefix':
      return `${quote(node.prefix)}:*${label(node)}`;
    case 'phrase':
      return node.words
        .map((w, i) => {
          const operand = node.scope === 'title' ? `${quote(w.lexeme)}:A` : quote(w.lexeme);
          return i === 0 ? operand : `<${w.offset - node.words[i - 1].offset}> ${operand}`;
        })
        .join(' ');
  }
};

const widthOf = (node: PositionalNode): number =>
  node.kind === 'phrase' ? node.words[node.words.length - 1].offset : 0;

/**
 * Alternatives grouped by match width: inside a phrase operator, tsquery aligns the alternatives of an
 * OR to the widest one, so only alternatives of equal width can share a group without changing meaning.
 */
const groupsByWidth = (side: PositionalNode[]): string[] => {
  const groups = new Map<number, string[]>();
  for (const node of side) {
    const width = widthOf(node);
    groups.set(width, [...(groups.get(width) ?? []), `(${positionalTsquery(node)})`]);
  }
  return [...groups.values()].map((alternatives) =>
    alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' | ')})`,
  );
};

/** tsquery's `a <d> b` is an exact distance, so "within n" is the OR of every distance 1..n (and both orders). */
const nearTsquery = (node: NodeOf<'near'>): string => {
  const clauses: string[] = [];
  for (const left of groupsByWidth(node.left)) {
    for (const right of groupsByWidth(node.right)) {
      for (let d = 1; d <= node.distance; d++) {
        clauses.push(`${left} <${d}> ${right}`);
        if (!node.ordered) clauses.push(`${right} <${d}> ${left}`);
      }
    }
  }
  return `(${clauses.join(' | ')})`;
};

const isTextOnly = (node: QueryNode): boolean => {
  switch (node.kind) {
    case 'term':
    case 'phrase':
    case 'prefix':
    case 'near':
      return true;
    case 'and':
    case 'or':
      return node.children.every(isTextOnly);
    case 'not':
      return isTextOnly(node.child);
    default:
      return false;
  }
};

const tsqueryOf = (node: QueryNode): string => {
  switch (node.kind) {
    case 'term':
    case 'phrase':
    case 'prefix':
      return positionalTsquery(node);
    case 'near':
      return nearTsquery(node);
    case 'and':
    case 'or':
      return `(${node.children.map(tsqueryOf).join(node.kind === 'and' ? ' & ' : ' | ')})`;
    case 'not':
      return `!(${tsqueryOf(node.child)})`;
    default:
      throw new Error(`${node.kind} has no tsquery form`);
  }
};

// Columns that may be NULL are wrapped in coalesce(…, false): under NOT, SQL's unknown would
// otherwise drop the row where the matcher says "true".
const fieldSql = (node: NodeOf<'field'>, params: Parameters): string => {
  const { value } = node;
  switch (node.field) {
    case 'author':
      return `coalesce(ltrim(lower(p.author_handle), '@') = ${params.add(value)}, false)`;
    case 'site':
      return `coalesce(p.url ~* ${params.add(siteRegex(value))}, false)`;
    case 'source':
      return `s.key = ${params.add(value)}`;
    case 'lang': {
      const language = `replace(lower(p.language), '_', '-')`;
      const exact = params.add(value);
      return `coalesce(${language} = ${exact} OR starts_with(${language}, ${params.add(`${value}-`)}), false)`;
    }
    case 'platform':
      return `coalesce(lower(p.platform) = ${params.add(value)}, false)`;
  }
};

const textMatch = (nodes: QueryNode[], joiner: ' & ' | ' | ', params: Parameters): string => {
  const tsquery = nodes.length === 1 ? tsqueryOf(nodes[0]) : nodes.map(tsqueryOf).join(joiner);
  return `p.search_vector @@ ${params.add(tsquery)}::tsquery`;
};

/** AND/OR: the children that are pure text search share one tsquery, so one index scan serves them. */
const booleanSql = (node: NodeOf<'and' | 'or'>, params: Parameters): string => {
  const text = node.children.filter(isTextOnly);
  const parts = text.length > 0 ? [textMatch(text, node.kind === 'and' ? ' & ' : ' | ', params)] : [];
  for (const child of node.children) if (!isTextOnly(child)) parts.push(sqlOf(child, params));
  return `(${parts.join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
};

const sqlOf = (node: QueryNode, params: Parameters): string => {
  if (isTextOnly(node)) return textMatch([node], ' & ', params);
  switch (node.kind) {
    case 'and':
    case 'or':
      return booleanSql(node, params);
    case 'not':
      return `NOT (${sqlOf(node.child, params)})`;
    case 'field':
      return fieldSql(node, params);
    case 'hashtag':
      return `lower(p.text) ~ ${params.add(hashtagRegex(node.tag))}`;
    case 'mention':
      return `lower(p.text) ~ ${params.add(mentionRegex(node.handle))}`;
    default:
      throw new Error(`unexpected ${node.kind}`);
  }
};

/**
 * Compiles a parsed rule to a SQL condition that selects exactly the posts compileMatcher() matches.
 * User text never reaches to_tsquery: the tsquery is built from lexemes and passed as a parameter.
 */
export const compileToSql = (ast: QueryNode, options: SqlOptions = {}): SqlCondition => {
  const params = new Parameters(options.firstParameter ?? 1);
  const sql = sqlOf(ast, params);
  return { sql, params: params.values };
};
