import { stem } from './stem';
import { ENGLISH_STOP_WORDS } from './stop-words';

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

/** Lower-cased, stop words dropped, Snowball-stemmed: the lexemes Postgres' `english` configuration would index. */
export const lexemes = (text: string): string[] => {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0].replace(/'s$/, '');
    if (!ENGLISH_STOP_WORDS.has(word)) out.push(stem(word));
  }
  return out;
};

/** Sentences, for showing the one that asks a question. */
export const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
