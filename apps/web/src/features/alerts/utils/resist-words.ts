import type { ResistCaseFields } from '@parley/contracts';

type StageField = Exclude<
  keyof ResistCaseFields,
  'title' | 'impactLikelihood' | 'impactSeverity' | 'conversationIds' | 'objectiveIds' | 'lessonIds'
>;

/** The six stages of RESIST 2, in the toolkit's order, each with the question it asks. */
export const RESIST_STAGE_FIELDS: { field: StageField; label: string; hint: string }[] = [
  {
    field: 'recognise',
    label: '1. Recognise',
    hint: 'The narrative or claim, who is spreading it, and what kind of information it is (false, misleading, or true but used to mislead).',
  },
  {
    field: 'earlyWarning',
    label: '2. Early warning',
    hint: 'What you are monitoring for it, and which audiences are exposed.',
  },
  {
    field: 'situationalInsight',
    label: '3. Situational insight',
    hint: 'What is happening now, in plain words, for the people who decide.',
  },
  {
    field: 'impactAnalysis',
    label: '4. Impact analysis',
    hint: 'Why you judged the likelihood and impact as you did: who could be harmed, and how.',
  },
  {
    field: 'strategicCommunication',
    label: '5. Strategic communication',
    hint: 'The response chosen: ignore, monitor, correct the record, a counter-narrative, or refer it on; and why.',
  },
  {
    field: 'trackOutcomes',
    label: '6. Track outcomes',
    hint: 'What happened after the response, and what was learnt.',
  },
];

export const LIKELIHOOD_WORDS = ['Very unlikely', 'Unlikely', 'Possible', 'Likely', 'Very likely'] as const;
export const IMPACT_WORDS = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

/** "4 of 5 — likely", for the select's options. */
export const scaleOption = (words: readonly string[], n: number): string =>
  `${n} of 5 — ${words[n - 1].toLowerCase()}`;
