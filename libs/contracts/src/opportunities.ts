import { z } from 'zod';
import { DECLINE_REASONS, OPPORTUNITY_STATUSES, ROUTES, SLA_STATES } from '@parley/domain';
import { departmentKey } from './auth';
import { strictObject } from './strict-object';
import { text } from './text';

/** Notes, decline notes and referral notes: a few paragraphs at most. */
export const NOTE_MAX = 5_000;

const note = (what: string, required?: string) => text({ what, max: NOTE_MAX, form: 'prose', required });

/** The version a change was made from, as the opportunity gave it; a newer one stored answers 409. */
export const expectedVersion = z
  .number({ error: 'send expectedVersion: the version of the conversation your change was made from' })
  .int()
  .min(0);

const person = z.object({ id: z.string(), name: z.string() });
export type Person = z.infer<typeof person>;

export const opportunitySchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  department: z.string(),
  departmentName: z.string(),
  status: z.enum(OPPORTUNITY_STATUSES),
  /** Send it back as `expectedVersion` with the next change. */
  version: z.number(),
  assignee: person.nullable(),
  route: z.enum(ROUTES),
  decline: z.object({ reason: z.enum(DECLINE_REASONS), note: z.string().nullable() }).nullable(),
  /** When the first response is due under the department's SLA; null when it has none or it is not worked out yet. */
  dueAt: z.string().nullable(),
  sla: z.enum(SLA_STATES).nullable(),
  /** Where it came from, when another department referred it here. */
  referredFrom: z.object({ department: z.string(), departmentName: z.string() }).nullable(),
  /** Members of the department who can take it on (for assigning). */
  assignable: z.array(person),
  /** Departments it can be referred to (for those who can refer). */
  referralTargets: z.array(z.object({ key: z.string(), name: z.string() })),
});
export type Opportunity = z.infer<typeof opportunitySchema>;

export const opportunityEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  /** Who did it; null for Parley itself (tagging, the SLA sweep). */
  actor: person.nullable(),
  fromStatus: z.enum(OPPORTUNITY_STATUSES).nullable(),
  toStatus: z.enum(OPPORTUNITY_STATUSES).nullable(),
  /** What happened, in a sentence. */
  summary: z.string(),
  /** The event's own facts (a note's text, a decline reason, a referral's target). */
  detail: z.record(z.string(), z.unknown()),
  /** People the event names (the assignee, those @mentioned), with their names now. */
  people: z.array(person),
});
export type OpportunityEvent = z.infer<typeof opportunityEventSchema>;

export const opportunityHistorySchema = z.object({ items: z.array(opportunityEventSchema) });
export type OpportunityHistory = z.infer<typeof opportunityHistorySchema>;

export const assignRequestSchema = strictObject({
  expectedVersion,
  /** A member's user id, or `me` to take it yourself. */
  assigneeId: z.union([z.literal('me'), z.uuid({ error: 'assigneeId is a user id, or "me"' })]),
});
export type AssignRequest = z.infer<typeof assignRequestSchema>;

export const versionOnlySchema = strictObject({ expectedVersion });
export type VersionOnly = z.infer<typeof versionOnlySchema>;

export const declineRequestSchema = strictObject({
  expectedVersion,
  reason: z.enum(DECLINE_REASONS, { error: `choose a reason: ${DECLINE_REASONS.join(', ')}` }),
  note: note('a decline note').optional(),
}).superRefine((request, ctx) => {
  if (request.reason === 'other' && !request.note) {
    ctx.addIssue({
      code: 'custom',
      path: ['note'],
      message: 'say why in the note when the reason is "other"',
    });
  }
});
export type DeclineRequest = z.infer<typeof declineRequestSchema>;

export const REFERRAL_TARGETS = ['press-office', 'department'] as const;

export const referRequestSchema = strictObject({
  expectedVersion,
  to: z.enum(REFERRAL_TARGETS, { error: 'refer to "press-office" or to a "department"' }),
  /** The department's key, when `to` is `department`. */
  department: departmentKey.optional(),
  note: note('a referral note', 'say why you are referring it, for whoever picks it up'),
}).superRefine((request, ctx) => {
  if (request.to === 'department' && !request.department) {
    ctx.addIssue({ code: 'custom', path: ['department'], message: 'choose the department to refer it to' });
  }
});
export type ReferRequest = z.infer<typeof referRequestSchema>;

export const referralOutcomeRequestSchema = strictObject({
  expectedVersion,
  outcome: note('a referral outcome', 'say what came back from the referral'),
});
export type ReferralOutcomeRequest = z.infer<typeof referralOutcomeRequestSchema>;

export const reopenRequestSchema = strictObject({ expectedVersion, note: note('a note').optional() });
export type ReopenRequest = z.infer<typeof reopenRequestSchema>;

export const noteRequestSchema = strictObject({
  /** Mention a member with @ and their email address (`@sam@example.gov.uk`): they are told. */
  text: note('a note', 'write the note'),
});
export type NoteRequest = z.infer<typeof noteRequestSchema>;

export const BULK_ACTIONS = ['assign', 'decline'] as const;
export const BULK_MAX = 100;

export const bulkRequestSchema = strictObject({
  department: departmentKey,
  action: z.enum(BULK_ACTIONS, { error: 'action is "assign" or "decline"' }),
  items: z
    .array(strictObject({ id: z.uuid({ error: 'id is an opportunity id' }), expectedVersion }))
    .min(1, 'choose at least one conversation')
    .max(BULK_MAX, `at most ${BULK_MAX} conversations at once`),
  assigneeId: assignRequestSchema.shape.assigneeId.optional(),
  reason: declineRequestSchema.shape.reason.optional(),
  note: note('a decline note').optional(),
}).superRefine((request, ctx) => {
  if (request.action === 'assign' && !request.assigneeId)
    ctx.addIssue({ code: 'custom', path: ['assigneeId'], message: 'choose who to assign them to' });
  if (request.action === 'decline' && !request.reason)
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'choose a reason for declining' });
  if (request.action === 'decline' && request.reason === 'other' && !request.note)
    ctx.addIssue({
      code: 'custom',
      path: ['note'],
      message: 'say why in the note when the reason is "other"',
    });
});
export type BulkRequest = z.infer<typeof bulkRequestSchema>;

export const bulkResultSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      /** The HTTP status this item alone would have had (200, 404, 409…). */
      status: z.number(),
      /** Its version now, when it changed. */
      version: z.number().nullable(),
      message: z.string().nullable(),
    }),
  ),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;
