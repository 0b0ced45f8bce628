/**
 * What the propriety checker looks for in a draft, after the Civil Service guidance on taking part online: leave
 * announcements to the press office, stay impartial, say who you are, keep personal data out, promise only what
 * the department can stand behind, keep opinions on contested policy for clearance, and take care in an election
 * period.
 */
export const PROPRIETY_KINDS = [
  'announcement',
  'party-political',
  'parliament',
  'disclosure',
  'personal-data',
  'promise',
  'view',
  'election-period',
] as const;
export type ProprietyKind = (typeof PROPRIETY_KINDS)[number];

/**
 * One finding: the span of the text at fault (`start`/`end` are UTF-16 offsets, as JavaScript strings count, so
 * `text.slice(start, end)` is the span), what the risk is and what to do about it, in plain words.
 */
export type ProprietyFinding = {
  kind: ProprietyKind;
  start: number;
  end: number;
  text: string;
  message: string;
  advice: string;
};

export type ProprietyOptions = {
  /** The election period in force, if any: every draft then carries an `election-period` finding. */
  electionPeriod?: { name: string } | null;
};
