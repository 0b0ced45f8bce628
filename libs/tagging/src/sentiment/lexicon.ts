import { readFileSync } from 'node:fs';

/**
 * The VADER lexicon (Hutto & Gilbert, ICWSM 2014: 7,500 words, slang and emoticons rated by ten people each on
 * −4…+4), read from the copy the `vader-sentiment` package ships (Apache-2.0), and wink-sentiment's emoji scores
 * (MIT; derived from the CC BY-SA 4.0 Emoji Sentiment Ranking, −5…+5). Both are files in node_modules: nothing is
 * fetched at run time, and the same text always scores the same.
 */
const readVader = (): Map<string, number> => {
  const text = readFileSync(require.resolve('vader-sentiment/vader_lexicon.txt'), 'utf8');
  const words = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [token, mean] = line.split('\t');
    if (token && mean) words.set(token, Number(mean));
  }
  return words;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS data file without types
const winkEmojis = require('wink-sentiment/src/emojis.js') as Record<string, number>;

/** The emoji's score on VADER's scale (wink rates on ±5, VADER on ±4). */
const readEmojis = (): Map<string, number> =>
  new Map(Object.entries(winkEmojis).map(([emoji, score]) => [emoji, (score * 4) / 5]));

export const VADER_WORDS: ReadonlyMap<string, number> = readVader();
export const EMOJIS: ReadonlyMap<string, number> = readEmojis();
