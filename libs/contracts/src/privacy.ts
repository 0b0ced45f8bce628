import { z } from 'zod';
import { KEY_PATTERN, RETENTION_ACTIONS } from '@parley/domain';
import { strictObject } from './strict-object';
import { LIMITS, text } from './text';
import { retentionSchema } from './workspace';

const REASON_NEEDED = 'give a reason (the case or request it is for), for whoever reads the audit log';
const reason = z
  .string({ error: REASON_NEEDED })
  .pipe(text({ what: 'a reason', max: LIMITS.reason, form: 'prose', required: REASON_NEEDED }));

/** A legal hold: on one conversation or on one department, never both, always with the case it is for. */
export const legalHoldRequestSchema = strictObject({
  conversationId: z
    .string({ error: 'conversationId is the number of a conversation, as text' })
    .regex(/^[1-9][0-9]{0,17}$/, 'conversationId is the number of a conversation, such as "42"')
    .optional(),
  department: z
    .string({ error: 'department is a department key' })
    .regex(KEY_PATTERN, 'department is a department key, such as "dfe"')
    .optional(),
  reason,
}).superRefine((hold, ctx) => {
  if ((hold.conversationId === undefined) === (hold.department === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message:
        'a hold is on one conversation (conversationId) or one department (department): give one of them',
    });
  }
});
export type LegalHoldRequest = z.infer<typeof legalHoldRequestSchema>;

export const legalHoldReleaseSchema = strictObject({ reason });
export type LegalHoldRelease = z.infer<typeof legalHoldReleaseSchema>;

export const legalHoldSchema = z.object({
  id: z.string(),
  conversationId: z.string().nullable(),
  department: z.string().nullable(),
  reason: z.string(),
  placedBy: z.string().nullable(),
  placedAt: z.string(),
  releasedBy: z.string().nullable(),
  releasedAt: z.string().nullable(),
  releaseReason: z.string().nullable(),
});
export type LegalHold = z.infer<typeof legalHoldSchema>;

const subjectValue = (what: string, max: number) => text({ what, max, required: `${what} cannot be empty` });

/** Who a subject request is about: exactly one of a handle, a name or a profile link. */
export const subjectRequestCreateSchema = strictObject({
  handle: subjectValue('a handle', LIMITS.name).optional(),
  name: subjectValue('a name', LIMITS.name).optional(),
  profileUrl: subjectValue('a profile link', LIMITS.url)
    .refine(
      (v) => /^https?:\/\/\S+$/i.test(v),
      'a profile link is a web address starting https:// or http://',
    )
    .optional(),
}).superRefine((r, ctx) => {
  const given = [r.handle, r.name, r.profileUrl].filter((v) => v !== undefined).length;
  if (given !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: 'say who the request is about with one of handle, name or profileUrl',
    });
  }
});
export type SubjectRequestCreate = z.infer<typeof subjectRequestCreateSchema>;

export const SUBJECT_KINDS = ['handle', 'name', 'profileUrl'] as const;

/** Counts only: what was found is described without repeating anyone's data. */
export const subjectFindingsSchema = z.object({
  posts: z.number().int(),
  /** Of those, kept by a legal hold: they are not erased. */
  held: z.number().int(),
  /** Of those, already pseudonymised or deleted by retention. */
  retired: z.number().int(),
  sources: z.array(z.string()),
  conversations: z.number().int(),
  engagements: z.number().int(),
  flaggedAuthors: z.number().int(),
  themeExcerpts: z.number().int(),
});

/** A subject request and its receipt: what was asked, what was found, what was done, when and by whom. */
export const subjectRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(SUBJECT_KINDS),
  value: z.string(),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  found: subjectFindingsSchema,
  outcome: z.enum(['erased', 'pseudonymised']).nullable(),
  done: z
    .object({
      posts: z.number().int(),
      keptUnderHold: z.number().int(),
      engagements: z.number().int(),
      flaggedAuthors: z.number().int(),
      themeExcerpts: z.number().int(),
    })
    .nullable(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type SubjectRequest = z.infer<typeof subjectRequestSchema>;

/** Everything held about the subject, for giving to them (JSON). */
export const subjectExportSchema = z.object({
  request: subjectRequestSchema,
  exportedAt: z.string(),
  posts: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      platform: z.string(),
      conversationId: z.string().nullable(),
      url: z.string().nullable(),
      title: z.string().nullable(),
      text: z.string(),
      authorName: z.string().nullable(),
      authorHandle: z.string().nullable(),
      authorProfileUrl: z.string().nullable(),
      authorFollowers: z.number().nullable(),
      publishedAt: z.string().nullable(),
      fetchedAt: z.string(),
      retired: z.enum(['deleted', 'pseudonymised']).nullable(),
      underLegalHold: z.boolean(),
    }),
  ),
  engagements: z.array(
    z.object({
      id: z.string(),
      department: z.string(),
      occurredAt: z.string(),
      draft: z.string().nullable(),
      outcomeNotes: z.string().nullable(),
    }),
  ),
  flaggedAuthors: z.array(
    z.object({
      department: z.string(),
      platform: z.string(),
      handle: z.string(),
      kind: z.string(),
      reason: z.string(),
      flaggedAt: z.string(),
    }),
  ),
});
export type SubjectExport = z.infer<typeof subjectExportSchema>;

export const subjectRequestIdSchema = z
  .string()
  .uuid('a subject request id is a UUID, as POST /api/subject-requests answered');

const runSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  pseudonymised: z.number().int(),
  deleted: z.number().int(),
  held: z.number().int(),
  /** True when the run stopped at its bound with more due: the next run carries on. */
  more: z.boolean(),
  error: z.string().nullable(),
});

/** What retention is set to do, and what its job has done. */
export const retentionStatusSchema = z.object({
  default: retentionSchema.nullable(),
  sources: z.array(
    z.object({
      source: z.string(),
      days: z.number().int(),
      action: z.enum(RETENTION_ACTIONS),
      own: z.boolean(),
    }),
  ),
  lastRun: runSchema.nullable(),
  recentRuns: z.array(runSchema),
  /** When the job next runs (it runs on a schedule); null when Redis cannot say. */
  nextRunAt: z.string().nullable(),
  legalHolds: z.number().int(),
});
export type RetentionStatus = z.infer<typeof retentionStatusSchema>;
