import type { Signal } from '@parley/domain';

/**
 * Every point a signal can add or take away, in one place so the score can be explained and tuned.
 * The score is the sum of the signals' weights clamped to 0–100. A matched rule plus a real question is
 * about 55; a fresh question a public resource answers reaches the 70s–80s; noise sinks anything.
 */
export const SIGNAL_WEIGHTS = {
  /** The reason an opportunity exists at all: more rules and more matched words, more certainly on topic. */
  rule: { base: 30, perExtraRule: 5, maxExtraRules: 2, perExtraTerm: 2, maxExtraTerms: 5 },
  /** The public replying to the department's own post: the clearest opportunity, with or without a rule. */
  ownThread: { replied: 40 },
  /** Someone asks something: the core of "could usefully take part". On-topic questions count more. */
  question: { asked: 20, onTopic: 25 },
  /** Named or addressed: being @-addressed is a direct request for a reply. */
  mention: { named: 10, addressed: 15 },
  /** The department already has material on exactly this, so a reply is cheap and safe. */
  resourceMatch: { moderate: 8, strong: 15 },
  velocity: { growing: 5, fast: 10 },
  participants: { several: 5, many: 10 },
  /** Negative threads about the department's area are the ones most in need of accurate information. */
  sentiment: { someNegative: 5, mostlyNegative: 10 },
  reach: { thousand: 3, tenThousand: 6, hundredThousand: 10 },
  /** A stale thread is rarely worth reviving, hence the small penalty. */
  recency: { within6h: 10, within48h: 5, older: -5 },
  /** The department has replied: less need, unless the public has carried on since. */
  alreadyEngaged: { answered: -20, postsSince: -8 },
  /** Spam patterns sink the score; shouting alone only dents it, since angry people shout too. */
  noise: { spam: -60, manyLinks: -40, shouting: -15 },
} as const;

export const MIN_SCORE = 0;
export const MAX_SCORE = 100;

/** The sum of the weights, clamped and rounded: deterministic, and stored as an integer. */
export const scoreSignals = (signals: Signal[]): number => {
  const sum = signals.reduce((total, s) => total + s.weight, 0);
  return Math.round(Math.min(MAX_SCORE, Math.max(MIN_SCORE, sum)));
};
