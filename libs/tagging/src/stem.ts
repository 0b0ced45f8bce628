import { newStemmer } from 'snowball-stemmers';

const stemmer = newStemmer('english');
/** Lower-cased word → its Snowball stem. Social text repeats a small vocabulary, and stemming is the slow part. */
const cache = new Map<string, string>();
// Bounded in count and word length, because an attacker's text need not repeat.
export const CACHE_SIZE = 200_000;
export const CACHED_WORD_LENGTH = 64;

/** The english Snowball stem of an already lower-cased word (as Postgres' english_stem computes it). */
export const stem = (lowerWord: string): string => {
  if (lowerWord.length > CACHED_WORD_LENGTH) return stemmer.stem(lowerWord);
  let stemmed = cache.get(lowerWord);
  if (stemmed === undefined) {
    stemmed = stemmer.stem(lowerWord);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(lowerWord, stemmed);
  }
  return stemmed;
};
