import { KEY_PATTERN, PLATFORMS } from '@parley/domain';
import type { FieldName, PhraseWord, QueryNode, TextScope } from './ast';
import { HANDLE_PATTERN, TAG_PATTERN } from './text-patterns';
import { QueryError } from './query-error';
import { pgLower, positionedLexemes, prefixLexeme } from './text-search';

const MAX_WORD_LENGTH = 200;
const MIN_PREFIX_LETTERS = 3;
/** documentKeys() indexes prefixes of up to 200 UTF-16 units; 100 code points always fit. */
const MAX_PREFIX_LENGTH = 100;
const SITE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/;

/** The lexemes of a word or phrase with their distances from the first; empty when all are stop words. */
export const phraseWords = (text: string): PhraseWord[] => {
  const words: PhraseWord[] = [];
  positionedLexemes(text).forEach((lexeme, index) => {
    if (lexeme !== null) words.push({ lexeme, offset: index });
  });
  const first = words[0]?.offset ?? 0;
  return words.map((w) => ({ lexeme: w.lexeme, offset: w.offset - first }));
};

/** A word or phrase as the search sees it: one lexeme, several (a phrase), or none (only stop words). */
export const textLeaf = (text: string, scope: TextScope, at: number): QueryNode | null => {
  if (text.length > MAX_WORD_LENGTH) {
    throw new QueryError(`"${text.slice(0, 20)}…" is too long: at most ${MAX_WORD_LENGTH} characters`, at);
  }
  const words = phraseWords(text);
  if (words.length === 0) return null;
  if (words.length === 1) return { kind: 'term', lexeme: words[0].lexeme, scope };
  return { kind: 'phrase', words, scope };
};

export const prefixLeaf = (text: string, scope: TextScope, at: number): QueryNode => {
  const body = text.slice(0, -1);
  if (body.includes('*')) throw new QueryError(`"${text}": "*" can only end a word, as in consult*`, at);
  if (!/^[\p{L}\p{N}\p{M}]+$/u.test(body)) {
    throw new QueryError(`"${text}": a wildcard can only follow letters and digits`, at);
  }
  if ([...body].length > MAX_PREFIX_LENGTH) {
    throw new QueryError(
      `"${text.slice(0, 20)}…": a wildcard word can be at most ${MAX_PREFIX_LENGTH} letters`,
      at,
    );
  }
  if ([...body].length < MIN_PREFIX_LETTERS) {
    throw new QueryError(`"${text}": a wildcard needs at least ${MIN_PREFIX_LETTERS} letters before "*"`, at);
  }
  const prefix = prefixLexeme(body);
  if (prefix === null) throw new QueryError(`"${text}": a wildcard can only follow letters and digits`, at);
  return { kind: 'prefix', prefix, scope };
};

/** A bare word: `#tag`, `@handle`, `prefix*` or a search word. */
export const wordLeaf = (text: string, scope: TextScope, at: number): QueryNode | null => {
  if (scope === 'all' && text.startsWith('#') && text.length > 1) return hashtagLeaf(text, at);
  if (scope === 'all' && text.startsWith('@') && text.length > 1) return mentionLeaf(text, at);
  if (text.endsWith('*')) return prefixLeaf(text, scope, at);
  if (text.includes('*')) throw new QueryError(`"${text}": "*" can only end a word, as in consult*`, at);
  return textLeaf(text, scope, at);
};

const hashtagLeaf = (text: string, at: number): QueryNode => {
  const tag = pgLower(text.slice(1));
  if (!TAG_PATTERN.test(tag)) {
    throw new QueryError(`"${text}": a hashtag can contain only letters, digits and "_"`, at);
  }
  return { kind: 'hashtag', tag };
};

const mentionLeaf = (text: string, at: number): QueryNode => {
  const handle = pgLower(text.slice(1));
  if (!HANDLE_PATTERN.test(handle)) {
    throw new QueryError(
      `"${text}": a mention is @ and a handle of letters, digits and "_", joined by ".", "-" or "@"`,
      at,
    );
  }
  return { kind: 'mention', handle };
};

const fieldValue = (field: FieldName, raw: string, at: number): string => {
  const value = pgLower(raw.trim());
  const fail = (expected: string) => new QueryError(`${field}: ${expected}, not "${raw}"`, at);
  switch (field) {
    case 'author': {
      const handle = value.replace(/^@+/, '');
      if (!handle || /[\s"()]/.test(handle)) throw fail('takes a handle such as dwp or @dwp');
      return handle;
    }
    case 'site':
      if (!SITE.test(value)) throw fail('takes a host name such as gov.uk');
      return value;
    case 'source':
      if (!KEY_PATTERN.test(value)) throw fail('takes a source key such as mastodon-dwp');
      return value;
    case 'lang': {
      const language = value.replace(/_/g, '-');
      if (!LANGUAGE.test(language)) throw fail('takes a language code such as en or cy');
      return language;
    }
    case 'platform':
      if (!(PLATFORMS as readonly string[]).includes(value))
        throw fail(`must be one of ${PLATFORMS.join(', ')}`);
      return value;
  }
};

/** `author:`, `site:`, `source:`, `lang:`, `platform:` — quotes are allowed but the value is one token. */
export const fieldLeaf = (field: FieldName, value: string, at: number): QueryNode => ({
  kind: 'field',
  field,
  value: fieldValue(field, value, at),
});
