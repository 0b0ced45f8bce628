/** The parsed form of a listening rule, after stemming: what both compilers work from. */

/** `title` matches only the post's title (the tsvector's weight-A positions); `all` title and text. */
export type TextScope = 'all' | 'title';

/** A word of a phrase: its lexeme and its distance from the phrase's first lexeme (stop words count). */
export type PhraseWord = { lexeme: string; offset: number };

export type TermNode = { kind: 'term'; lexeme: string; scope: TextScope };
export type PhraseNode = { kind: 'phrase'; words: PhraseWord[]; scope: TextScope };
export type PrefixNode = { kind: 'prefix'; prefix: string; scope: TextScope };
/** What NEAR can join: something with positions in the text. */
export type PositionalNode = TermNode | PhraseNode | PrefixNode;

export type FieldName = 'author' | 'site' | 'source' | 'lang' | 'platform';

export type QueryNode =
  | PositionalNode
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  /** Each side is a list of alternatives (an OR group); `distance` counts word positions, stop words included. */
  | { kind: 'near'; left: PositionalNode[]; right: PositionalNode[]; distance: number; ordered: boolean }
  | { kind: 'field'; field: FieldName; value: string }
  | { kind: 'hashtag'; tag: string }
  | { kind: 'mention'; handle: string };

export type NodeOf<K extends QueryNode['kind']> = Extract<QueryNode, { kind: K }>;
