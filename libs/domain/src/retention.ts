/** What happens to a public post once its source's retention period has passed. */
export const RETENTION_ACTIONS = ['delete', 'pseudonymise'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];
export type RetentionPolicy = { days: number; action: RetentionAction };

/** The longest retention period a workspace may set: a hundred years is "keep", said as a number. */
export const MAX_RETENTION_DAYS = 36_500;

const DAY_MS = 86_400_000;

/** The instant before which a source's posts are past their retention period at `now`. */
export const retentionCutoff = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);

/** The setting that applies to a source: its own, else the workspace's default, else none (kept). */
export const effectiveRetention = (
  own: RetentionPolicy | null,
  workspaceDefault: RetentionPolicy | null,
): RetentionPolicy | null => own ?? workspaceDefault;
