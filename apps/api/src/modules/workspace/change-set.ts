import type { ChangeSet } from '@parley/contracts';

export const emptyChangeSet = (): ChangeSet => ({ created: [], updated: [], deleted: [], unchanged: [] });

/** Compares two plain records by value, so re-applying the same document reports nothing changed. */
export const sameValues = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
