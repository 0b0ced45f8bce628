import { existsSync } from 'node:fs';
import { evaluateClassifier, type SentimentLabel } from '@parley/domain';
import Sentiment from 'sentiment';
import { describe, expect, it } from 'vitest';
import { AMAZON_SENTENCES_PATH as AMAZON, readAmazonSentences as readAmazon } from './amazon-sentences';
import { classifySentiment } from './classifier';

const afinn = new Sentiment();
const afinnLabel = (text: string): SentimentLabel => {
  const c = afinn.analyze(text).comparative;
  return c > 0 ? 'positive' : c < 0 ? 'negative' : 'neutral';
};

// Not tweets (see amazon-sentences.ts): the figure says how the rules behave, not what they would score on SemEval.
describe.skipIf(!AMAZON || !existsSync(AMAZON))(
  'sentiment on the UCI Amazon sentences (shipped by wink-sentiment)',
  () => {
    it('recalls both classes better than the AFINN word list the tagger uses', () => {
      const rows = readAmazon(AMAZON!);
      expect(rows).toHaveLength(1000);
      const ours = evaluateClassifier(
        rows.map((r) => ({ gold: r.gold, predicted: classifySentiment(r.text).label })),
      );
      const words = evaluateClassifier(rows.map((r) => ({ gold: r.gold, predicted: afinnLabel(r.text) })));
      // Measured when written: 0.692 here against AFINN's 0.635 (a neutral answer to a labelled sentence is wrong).
      expect(ours.macroRecall!).toBeGreaterThan(words.macroRecall!);
      expect(ours.macroRecall!).toBeGreaterThanOrEqual(0.68);
    });
  },
);
