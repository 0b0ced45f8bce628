import { z } from 'zod';

/** Edit distance between two short words (keys), for "did you mean" suggestions. */
const distance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
};

/** The known key a mistyped one most likely meant, or null when none is close. */
export const nearestKey = (typed: string, known: readonly string[]): string | null => {
  const lower = typed.toLowerCase();
  const scored = known
    .map((key) => ({ key, d: distance(lower, key.toLowerCase()) }))
    .filter(({ key, d }) => d <= Math.max(2, Math.floor(key.length / 3)))
    .sort((a, b) => a.d - b.d);
  return scored[0]?.key ?? null;
};

/** "did you mean `rules`?", or the keys there are when nothing is close. */
export const unknownKeyMessage = (typed: string, known: readonly string[], what = 'key'): string => {
  const nearest = nearestKey(typed, known);
  if (nearest) return `unknown ${what} "${typed}": did you mean "${nearest}"?`;
  return known.length
    ? `unknown ${what} "${typed}": use one of ${known.map((k) => `"${k}"`).join(', ')}`
    : `unknown ${what} "${typed}": none can be set here`;
};

/**
 * An object that refuses keys it does not know, naming the nearest known one: a typo (`rule:` for `rules:`)
 * must never be read as "no rules". `problemsOf` points a single unknown key's problem at the key itself.
 */
export const strictObject = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => unknownKeyMessage(key, Object.keys(shape))).join('; ')
        : undefined,
  });
