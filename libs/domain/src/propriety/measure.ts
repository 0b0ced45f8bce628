import { checkPropriety } from './check';
import type { ProprietyExample } from './examples.fixture';
import { PROPRIETY_KINDS, type ProprietyKind } from './types';

export type KindScore = {
  kind: ProprietyKind;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Of the drafts flagged with this kind, the share that should be; null when none was flagged. */
  precision: number | null;
  /** Of the drafts that should be flagged with this kind, the share that were; null when none should be. */
  recall: number | null;
};

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Precision and recall per kind, counted per draft: a kind is found in a draft or it is not. */
export const measure = (examples: readonly ProprietyExample[]): KindScore[] =>
  PROPRIETY_KINDS.map((kind) => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const example of examples) {
      const electionPeriod = example.electionPeriod ? { name: example.electionPeriod } : null;
      const found = checkPropriety(example.text, { electionPeriod }).some((f) => f.kind === kind);
      const expected = example.kinds.includes(kind);
      if (found && expected) truePositives += 1;
      else if (found) falsePositives += 1;
      else if (expected) falseNegatives += 1;
    }
    return {
      kind,
      truePositives,
      falsePositives,
      falseNegatives,
      precision: ratio(truePositives, truePositives + falsePositives),
      recall: ratio(truePositives, truePositives + falseNegatives),
    };
  });
