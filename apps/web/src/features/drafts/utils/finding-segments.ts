/** A finding's place in the text, as the propriety checker reports it (character offsets). */
export type Span = { start: number; end: number };

export type FindingSegment = { text: string; finding: number | null };

/**
 * The text cut at the findings' edges, each piece naming the finding (by index) that covers it, for <mark>.
 * Findings that overlap an earlier one are left unmarked there rather than nested; offsets outside the text (a
 * check answered for older text) are clipped.
 */
export const findingSegments = (text: string, findings: readonly Span[]): FindingSegment[] => {
  const order = findings
    .map((f, index) => ({ start: Math.max(0, f.start), end: Math.min(text.length, f.end), index }))
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: FindingSegment[] = [];
  let at = 0;
  for (const f of order) {
    if (f.start < at) continue;
    if (f.start > at) segments.push({ text: text.slice(at, f.start), finding: null });
    segments.push({ text: text.slice(f.start, f.end), finding: f.index });
    at = f.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), finding: null });
  return segments;
};
