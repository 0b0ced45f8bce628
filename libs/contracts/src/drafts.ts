import { z } from 'zod';
import {
  CLEARANCE_REASONS,
  PLATFORMS,
  PROPRIETY_KINDS,
  REVIEW_DECISIONS,
  REVIEW_ROLES,
  ROUTES,
} from '@parley/domain';
import { departmentKey } from './auth';
import { draftText, proprietyFindingSchema, type ProprietyFinding } from './propriety';
import { LIMITS, text } from './text';

const version = z.number().int('a version is a whole number').min(0, 'a version is 0 or more');

const person = z.object({ id: z.string(), name: z.string() }).nullable();

/** A department account, as the workspace names it. */
export const draftAccountSchema = z.object({
  platform: z.enum(PLATFORMS),
  handle: z.string(),
  site: z.string().nullable(),
});
export type DraftAccount = z.infer<typeof draftAccountSchema>;

/** A propriety finding of a version, as the checker reported it when the version was saved. */
export const draftFindingSchema = proprietyFindingSchema;
export type DraftFinding = ProprietyFinding;

export const draftOverrideSchema = z.object({
  kind: z.enum(PROPRIETY_KINDS),
  start: z.number(),
  end: z.number(),
  text: z.string(),
  reason: z.string(),
  by: person,
  at: z.string(),
});
export type DraftOverride = z.infer<typeof draftOverrideSchema>;

export const draftVersionSchema = z.object({
  version: z.number(),
  text: z.string(),
  /** The propriety findings of this text when it was saved. */
  findings: z.array(draftFindingSchema),
  /** Findings someone set aside, with why. */
  overrides: z.array(draftOverrideSchema),
  savedBy: person,
  savedAt: z.string(),
});
export type DraftVersion = z.infer<typeof draftVersionSchema>;

export const draftReviewSchema = z.object({
  version: z.number(),
  reviewer: person,
  role: z.enum(REVIEW_ROLES),
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string(),
  at: z.string(),
});
export type DraftReview = z.infer<typeof draftReviewSchema>;

export const draftSchema = z.object({
  opportunityId: z.string(),
  department: z.string(),
  route: z.enum(ROUTES),
  /** The opportunity's status (drafting, in-clearance, approved, …). */
  status: z.string(),
  /** The draft's version: 0 before anything is saved. Every change names it as `expectedVersion`. */
  version: z.number(),
  account: draftAccountSchema.nullable(),
  /** The department's accounts it could be posted from. */
  accounts: z.array(draftAccountSchema),
  latest: draftVersionSchema.nullable(),
  clearance: z.object({
    needed: z.boolean(),
    reasons: z.array(z.object({ reason: z.enum(CLEARANCE_REASONS), text: z.string() })),
  }),
  /**
   * The latest submission for clearance; null when the draft was never submitted. `waiting` for reviews,
   * `approved`, `changes-requested` (back with its author), or `superseded` by a version saved after it.
   */
  submission: z
    .object({
      version: z.number(),
      outcome: z.enum(['waiting', 'approved', 'changes-requested', 'superseded']),
      submittedBy: person,
      submittedAt: z.string(),
      /** When it was approved, changes were requested, or a new version replaced it. */
      closedAt: z.string().nullable(),
      needed: z.array(z.enum(REVIEW_ROLES)),
      missing: z.array(z.enum(REVIEW_ROLES)),
      reviews: z.array(draftReviewSchema),
    })
    .nullable(),
  /** Everyone who saved a version: none of them may approve it. */
  authors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Draft = z.infer<typeof draftSchema>;

const accountRequest = z.object({
  platform: z.enum(PLATFORMS),
  handle: text({ what: 'an account handle', max: LIMITS.name, required: 'name the account' }),
  site: text({ what: 'an account site', max: LIMITS.name }).nullable().optional(),
});

export const draftSaveSchema = z.object({
  /** Kept as typed (not trimmed), so the findings' offsets point into exactly this text. */
  text: draftText.refine((value) => value.trim().length > 0, 'write the reply first'),
  /** The account to post from; left out, it stays as it is (a new draft takes the department's account on the conversation's platform). */
  account: accountRequest.nullable().optional(),
  /**
   * The draft version this text was written from (0: a new draft). When someone saved meanwhile, nothing is kept
   * and the answer is 409, so what was typed stays in the editor.
   */
  expectedVersion: version,
});
export type DraftSave = z.infer<typeof draftSaveSchema>;

export const draftOverrideRequestSchema = z.object({
  expectedVersion: version,
  kind: z.enum(PROPRIETY_KINDS),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  reason: text({
    what: 'a reason',
    max: LIMITS.reason,
    form: 'prose',
    required: 'say why this finding does not apply',
  }),
});
export type DraftOverrideRequest = z.infer<typeof draftOverrideRequestSchema>;

export const draftSubmitSchema = z.object({ expectedVersion: version });
export type DraftSubmit = z.infer<typeof draftSubmitSchema>;

export const draftReviewRequestSchema = z
  .object({
    expectedVersion: version,
    decision: z.enum(REVIEW_DECISIONS),
    comment: text({ what: 'a comment', max: LIMITS.reason, form: 'prose' }).default(''),
  })
  .refine((r) => r.decision === 'approve' || r.comment.length > 0, {
    path: ['comment'],
    message: 'say what needs to change',
  });
export type DraftReviewRequest = z.infer<typeof draftReviewRequestSchema>;

export const draftDiffQuerySchema = z.object({
  from: z.coerce
    .number()
    .int()
    .min(0)
    .describe('The earlier version (0: nothing, so the whole text is added)'),
  to: z.coerce.number().int().min(0).describe('The later version'),
});

export const draftDiffSchema = z.object({
  from: z.number(),
  to: z.number(),
  /** The text word by word: unchanged, added in `to`, or removed from `from`. */
  parts: z.array(z.object({ change: z.enum(['same', 'added', 'removed']), text: z.string() })),
});
export type DraftDiff = z.infer<typeof draftDiffSchema>;

export const clearanceQuerySchema = z.object({ department: departmentKey });

export const clearanceItemSchema = z.object({
  opportunityId: z.string(),
  conversationId: z.string(),
  title: z.string().nullable(),
  version: z.number(),
  author: person,
  submittedAt: z.string(),
  /** How long it has waited, in seconds. */
  waitingSeconds: z.number(),
  missing: z.array(z.enum(REVIEW_ROLES)),
});
export type ClearanceItem = z.infer<typeof clearanceItemSchema>;
