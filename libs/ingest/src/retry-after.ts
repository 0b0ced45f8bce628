/** Parses Retry-After (delay in seconds, or an HTTP date) into milliseconds from `now`; null when absent or unusable. */
export const parseRetryAfter = (value: string | undefined, now: Date = new Date()): number | null => {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
};
