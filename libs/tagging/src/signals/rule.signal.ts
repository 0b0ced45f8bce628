import type { Signal } from '@parley/domain';
import { SIGNAL_WEIGHTS } from './score';
import type { RuleHit } from './thread-facts';

const W = SIGNAL_WEIGHTS.rule;

/**
 * Which rules matched and on which words: `key (word, word); key (word)`. `wordsOf` gives a hit's words as the
 * posts wrote them; the weight counts the matched terms themselves, so "payment" and "payments" are one.
 */
export const ruleSignal = (
  hits: RuleHit[],
  wordsOf: (hit: RuleHit) => string[] = (h) => h.matchedTerms,
): Signal | null => {
  if (hits.length === 0) return null;
  const terms = new Set(hits.flatMap((h) => h.matchedTerms));
  const weight =
    W.base +
    W.perExtraRule * Math.min(hits.length - 1, W.maxExtraRules) +
    W.perExtraTerm * Math.min(Math.max(terms.size - 1, 0), W.maxExtraTerms);
  return {
    kind: 'rule',
    detail: hits.map((h) => `${h.key} (${[...new Set(wordsOf(h))].join(', ')})`).join('; '),
    weight,
  };
};
