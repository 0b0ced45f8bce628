import { z } from 'zod';
import { departmentKey } from './auth';
import { strictObject } from './strict-object';
import { LIMITS, text } from './text';

/**
 * Alerts (issue 12): a department hears within minutes when a conversation turns. Three detectors raise them:
 * a `spike` in mentions (per department, rule or theme), a `partner` campaign (posts naming a delivery partner
 * with boycott or protest language) and a `sentiment` turn (net sentiment falling against its baseline). Every
 * alert carries its measure and an explanation in words and evidence, so a person can judge it without a chart.
 */
export const ALERT_KINDS = ['spike', 'partner', 'sentiment'] as const;
export const alertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof alertKindSchema>;

/** open → acknowledged → closed; snoozed hides it until `snoozedUntil`, then it is open again. */
export const ALERT_STATUSES = ['open', 'acknowledged', 'snoozed', 'closed'] as const;
export const alertStatusSchema = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof alertStatusSchema>;

/** What the detector watched: the whole department, one of its rules, one of its themes, or one partner. */
export const ALERT_SCOPES = ['department', 'rule', 'theme', 'partner'] as const;
export const alertScopeSchema = z.object({
  type: z.enum(ALERT_SCOPES),
  /** The rule's, theme's or partner's id; null for the department as a whole. */
  id: z.string().nullable(),
  /** Its name as people know it ("Food standards", "Tesco"). */
  label: z.string(),
});
export type AlertScope = z.infer<typeof alertScopeSchema>;

/** Which comparison crossed: the last 24 hours against the 7 days before, or the last hour against the 12 before. */
export const alertWindowSchema = z.enum(['day', 'hour']);

/**
 * The numbers behind an alert. `observed` and `expected` are in the measure's unit (mentions per hour for spikes
 * and partner campaigns, net sentiment points for sentiment turns); `threshold` is the bar crossed (expected +
 * k·σ, or the higher bar inside an expected event); `n` the posts counted in the window.
 */
export const alertMeasureSchema = z.object({
  window: alertWindowSchema,
  observed: z.number(),
  expected: z.number(),
  threshold: z.number(),
  /** σ of the baseline (spikes), or the points fallen (sentiment). */
  spread: z.number(),
  n: z.number().int(),
  /** Posts in the baseline period, so a reader sees how much history the comparison stands on. */
  baselineN: z.number().int(),
  unit: z.enum(['mentions per hour', 'net sentiment points']),
});
export type AlertMeasure = z.infer<typeof alertMeasureSchema>;

export const expectedEventKindSchema = z.enum([
  'announcement',
  'statistics',
  'consultation-closing',
  'parliament',
  'debate',
  'other',
]);

export const alertExplanationSchema = z.object({
  /** One or two plain sentences: what rose, by how much, from where, and whether it was expected. */
  summary: z.string(),
  /** Terms and hashtags most over-represented against the baseline, best first. */
  terms: z.array(z.object({ term: z.string(), count: z.number().int(), baselineCount: z.number().int() })),
  hashtags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
  sources: z.array(z.object({ name: z.string(), platform: z.string(), posts: z.number().int() })),
  /** The most replied-to or shared posts in the window. */
  posts: z.array(
    z.object({
      id: z.string(),
      conversationId: z.string(),
      url: z.string().nullable(),
      author: z.string().nullable(),
      excerpt: z.string(),
      publishedAt: z.string(),
      replies: z.number().int(),
      shares: z.number().int(),
    }),
  ),
  /** Share (0–1) of the window's authors not seen in the baseline. */
  newParticipantsShare: z.number().nullable(),
  partners: z.array(z.string()),
  expectedEvent: z
    .object({ name: z.string(), kind: expectedEventKindSchema, from: z.string(), to: z.string() })
    .nullable(),
  /** For sentiment turns: the classifier's measured accuracy, so the reader knows how far to trust it. */
  classifierAccuracy: z.number().nullable(),
});
export type AlertExplanation = z.infer<typeof alertExplanationSchema>;

export const alertSchema = z.object({
  id: z.string(),
  department: departmentKey,
  kind: alertKindSchema,
  scope: alertScopeSchema,
  /** 1 (small, narrow) to 5 (large, spread across sources, wide reach). */
  severity: z.number().int().min(1).max(5),
  startedAt: z.string(),
  /** The last evaluation that still found the rise; an open alert is updated, not raised again. */
  lastSeenAt: z.string(),
  measure: alertMeasureSchema,
  explanation: alertExplanationSchema,
  status: alertStatusSchema,
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  snoozedUntil: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  caseId: z.string().nullable(),
  /** The drill-down behind it: `GET /api/metrics/posts` with this query. */
  postsQuery: z.record(z.string(), z.string()),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertListQuerySchema = z.object({
  department: departmentKey.optional(),
  status: alertStatusSchema.optional(),
  kind: alertKindSchema.optional(),
  from: z
    .string()
    .datetime({ offset: true, message: 'from is a date and time, like 2026-11-01T00:00:00Z' })
    .optional(),
  to: z
    .string()
    .datetime({ offset: true, message: 'to is a date and time, like 2026-12-01T00:00:00Z' })
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

export const alertListSchema = z.object({
  items: z.array(alertSchema),
  nextCursor: z.string().nullable(),
  /** Open and snoozed-then-due alerts the caller may see: the header badge. */
  openCount: z.number().int(),
});
export type AlertList = z.infer<typeof alertListSchema>;

/** The series an alert was judged on, hour by hour, with the baseline band (expected ± threshold). */
export const alertSeriesSchema = z.object({
  unit: alertMeasureSchema.shape.unit,
  points: z.array(
    z.object({
      at: z.string(),
      observed: z.number(),
      expected: z.number(),
      low: z.number(),
      high: z.number(),
    }),
  ),
});
export type AlertSeries = z.infer<typeof alertSeriesSchema>;

const note = (what: string) =>
  text({ what, max: LIMITS.purpose, form: 'prose', required: `${what} cannot be empty` });

/** One action on an alert; every one is audited. */
export const alertActionSchema = z.discriminatedUnion('action', [
  strictObject({ action: z.literal('acknowledge') }),
  strictObject({ action: z.literal('assign'), userId: z.string().uuid('userId is a user id') }),
  strictObject({
    action: z.literal('snooze'),
    until: z
      .string()
      .datetime({ offset: true, message: 'until is a date and time, like 2026-12-01T17:00:00Z' }),
  }),
  strictObject({ action: z.literal('close'), outcome: note('an outcome note') }),
  strictObject({ action: z.literal('reopen') }),
]);
export type AlertAction = z.infer<typeof alertActionSchema>;

/** Mute a rule or a source for a time: its detectors raise nothing until `until`. */
export const alertMuteInputSchema = strictObject({
  department: departmentKey,
  target: strictObject({
    type: z.enum(['rule', 'source']),
    id: z.string().uuid('the id of a rule or source'),
  }),
  until: z
    .string()
    .datetime({ offset: true, message: 'until is a date and time, like 2026-12-08T09:00:00Z' }),
  reason: note('a reason'),
});
export const alertMuteSchema = z.object({
  id: z.string(),
  department: departmentKey,
  target: z.object({ type: z.enum(['rule', 'source']), id: z.string(), label: z.string() }),
  until: z.string(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type AlertMute = z.infer<typeof alertMuteSchema>;
export type AlertMuteInput = z.infer<typeof alertMuteInputSchema>;
export const alertMuteListQuerySchema = z.object({ department: departmentKey.optional() });
export const alertMuteListSchema = z.object({ items: z.array(alertMuteSchema) });
export type AlertMuteList = z.infer<typeof alertMuteListSchema>;

/**
 * A case opened from an alert, following RESIST 2 (the government counter-disinformation toolkit): each stage a
 * structured field, linked to the conversations behind it and to the evaluation records it informs.
 */
export const RESIST_STAGES = [
  'recognise',
  'earlyWarning',
  'situationalInsight',
  'impactAnalysis',
  'strategicCommunication',
  'trackOutcomes',
] as const;
const stage = (what: string) => text({ what, max: LIMITS.resourceText, form: 'prose' });
const impact = (what: string) =>
  z
    .number(`${what} is a whole number from 1 to 5`)
    .int(`${what} is a whole number from 1 to 5`)
    .min(1, `${what} is from 1 to 5`)
    .max(5, `${what} is from 1 to 5`)
    .nullable();
/** Each field as sent, without defaults: what a new case starts from and what a change may touch. */
const resistCaseShape = {
  title: text({ what: 'a case title', max: LIMITS.name, required: 'a case needs a title' }),
  /** Recognise: the narrative or claim, who is spreading it, and what kind of information it is. */
  recognise: stage('what was recognised'),
  /** Early warning: what is monitored for it and which audiences are exposed. */
  earlyWarning: stage('the early warning'),
  /** Situational insight: what is happening now, in plain words, for the people who decide. */
  situationalInsight: stage('the situational insight'),
  /** Impact analysis: likelihood and impact, each 1–5, and why. */
  impactLikelihood: impact('impactLikelihood'),
  impactSeverity: impact('impactSeverity'),
  impactAnalysis: stage('the impact analysis'),
  /** Strategic communication: the response chosen (ignore, monitor, correct, counter-narrative, refer). */
  strategicCommunication: stage('the strategic communication'),
  /** Track outcomes: what happened and what was learnt. */
  trackOutcomes: stage('the outcome'),
  conversationIds: z
    .array(z.string().regex(/^\d{1,18}$/, 'a conversation id is a number'))
    .max(200, 'a case links at most 200 conversations'),
  objectiveIds: z.array(z.string().uuid('an objective id')).max(50, 'a case links at most 50 objectives'),
  lessonIds: z.array(z.string().uuid('a lesson id')).max(50, 'a case links at most 50 lessons'),
};
export const resistCaseFieldsSchema = strictObject({
  ...resistCaseShape,
  recognise: resistCaseShape.recognise.default(''),
  earlyWarning: resistCaseShape.earlyWarning.default(''),
  situationalInsight: resistCaseShape.situationalInsight.default(''),
  impactLikelihood: resistCaseShape.impactLikelihood.default(null),
  impactSeverity: resistCaseShape.impactSeverity.default(null),
  impactAnalysis: resistCaseShape.impactAnalysis.default(''),
  strategicCommunication: resistCaseShape.strategicCommunication.default(''),
  trackOutcomes: resistCaseShape.trackOutcomes.default(''),
  conversationIds: resistCaseShape.conversationIds.default([]),
  objectiveIds: resistCaseShape.objectiveIds.default([]),
  lessonIds: resistCaseShape.lessonIds.default([]),
});
/**
 * `PATCH /api/cases/:id`: the fields to change (absent ones are kept), and `status` to close or reopen the case.
 * Linked conversations, objectives and lessons must be the case's department's.
 */
export const resistCasePatchSchema = strictObject({
  ...Object.fromEntries(Object.entries(resistCaseShape).map(([k, v]) => [k, v.optional()])),
  status: z.enum(['open', 'closed'], 'status is open or closed').optional(),
} as { [K in keyof typeof resistCaseShape]: z.ZodOptional<(typeof resistCaseShape)[K]> } & {
  status: z.ZodOptional<z.ZodEnum<{ open: 'open'; closed: 'closed' }>>;
}).refine((p) => Object.keys(p).length > 0, { message: 'send at least one field to change' });
export type ResistCasePatch = z.infer<typeof resistCasePatchSchema>;
export const resistCaseListQuerySchema = z.object({
  department: departmentKey.optional(),
  status: z.enum(['open', 'closed'], 'status is open or closed').optional(),
});
export type ResistCaseListQuery = z.infer<typeof resistCaseListQuerySchema>;
export type ResistCaseFields = z.infer<typeof resistCaseFieldsSchema>;
export const resistCaseSchema = resistCaseFieldsSchema.extend({
  id: z.string(),
  alertId: z.string().nullable(),
  department: departmentKey,
  status: z.enum(['open', 'closed']),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResistCase = z.infer<typeof resistCaseSchema>;
export const resistCaseListSchema = z.object({ items: z.array(resistCaseSchema) });
export type ResistCaseList = z.infer<typeof resistCaseListSchema>;

/** A user's own alert delivery: which channels, and quiet hours (London time) when only in-app is used. */
export const alertPreferencesSchema = strictObject({
  email: z.boolean(),
  inApp: z.boolean(),
  /** Below this severity, alerts wait for the digest instead of being sent one by one. */
  minSeverity: z.number().int().min(1).max(5),
  quietHours: strictObject({
    from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'quiet hours start at a time like 22:00'),
    to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'quiet hours end at a time like 07:00'),
  }).nullable(),
});
export type AlertPreferences = z.infer<typeof alertPreferencesSchema>;

/**
 * What a department's entry in the workspace document may say about alerts (all optional; absent leaves the
 * stored ones alone, like `resources`). Stored in `expected_event`, `delivery_partner` and
 * `department.alert_settings`.
 */
const isoInstant = (what: string) =>
  z.string().datetime({ offset: true, message: `${what} is a date and time, like 2026-12-03T09:30:00Z` });
export const expectedEventDocumentSchema = strictObject({
  name: text({
    what: 'an expected event name',
    max: LIMITS.name,
    required: 'an expected event needs a name',
  }),
  kind: expectedEventKindSchema,
  from: isoInstant("an expected event's from"),
  to: isoInstant("an expected event's to"),
}).refine((e) => e.from < e.to, { message: 'an expected event ends after it starts', path: ['to'] });
export type ExpectedEventDocument = z.infer<typeof expectedEventDocumentSchema>;

/** An organisation that delivers the department's policies, watched for campaigns aimed at it. */
export const deliveryPartnerDocumentSchema = strictObject({
  name: text({ what: 'a partner name', max: LIMITS.name, required: 'a delivery partner needs a name' }),
  aliases: z
    .array(text({ what: 'an alias', max: LIMITS.name, required: 'an alias cannot be empty' }))
    .max(LIMITS.aliases)
    .default([]),
  handles: z
    .array(text({ what: 'a handle', max: LIMITS.name, required: 'a handle cannot be empty' }))
    .max(LIMITS.aliases)
    .default([]),
});
export type DeliveryPartnerDocument = z.infer<typeof deliveryPartnerDocumentSchema>;

export const alertSettingsSchema = strictObject({
  /** k in "mean above the baseline by k σ". */
  k: z.number().min(1, 'k is at least 1').max(10, 'k is at most 10').default(2),
  /** The bar inside an expected event's window. */
  expectedK: z.number().min(1, 'expectedK is at least 1').max(20, 'expectedK is at most 20').default(4),
  /** Baselines with fewer mentions than this raise nothing (too little history to judge). */
  minBaseline: z.number().int().min(1).max(100_000).default(50),
  /** A fall in net sentiment of more than this many points raises a sentiment alert. */
  sentimentDropPoints: z.number().min(1).max(200).default(20),
  /** Delivery for the department as a whole (each member's preferences narrow it further). */
  email: z.boolean().default(true),
  webhook: z.boolean().default(true),
  /** More alerts than this within 15 minutes are sent as one digest. */
  digestAbove: z.number().int().min(1).max(100).default(3),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

/**
 * What `GET /api/events` sends (SSE event name `alert`) when an alert is raised or changes, to streams that may
 * read its department: enough for the header badge and a toast; the page refetches the alert itself.
 */
export const alertLiveEventSchema = z.object({
  alertId: z.string(),
  department: departmentKey,
  kind: alertKindSchema,
  severity: z.number().int(),
  status: alertStatusSchema,
  /** One plain line ("Mentions of Food Standards are 4 times the usual rate"). */
  headline: z.string(),
  at: z.string(),
});
export type AlertLiveEvent = z.infer<typeof alertLiveEventSchema>;
