import { evaluateClassifier } from '@parley/domain';
import { AMAZON_SENTENCES_PATH, classifySentiment, readAmazonSentences } from '@parley/tagging';

const ROUNDS = 200;

/**
 * Classifies the 1,000 labelled UCI Amazon sentences (see amazon-sentences.ts) ROUNDS times on this one thread,
 * after a warm-up round, and scores one round against the labels (not tweets: no npm package ships a tweet
 * benchmark). `postsPerSecond` is the target's figure (≥ 20,000 on one core).
 */
export const runSentimentBench = async (): Promise<Record<string, unknown>> => {
  if (!AMAZON_SENTENCES_PATH) throw new Error('wink-sentiment is not installed: run npm ci');
  const rows = readAmazonSentences(AMAZON_SENTENCES_PATH);
  const evaluation = evaluateClassifier(
    rows.map((r) => ({ gold: r.gold, predicted: classifySentiment(r.text).label })),
  );
  const started = process.hrtime.bigint();
  let posts = 0;
  // Summing the scores keeps every call's result in use, so the engine cannot skip any of them.
  let checksum = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const r of rows) checksum += classifySentiment(r.text).score;
    posts += rows.length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    posts,
    postsPerSecond: Math.round(posts / seconds),
    benchmark: 'UCI Sentiment Labelled Sentences, Amazon (1,000; positive/negative only)',
    macroRecall: evaluation.macroRecall,
    accuracy: evaluation.accuracy,
    macroF1: evaluation.macroF1,
    checksum: Math.round(checksum),
  };
};
