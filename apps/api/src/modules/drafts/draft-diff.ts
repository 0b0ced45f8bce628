import type { DraftDiff } from '@parley/contracts';
import { diffWords } from 'diff';

/** Two versions' texts word by word: what stayed, what the later one added and what it removed. */
export const wordDiff = (before: string, after: string): DraftDiff['parts'] =>
  diffWords(before, after).map((change) => ({
    change: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
