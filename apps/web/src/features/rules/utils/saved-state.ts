/**
 * What the editor passes itself, in the router's location state, after a save: which version was saved and the
 * re-tagging job to follow. Location state survives the navigation from `/new` to the rule's own page.
 */
export type SavedState = { saved: { version: number; backfill: string } };

export const savedState = (version: number, backfill: string): SavedState => ({
  saved: { version, backfill },
});

/** Location state comes from history, so anything (or nothing) may be there: read it defensively. */
export const readSavedState = (state: unknown): SavedState['saved'] | null => {
  if (typeof state !== 'object' || state === null || !('saved' in state)) return null;
  const { saved } = state as { saved: unknown };
  if (typeof saved !== 'object' || saved === null) return null;
  const { version, backfill } = saved as Record<string, unknown>;
  return typeof version === 'number' && typeof backfill === 'string' && backfill
    ? { version, backfill }
    : null;
};
