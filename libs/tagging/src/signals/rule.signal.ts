import type { Signal } from '@parley/domain';
import { SIGNAL_WEIGHTS } from './score';
import type { RuleHit } from './thread-facts';

const W = SIGNAL_WEIGHTS.rule;

/** Which rules matched and on which words: `key (term, term); key (term)`. */
export const ruleSignal = (hits: RuleHit[]): Signal | null => {
  if (hits.length === 0) return null;
  const terms = new Set(hits.flatMap((h) => h.matchedTerms));
  const weight =
    W.base +
    W.perExtraRule * Math.min(hits.length - 1, W.maxExtraRules) +
    W.perExtraTerm * Math.min(Math.max(terms.size - 1, 0), W.maxExtraTerms);
  return {
    kind: 'rule',
    detail: hits.map((h) => `${h.key} (${h.matchedTerms.join(', ')})`).join('; '),
    weight,
  };
};
