import { disclosureFinding } from './disclosure';
import { GUIDANCE } from './guidance';
import { PATTERNS, type PatternRow } from './patterns';
import { PERSONAL_DATA } from './personal-data';
import type { ProprietyFinding, ProprietyOptions } from './types';

/** Every row compiled once, global (to find each match) and with indices (to highlight a group). */
const ROWS = [...PATTERNS, ...PERSONAL_DATA].map((row) => ({
  row,
  pattern: new RegExp(row.pattern.source, `${row.pattern.flags.replace(/[gd]/g, '')}gd`),
}));

const findingsOf = (row: PatternRow, pattern: RegExp, text: string): ProprietyFinding[] => {
  const found: ProprietyFinding[] = [];
  for (const match of text.matchAll(pattern)) {
    if (row.accept && !row.accept(match, text)) continue;
    const [start, end] = match.indices?.[row.group ?? 0] ?? [match.index, match.index + match[0].length];
    if (end === start) continue;
    const { message, advice } = GUIDANCE[row.kind];
    found.push({
      kind: row.kind,
      start,
      end,
      text: text.slice(start, end),
      message: row.message ?? message,
      advice,
    });
  }
  return found;
};

/** The whole draft, without the white space around it. */
const wholeText = (text: string): { start: number; end: number } => {
  const start = text.search(/\S/);
  return { start, end: text.trimEnd().length };
};

const electionPeriodFinding = (text: string, name: string): ProprietyFinding => {
  const { start, end } = wholeText(text);
  return {
    kind: 'election-period',
    start,
    end,
    text: text.slice(start, end),
    message: `An election period (${name}) is under way: what the department posts is restricted.`,
    advice: GUIDANCE['election-period'].advice,
  };
};

/** Two matches of one kind over the same words are one finding: keep the first (longest at the same start). */
const withoutOverlaps = (findings: ProprietyFinding[]): ProprietyFinding[] => {
  const sorted = [...findings].sort(
    (a, b) => a.start - b.start || b.end - a.end || a.kind.localeCompare(b.kind),
  );
  const lastEnd = new Map<string, number>();
  return sorted.filter((f) => {
    if ((lastEnd.get(f.kind) ?? -1) > f.start) return false;
    lastEnd.set(f.kind, f.end);
    return true;
  });
};

/**
 * Checks a draft reply for what a civil servant should not post (or should post only after clearance). Each
 * finding is a span of `text` with its kind, the risk and what to do. An empty draft has no findings.
 */
export const checkPropriety = (text: string, options: ProprietyOptions = {}): ProprietyFinding[] => {
  if (text.trim() === '') return [];
  const findings = ROWS.flatMap(({ row, pattern }) => findingsOf(row, pattern, text));
  const disclosure = disclosureFinding(text);
  if (disclosure) findings.push(disclosure);
  if (options.electionPeriod) findings.push(electionPeriodFinding(text, options.electionPeriod.name));
  return withoutOverlaps(findings);
};
