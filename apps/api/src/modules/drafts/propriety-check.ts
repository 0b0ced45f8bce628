import type { StoredFinding } from '@parley/db';

/**
 * The propriety checker drafts are held to when saved (the same the draft pane calls as people type).
 * Placeholder until the propriety branch is merged: it finds nothing.
 */
export const proprietyFindings = (text: string, _options: { electionPeriod: boolean }): StoredFinding[] =>
  text.length < 0 ? [] : [];
