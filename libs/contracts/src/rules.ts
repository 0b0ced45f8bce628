import { z } from 'zod';
import { conversationItemSchema } from './conversations';

export const ruleSchema = z.object({
  department: z.string(),
  key: z.string(),
  name: z.string(),
  query: z.string(),
  purpose: z.string().nullable(),
  enabled: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type Rule = z.infer<typeof ruleSchema>;

export const ruleUpsertSchema = z.object({
  name: z.string().trim().min(1, 'a rule needs a name'),
  query: z.string().trim().min(1, 'a rule needs a query').max(4000, 'a query is at most 4,000 characters'),
  purpose: z.string().nullable().optional(),
  enabled: z.boolean().default(true),
  reason: z.string().trim().min(1, 'say why the rule is changing').max(500),
  /**
   * The version the change was made from (0: the rule is new). When the rule has moved on since, nothing is saved
   * and the answer is 409, so two editors never overwrite each other unawares. It may be left out only when creating
   * a rule (as if 0); changing an existing rule without it is refused with 428.
   */
  expectedVersion: z.number().int('a version is a whole number').min(0).optional(),
});
export type RuleUpsert = z.infer<typeof ruleUpsertSchema>;

export const ruleVersionSchema = z.object({
  version: z.number(),
  name: z.string(),
  queryBefore: z.string().nullable(),
  queryAfter: z.string(),
  enabled: z.boolean(),
  reason: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
});
export type RuleVersion = z.infer<typeof ruleVersionSchema>;

/**
 * queued: the re-tagging job is on the queue. pending: Redis was not answering when the change was saved; the
 * change is saved and the job is queued as soon as Redis answers again.
 */
export const backfillStateSchema = z.enum(['queued', 'pending']);
export type BackfillState = z.infer<typeof backfillStateSchema>;

export const ruleSavedSchema = z.object({
  rule: ruleSchema,
  /** The re-tagging this change started; follow it at /api/backfills/:id. */
  backfill: z.string(),
  backfillState: backfillStateSchema,
});
export type RuleSaved = z.infer<typeof ruleSavedSchema>;

export const backfillSchema = z.object({
  id: z.string(),
  state: z.string(),
  done: z.number(),
  total: z.number(),
  failedReason: z.string().nullable(),
});
export type Backfill = z.infer<typeof backfillSchema>;

export const previewRequestSchema = z.object({
  department: z.string().min(1, 'choose a department'),
  query: z.string().trim().min(1, 'enter a query').max(4000),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type PreviewRequest = z.infer<typeof previewRequestSchema>;

export const previewResponseSchema = z.object({
  count: z.number(),
  from: z.string(),
  to: z.string(),
  sample: z.array(
    conversationItemSchema.pick({ id: true, title: true, url: true, source: true, lastActivityAt: true }),
  ),
});
export type PreviewResponse = z.infer<typeof previewResponseSchema>;

export const ruleListQuerySchema = z.object({
  department: z
    .string()
    .min(1)
    .optional()
    .describe('A department key; without it, every department you can see'),
});
