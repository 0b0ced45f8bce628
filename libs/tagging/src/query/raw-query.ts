import type { FieldName, TextScope } from './ast';
import { lexQuery, type QueryToken } from './lexer';
import { QueryError } from './query-error';

export const MAX_DEPTH = 10;
export const MAX_TERMS = 100;

/** The query as written, with source positions, before stemming: what error messages point into. */
export type RawNode =
  | { kind: 'word'; at: number; text: string; scope: TextScope }
  | { kind: 'phrase'; at: number; text: string; scope: TextScope }
  | { kind: 'field'; at: number; field: FieldName; value: string }
  | { kind: 'and'; at: number; children: RawNode[] }
  | { kind: 'or'; at: number; children: RawNode[] }
  | { kind: 'not'; at: number; child: RawNode }
  | {
      kind: 'near';
      at: number;
      left: RawNode;
      right: RawNode;
      distance: number;
      ordered: boolean;
      text: string;
    };

type Token<K extends QueryToken['kind']> = Extract<QueryToken, { kind: K }>;

const STARTS_OPERAND = new Set<QueryToken['kind']>(['lparen', 'not', 'minus', 'word', 'phrase', 'field']);

/**
 * Recursive descent over the tokens. Precedence, tightest first: NOT (and `-`), NEAR/ONEAR, AND
 * (written or implied by adjacent terms), OR.
 */
class RawParser {
  private index = 0;
  private depth = 0;
  private terms = 0;

  constructor(private readonly tokens: QueryToken[]) {}

  parse(): RawNode {
    const node = this.parseOr();
    const token = this.peek();
    if (token.kind === 'rparen') {
      throw new QueryError(
        `unexpected ")" at position ${token.at}: there is no "(" for it to close`,
        token.at,
      );
    }
    return node;
  }

  private peek(): QueryToken {
    return this.tokens[this.index];
  }

  private take(): QueryToken {
    return this.tokens[this.index++];
  }

  private parseOr(): RawNode {
    const first = this.parseAnd();
    const children = [first];
    while (this.peek().kind === 'or') {
      this.take();
      children.push(this.parseAnd());
    }
    return children.length === 1 ? first : { kind: 'or', at: first.at, children };
  }

  private parseAnd(): RawNode {
    const first = this.parseNear();
    const children = [first];
    for (;;) {
      const kind = this.peek().kind;
      if (kind === 'and') this.take();
      else if (!STARTS_OPERAND.has(kind)) break;
      children.push(this.parseNear());
    }
    return children.length === 1 ? first : { kind: 'and', at: first.at, children };
  }

  private parseNear(): RawNode {
    const left = this.parseUnary();
    if (this.peek().kind !== 'near') return left;
    const near = this.take() as Token<'near'>;
    const right = this.parseUnary();
    const next = this.peek();
    if (next.kind === 'near') {
      throw new QueryError(
        `"${near.text} … ${(next as Token<'near'>).text}": NEAR cannot be chained; join the pairs with AND instead`,
        next.at,
      );
    }
    const { distance, ordered, text } = near;
    return { kind: 'near', at: near.at, left, right, distance, ordered, text };
  }

  private parseUnary(): RawNode {
    const token = this.peek();
    if (token.kind !== 'not' && token.kind !== 'minus') return this.parsePrimary();
    this.take();
    this.enter(token.at);
    const child = this.parseUnary();
    this.depth--;
    return { kind: 'not', at: token.at, child };
  }

  private enter(at: number): void {
    if (++this.depth > MAX_DEPTH) {
      throw new QueryError(`brackets and NOTs nest too deeply here (at most ${MAX_DEPTH} levels)`, at);
    }
  }

  private parsePrimary(): RawNode {
    const token = this.take();
    switch (token.kind) {
      case 'lparen':
        return this.parseGroup(token);
      case 'word':
      case 'phrase':
        return this.leaf({ kind: token.kind, at: token.at, text: token.text, scope: 'all' });
      case 'field':
        return this.fieldLeaf(token);
      default:
        throw this.expectedOperand(token);
    }
  }

  private parseGroup(open: Token<'lparen'>): RawNode {
    this.enter(open.at);
    if (this.peek().kind === 'rparen') {
      throw new QueryError(`empty brackets at position ${open.at}: put words inside or remove them`, open.at);
    }
    const inner = this.parseOr();
    const close = this.take();
    if (close.kind !== 'rparen') {
      throw new QueryError(`expected a closing ")" for the "(" at position ${open.at}`, close.at);
    }
    this.depth--;
    return inner;
  }

  private fieldLeaf(token: Token<'field'>): RawNode {
    const { at, field, value, quoted } = token;
    if (field !== 'title') return this.leaf({ kind: 'field', at, field, value });
    return this.leaf({ kind: quoted ? 'phrase' : 'word', at, text: value, scope: 'title' });
  }

  private leaf(node: RawNode): RawNode {
    const words = node.kind === 'phrase' ? Math.max(1, node.text.split(/\s+/).filter(Boolean).length) : 1;
    this.terms += words;
    if (this.terms > MAX_TERMS) {
      throw new QueryError(`a query can have at most ${MAX_TERMS} terms; this one has more`, node.at);
    }
    return node;
  }

  private expectedOperand(token: QueryToken): QueryError {
    const { at } = token;
    switch (token.kind) {
      case 'end':
        return new QueryError('the query ends where a word or group was expected', at);
      case 'rparen':
        return new QueryError(`unexpected ")" at position ${at}: a word or group was expected first`, at);
      case 'near':
        return new QueryError(`"${token.text}" needs a word or phrase on each side`, at);
      default:
        return new QueryError(`"${token.kind.toUpperCase()}" needs a word or group on each side`, at);
    }
  }
}

/** Reads a query into its raw tree; every syntax error is a QueryError with a position. */
export const parseRawQuery = (text: string): RawNode => new RawParser(lexQuery(text)).parse();
