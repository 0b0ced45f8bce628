import { z } from 'zod';
import { strictObject } from './strict-object';
import { LIMITS, text } from './text';

/**
 * How one person's repeated opening of one member of the public's posts stands on a conversation page. `warning`:
 * shown with the directed-surveillance warning; `reason-required`: their posts on the page are withheld until the
 * person records why they need them; `reason-given`: past that point with a reason recorded in the window.
 */
export const authorViewNoticeSchema = z.object({
  /** Identifies the author to `POST /api/conversations/:id/author-views/reason`. */
  author: z.string(),
  handle: z.string(),
  name: z.string().nullable(),
  /** Distinct conversations with their posts the caller opened in the window, this one included. */
  views: z.number(),
  windowDays: z.number(),
  state: z.enum(['warning', 'reason-required', 'reason-given']),
  /** In plain words: what RIPA and the Home Office code say about repeated viewing of one person. */
  warning: z.string(),
});
export type AuthorViewNotice = z.infer<typeof authorViewNoticeSchema>;

export const authorViewReasonRequestSchema = strictObject({
  author: text({ what: 'an author', max: LIMITS.url, required: 'say whose posts the reason is for' }),
  reason: text({
    what: 'a reason',
    max: LIMITS.reason,
    form: 'prose',
    required: 'say why you need to keep reading this person’s posts',
  }).refine((r) => r.trim().length >= 10, 'a reason is at least 10 characters: say what the work is'),
});
export type AuthorViewReasonRequest = z.infer<typeof authorViewReasonRequestSchema>;

export const authorViewReasonSchema = z.object({
  id: z.string(),
  author: z.string(),
  views: z.number(),
  recordedAt: z.string(),
  /** Until when the reason covers this person's posts for the caller. */
  coversUntil: z.string(),
});
export type AuthorViewReason = z.infer<typeof authorViewReasonSchema>;

export const authorViewReportQuerySchema = z.object({
  from: z.string({ error: 'from is required: a date (2026-12-01) or a time with its offset' }).max(40),
  to: z.string({ error: 'to is required: a date (2026-12-01) or a time with its offset' }).max(40),
  format: z.enum(['json', 'csv'], { error: 'format is json or csv' }).default('json'),
});
export type AuthorViewReportQuery = z.infer<typeof authorViewReportQuerySchema>;

/** One person's openings of one member of the public's posts over the period. */
export const authorViewReportRowSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  author: z.object({
    key: z.string(),
    platform: z.string(),
    handle: z.string(),
    name: z.string().nullable(),
  }),
  /** Distinct conversations with their posts opened (latest opening in the period). */
  conversations: z.number(),
  /** Every opening of those conversations, refreshes included. */
  openings: z.number(),
  firstViewedAt: z.string(),
  lastViewedAt: z.string(),
  /** How far it went, by the workspace's thresholds now. */
  reached: z.enum(['below-warning', 'warning', 'reason-required']),
  reasons: z.number(),
  latestReason: z.string().nullable(),
});
export type AuthorViewReportRow = z.infer<typeof authorViewReportRowSchema>;

export const authorViewReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  settings: z.object({
    authorViewWarningAt: z.number(),
    authorViewReasonAt: z.number(),
    authorViewWindowDays: z.number(),
  }),
  rows: z.array(authorViewReportRowSchema),
});
export type AuthorViewReport = z.infer<typeof authorViewReportSchema>;
