const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+)(s|m|h|d)$/;

/**
 * How often a source may be fetched: not more than twice a minute, and at least weekly. The upper bound also keeps
 * the interval within the database's integer column (about 24.8 days of milliseconds).
 */
export const MIN_INTERVAL_MS = 30_000;
export const MAX_INTERVAL_MS = 7 * 86_400_000;

/** Parses `30s`, `5m`, `1h`, `1d` into milliseconds; returns null for anything else. */
export const parseDuration = (text: string): number | null => {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
};

/** The inverse of `parseDuration`: the largest whole unit, so an exported interval reads back the same. */
export const formatDuration = (ms: number): string => {
  const unit = (['d', 'h', 'm'] as const).find((u) => ms % UNIT_MS[u] === 0);
  return unit ? `${ms / UNIT_MS[unit]}${unit}` : `${Math.round(ms / UNIT_MS.s)}s`;
};
