import type { FieldName } from './ast';
import { QueryError } from './query-error';

export const MAX_NEAR_DISTANCE = 50;
export const FIELD_NAMES: readonly (FieldName | 'title')[] = [
  'title',
  'author',
  'site',
  'source',
  'lang',
  'platform',
];

type SimpleToken<K> = K extends string ? { kind: K; at: number } : never;

export type QueryToken =
  | SimpleToken<'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus' | 'end'>
  | { kind: 'near'; at: number; distance: number; ordered: boolean; text: string }
  | { kind: 'word'; at: number; text: string }
  | { kind: 'phrase'; at: number; text: string }
  | { kind: 'field'; at: number; field: FieldName | 'title'; value: string; quoted: boolean };

const WHITESPACE = /\s/;
const WORD_END = /[\s()"]/;
// Schemes are not fields: `https://gov.uk/x` is searched for as written.
const URL_SCHEMES = new Set(['http', 'https']);

const readWordEnd = (text: string, from: number): number => {
  let end = from;
  while (end < text.length && !WORD_END.test(text[end])) end++;
  return end;
};

/** A quoted phrase starting at `at` (the opening quote); returns its text and the index after it. */
const readPhrase = (text: string, at: number): { text: string; end: number } => {
  const close = text.indexOf('"', at + 1);
  if (close < 0)
    throw new QueryError(`expected a closing " for the phrase that starts at position ${at}`, at);
  return { text: text.slice(at + 1, close), end: close + 1 };
};

const nearToken = (word: string, at: number): QueryToken | null => {
  const match = /^(O?NEAR)(?:\/(.*))?$/.exec(word);
  if (!match) return null;
  const [, operator, distanceText] = match;
  if (distanceText === undefined || !/^\d+$/.test(distanceText)) {
    throw new QueryError(`"${operator}" needs a distance in words, e.g. ${operator}/5`, at);
  }
  const distance = Number(distanceText);
  if (distance < 1 || distance > MAX_NEAR_DISTANCE) {
    throw new QueryError(`"${word}": the distance must be between 1 and ${MAX_NEAR_DISTANCE} words`, at);
  }
  return { kind: 'near', at, distance, ordered: operator === 'ONEAR', text: word };
};

const fieldName = (name: string, at: number): FieldName | 'title' | null => {
  const lower = name.toLowerCase();
  const field = FIELD_NAMES.find((f) => f === lower);
  if (field) return field;
  if (URL_SCHEMES.has(lower)) return null;
  throw new QueryError(
    `unknown field "${name}:"; the fields are ${FIELD_NAMES.map((f) => `${f}:`).join(', ')} (put the text in quotes to search for it)`,
    at,
  );
};

const OPERATORS = new Map<string, 'and' | 'or' | 'not'>([
  ['AND', 'and'],
  ['OR', 'or'],
  ['NOT', 'not'],
]);

/** A bare word: an operator, a field filter (`site:gov.uk`) or a search word. */
const wordToken = (word: string, at: number): QueryToken => {
  const operator = OPERATORS.get(word);
  if (operator) return { kind: operator, at };
  const near = nearToken(word, at);
  if (near) return near;
  const field = /^([A-Za-z]+):(.+)$/s.exec(word);
  const name = field && fieldName(field[1], at);
  if (field && name) return { kind: 'field', at, field: name, value: field[2], quoted: false };
  return { kind: 'word', at, text: word };
};

/** `title:` directly followed by a quote, or a bare `site:` with nothing after it. */
const emptyFieldToken = (text: string, word: string, at: number, end: number) => {
  const name = fieldName(word.slice(0, -1), at);
  if (!name) return null;
  if (text[end] !== '"') {
    throw new QueryError(
      `"${word}" needs a value right after the colon, e.g. ${name}:${exampleOf(name)}`,
      at,
    );
  }
  const phrase = readPhrase(text, end);
  const token: QueryToken = { kind: 'field', at, field: name, value: phrase.text, quoted: true };
  return { token, end: phrase.end };
};

const exampleOf = (field: FieldName | 'title'): string =>
  ({
    title: 'consultation',
    author: 'dwp',
    site: 'gov.uk',
    source: 'mastodon-dwp',
    lang: 'en',
    platform: 'mastodon',
  })[field];

const minusToken = (text: string, at: number): QueryToken => {
  const next = text[at + 1];
  if (next === undefined || WHITESPACE.test(next) || next === ')') {
    throw new QueryError('"-" must be followed by the word to leave out, e.g. -refund', at);
  }
  return { kind: 'minus', at };
};

/** Splits a query into tokens; throws a QueryError at the first thing it cannot read. */
export const lexQuery = (text: string): QueryToken[] => {
  const tokens: QueryToken[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (WHITESPACE.test(char)) at++;
    else if (char === '(' || char === ')')
      tokens.push({ kind: char === '(' ? 'lparen' : 'rparen', at: at++ });
    else if (char === '-') tokens.push(minusToken(text, at++));
    else if (char === '"') {
      const phrase = readPhrase(text, at);
      tokens.push({ kind: 'phrase', at, text: phrase.text });
      at = phrase.end;
    } else at = readWord(text, at, tokens);
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
};

const readWord = (text: string, at: number, tokens: QueryToken[]): number => {
  const end = readWordEnd(text, at);
  const word = text.slice(at, end);
  if (/^[A-Za-z]+:$/.test(word)) {
    const field = emptyFieldToken(text, word, at, end);
    if (field) {
      tokens.push(field.token);
      return field.end;
    }
  }
  tokens.push(wordToken(word, at));
  return end;
};
