import { z } from 'zod';
import { LAWFUL_BASES } from '@parley/domain';
import { departmentKey } from './auth';
import { conversationItemSchema } from './conversations';
import { LIMITS, text } from './text';

/** A rule's fields as both the rule editor and the workspace document accept them. */
export const ruleName = text({ what: 'a rule name', max: LIMITS.name, required: 'a rule needs a name' });
export const ruleQuery = text({
  what: 'a query',
  max: LIMITS.query,
  form: 'query',
  required: 'a rule needs a query',
});
export const rulePurpose = text({ what: 'a purpose', max: LIMITS.purpose, form: 'prose' });
/** The UK GDPR Art. 6 basis the listening rests on. */
export const lawfulBasis = z.enum(LAWFUL_BASES, `a lawful basis is one of ${LAWFUL_BASES.join(', ')}`);
/** Why a rule that follows a named member of the public is needed, and proportionate. */
export const ruleJustification = text({ what: 'a justification', max: LIMITS.purpose, form: 'prose' });

export const ruleSchema = z.object({
  department: z.string(),
  key: z.string(),
  name: z.string(),
  query: z.string(),
  purpose: z.string().nullable(),
  lawfulBasis: lawfulBasis.nullable(),
  justification: z.string().nullable(),
  /**
   * The `author:` values that no organisation the workspace knows answers to: the private individuals the rule
   * follows. Not empty: the rule carries a justification and its department's admins were told.
   */
  namedPeople: z.array(z.string()),
  enabled: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type Rule = z.infer<typeof ruleSchema>;

export const ruleUpsertSchema = z.object({
  name: ruleName,
  query: ruleQuery,
  purpose: rulePurpose.nullable().optional(),
  /** Needed (with a purpose) to enable the rule once the workspace requires a lawful basis. */
  lawfulBasis: lawfulBasis.nullable().optional(),
  /** Needed when the query follows a named member of the public (`author:` naming no known organisation). */
  justification: ruleJustification.nullable().optional(),
  enabled: z.boolean().default(true),
  reason: text({
    what: 'a reason',
    max: LIMITS.reason,
    form: 'prose',
    required: 'say why the rule is changing',
  }),
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
  purpose: z.string().nullable(),
  lawfulBasis: lawfulBasis.nullable(),
  justification: z.string().nullable(),
  namedPeople: z.array(z.string()),
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
  department: departmentKey,
  query: text({ what: 'a query', max: LIMITS.query, form: 'query', required: 'enter a query' }),
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
