import type { EngagementGroupRow } from '@parley/db';

/** Engagements summed per key (a type, a route, a mode), every key present, so an absent one reads 0 rather than missing. */
export const countBy = <K extends string>(
  keys: readonly K[],
  groups: EngagementGroupRow[],
  of: (g: EngagementGroupRow) => string | null,
) => {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const group of groups) {
    const key = of(group) as K | null;
    if (key !== null && key in counts) counts[key] += group.engagements;
  }
  return counts;
};
