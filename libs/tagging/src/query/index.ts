export type {
  FieldName,
  NodeOf,
  PhraseNode,
  PhraseWord,
  PositionalNode,
  PrefixNode,
  QueryNode,
  TermNode,
  TextScope,
} from './ast';
export { QueryError } from './query-error';
export { parseQuery, MAX_QUERY_LENGTH } from './parser';
export { MAX_DEPTH, MAX_TERMS } from './raw-query';
export { MAX_NEAR_DISTANCE } from './lexer';
export { prepareDocument, documentKeys, type MatchableDocument, type PreparedDocument } from './document';
export { compileMatcher, type CompiledMatcher } from './matcher-compiler';
export { requiredTerms } from './required-terms';
export { authorFilters } from './author-filters';
export { compileToSql, type SqlCondition, type SqlOptions } from './postgres-compiler';
