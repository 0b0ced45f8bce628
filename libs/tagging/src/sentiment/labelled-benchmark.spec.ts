import { existsSync, readFileSync } from 'node:fs';
import { evaluateClassifier, type SentimentLabel } from '@parley/domain';
import Sentiment from 'sentiment';
import { describe, expect, it } from 'vitest';
import { classifySentiment } from './classifier';

/**
 * No npm package ships a tweet sentiment benchmark (SemEval-2017 4A, TweetEval, Sentiment140's test set), so this
 * measures on the largest honest labelled set one does ship: the 1,000 Amazon phone-review sentences of the UCI
 * "Sentiment Labelled Sentences" set (Kotzias et al., KDD 2015; 500 positive, 500 negative, no neutral), inside
 * wink-sentiment's tests. The classifier was never tuned on it. It is short, informal text, not tweets: the
 * figure says how the rules behave, not what they would score on SemEval.
 */
const AMAZON = (() => {
  try {
    return require.resolve('wink-sentiment/test/data/amazon_cells_labelled.txt');
  } catch {
    return null;
  }
})();

const readAmazon = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const [text, gold] = line.split('\t');
      return { text, gold: (gold.trim() === '1' ? 'positive' : 'negative') as SentimentLabel };
    });

const afinn = new Sentiment();
const afinnLabel = (text: string): SentimentLabel => {
  const c = afinn.analyze(text).comparative;
  return c > 0 ? 'positive' : c < 0 ? 'negative' : 'neutral';
};

describe.skipIf(!AMAZON || !existsSync(AMAZON))('sentiment on the UCI Amazon sentences (shipped by wink-sentiment)', () => {
  it('recalls both classes better than the AFINN word list the tagger uses', () => {
    const rows = readAmazon(AMAZON!);
    expect(rows).toHaveLength(1000);
    const ours = evaluateClassifier(rows.map((r) => ({ gold: r.gold, predicted: classifySentiment(r.text).label })));
    const words = evaluateClassifier(rows.map((r) => ({ gold: r.gold, predicted: afinnLabel(r.text) })));
    // Measured when written: 0.692 here against AFINN's 0.635 (a neutral answer to a labelled sentence is wrong).
    expect(ours.macroRecall!).toBeGreaterThan(words.macroRecall!);
    expect(ours.macroRecall!).toBeGreaterThanOrEqual(0.68);
  });
});
