import { readFileSync } from 'node:fs';
import type { SentimentLabel } from '@parley/domain';

/**
 * No npm package ships a tweet sentiment benchmark (SemEval-2017 4A, TweetEval, Sentiment140's test set), so the
 * spec and the bench measure on the largest honest labelled set one does ship: the 1,000 Amazon phone-review
 * sentences of the UCI "Sentiment Labelled Sentences" set (Kotzias et al., KDD 2015; 500 positive, 500 negative,
 * no neutral), inside wink-sentiment's tests. The classifier was never tuned on it. Null when the file is absent.
 */
export const AMAZON_SENTENCES_PATH: string | null = (() => {
  try {
    return require.resolve('wink-sentiment/test/data/amazon_cells_labelled.txt');
  } catch {
    return null;
  }
})();

/** `sentence<TAB>0|1` a line; 1 is positive. */
export const readAmazonSentences = (path: string): { text: string; gold: SentimentLabel }[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const [text, gold] = line.split('\t');
      return { text, gold: gold.trim() === '1' ? 'positive' : 'negative' };
    });
