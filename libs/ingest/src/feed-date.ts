/** Parses a feed date (RFC 822 in RSS, RFC 3339 in Atom and JSON Feed, and the usual mess); null when unreadable. */
export const parseFeedDate = (value: string | null): Date | null => {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};
