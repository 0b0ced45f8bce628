/** What a rise's severity is judged on: how far over the bar, how widely spread, how many people could see it. */
export type SeverityInput = {
  /** observed ÷ threshold for a rise; points fallen ÷ the points allowed for a sentiment turn. */
  size: number;
  sources: number;
  platforms: number;
  /** Σ followers of the window's distinct authors (an upper bound on who could see it). */
  reach: number;
};

/** Over the bar by half again, and three times over: each a step up. */
const SIZE_STEPS = [1.5, 3];
/** Spread: several sources, or more than one platform, is a conversation rather than one thread's noise. */
const WIDE_SOURCES = 3;
const WIDE_PLATFORMS = 2;
/** Reach: a hundred thousand followers between the authors is national-news territory for a department. */
const WIDE_REACH = 100_000;

/**
 * Severity from 1 (just over the bar, one place, few eyes) to 5 (far over it, across sources and platforms, wide
 * reach): 1, plus one for each size step passed, one for spread and one for reach.
 */
export const severityOf = ({ size, sources, platforms, reach }: SeverityInput): 1 | 2 | 3 | 4 | 5 => {
  const steps = SIZE_STEPS.filter((s) => size >= s).length;
  const spread = sources >= WIDE_SOURCES || platforms >= WIDE_PLATFORMS ? 1 : 0;
  const wide = reach >= WIDE_REACH ? 1 : 0;
  return Math.min(5, 1 + steps + spread + wide) as 1 | 2 | 3 | 4 | 5;
};
