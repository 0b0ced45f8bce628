import { z } from 'zod';
import { METRIC_IDS, isMetricId } from '@parley/domain';
import { departmentKey } from './auth';
import { nearestKey, strictObject } from './strict-object';
import { LIMITS, list, text } from './text';

/**
 * The evaluation records people enter (METRICS.md's "M" data), as read back. The input schemas for creating and
 * changing each record sit beside these; every record belongs to one department.
 */
const evidenceSchema = z.object({ title: z.string(), url: z.string() });

/** An OASIS objective: what the department set out to change, measured by one metric, from a baseline to a target. */
export const objectiveSchema = z.object({
  id: z.string(),
  department: departmentKey,
  description: z.string(),
  audience: z.string(),
  metric: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  from: z.string(),
  to: z.string(),
});
export type Objective = z.infer<typeof objectiveSchema>;

/** Sciencewise's scale: 0 none · 1 insight sent to the policy team · 2 cited in a submission · 3 decision changed. */
export const influenceLevelSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

/**
 * An engagement exercise (a consultation, a campaign, a topic the department took part in), its policy influence
 * over time, the follow-ups due at 3, 6 and 12 months, and whether the loop was closed with a "you said, we did".
 */
export const exerciseSchema = z.object({
  id: z.string(),
  department: departmentKey,
  title: z.string(),
  topic: z.string().nullable(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  youSaidWeDid: z
    .object({
      url: z.string(),
      postedAt: z.string(),
      /** The department's engagement that carried it, when it was posted through Parley. */
      engagementId: z.string().nullable().optional(),
    })
    .nullable(),
  influence: z.array(
    z.object({
      /** The entry's id, for changing or removing it. */
      id: z.string().optional(),
      level: influenceLevelSchema,
      note: z.string(),
      evidence: z.array(evidenceSchema),
      recordedAt: z.string(),
    }),
  ),
  followUps: z.array(
    z.object({
      months: z.union([z.literal(3), z.literal(6), z.literal(12)]),
      dueAt: z.string(),
      doneAt: z.string().nullable(),
      /** When the department was reminded it had come due (once). */
      remindedAt: z.string().nullable().optional(),
    }),
  ),
});
export type Exercise = z.infer<typeof exerciseSchema>;

/** "What didn't work", linked to the conversations and engagements it is about. */
export const lessonSchema = z.object({
  id: z.string(),
  department: departmentKey,
  exerciseId: z.string().nullable(),
  text: z.string(),
  conversationIds: z.array(z.string()),
  engagementIds: z.array(z.string()),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type Lesson = z.infer<typeof lessonSchema>;

/** A surveyed outcome: % agreeing before and after, with n, method and a 95% confidence interval of the change. */
export const surveySchema = z.object({
  id: z.string(),
  department: departmentKey,
  objectiveId: z.string().nullable(),
  question: z.string(),
  method: z.string(),
  before: z.object({ agree: z.number().int(), n: z.number().int() }),
  after: z.object({ agree: z.number().int(), n: z.number().int() }),
  /** Points: after% − before%; null when either n is 0. */
  change: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  surveyedAt: z.string(),
});
export type Survey = z.infer<typeof surveySchema>;

/** Input cost for a period: staff hours × hourly rate plus the tool cost apportioned to it (pounds). */
export const inputCostSchema = z.object({
  id: z.string(),
  department: departmentKey,
  from: z.string(),
  to: z.string(),
  staffHours: z.number(),
  hourlyRate: z.number(),
  toolCost: z.number(),
  /** The department's engagements in [from, to), what the cost is divided by; sent with the records page. */
  engagements: z.number().int().optional(),
});
export type InputCost = z.infer<typeof inputCostSchema>;

/** Every record of a department that touches [from, to): what a dashboard or the impact report reads. */
export const evaluationRecordsSchema = z.object({
  department: departmentKey,
  objectives: z.array(objectiveSchema),
  exercises: z.array(exerciseSchema),
  lessons: z.array(lessonSchema),
  surveys: z.array(surveySchema),
  costs: z.array(inputCostSchema),
  /** Follow-ups that have come due and are not done, oldest first. */
  followUpsDue: z.array(z.lazy(() => followUpDueSchema)).optional(),
});
export type EvaluationRecords = z.infer<typeof evaluationRecordsSchema>;

/** A follow-up that has come due (and is not done), for the list at the top of the records page. */
export const followUpDueSchema = z.object({
  exerciseId: z.string(),
  exerciseTitle: z.string(),
  department: departmentKey,
  months: z.union([z.literal(3), z.literal(6), z.literal(12)]),
  dueAt: z.string(),
  remindedAt: z.string().nullable(),
});
export type FollowUpDue = z.infer<typeof followUpDueSchema>;

// ---- What people send: strict objects, so a misspelt field is named instead of silently ignored. ----

/** A day (`2026-12-01`, from midnight UTC) or an exact time with its offset. */
const when = (what: string) =>
  z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: `${what} must be a date (2026-12-01) or a time with its offset (2026-12-01T09:30:00Z)`,
  });

const recordId = (what: string) => z.uuid({ error: `${what} must be the id of a record Parley gave` });

const httpUrl = (what: string) =>
  text({ what, max: LIMITS.url, required: `enter ${what}` }).pipe(
    z.url({
      protocol: /^https?$/,
      error: `${what} must be an http(s) address, such as https://www.gov.uk/…`,
    }),
  );

const metricId = z
  .string({ error: 'choose the metric the objective is measured by' })
  .superRefine((id, ctx) => {
    if (isMetricId(id)) return;
    const nearest = nearestKey(id, METRIC_IDS);
    ctx.addIssue({
      code: 'custom',
      message: nearest
        ? `there is no metric "${id.slice(0, 60)}": did you mean "${nearest}"?`
        : `there is no metric "${id.slice(0, 60)}": choose one of the metrics Parley computes`,
    });
  });

const amount = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .finite(`${what} must be a number`)
    .min(0, `${what} cannot be negative`)
    .max(1e9, `${what} is at most 1,000,000,000`);

const ordered = <T extends { from?: string; to?: string }>(value: T) =>
  value.from === undefined || value.to === undefined || Date.parse(value.from) < Date.parse(value.to);
const fromBeforeTo = { message: 'the end must be after the start', path: ['to'] };

export const evaluationQuerySchema = z.object({
  department: departmentKey,
  /** Left out, every record of the department. */
  from: when('from').optional(),
  to: when('to').optional(),
});
export type EvaluationQuery = z.infer<typeof evaluationQuerySchema>;

export const followUpsQuerySchema = z.object({ department: departmentKey });

const objectiveFields = {
  description: text({
    what: 'the objective',
    max: LIMITS.purpose,
    form: 'prose',
    required: 'describe the objective',
  }),
  audience: text({ what: 'the audience', max: LIMITS.name, required: 'say who the objective is aimed at' }),
  metric: metricId,
  baseline: z.number({ error: 'the baseline must be a number' }).finite().nullable().default(null),
  target: z.number({ error: 'the target must be a number' }).finite().nullable().default(null),
  from: when('the start'),
  to: when('the end'),
};
export const objectiveInputSchema = strictObject({ department: departmentKey, ...objectiveFields }).refine(
  ordered,
  fromBeforeTo,
);
export type ObjectiveInput = z.infer<typeof objectiveInputSchema>;
export const objectivePatchSchema = strictObject({
  description: objectiveFields.description.optional(),
  audience: objectiveFields.audience.optional(),
  metric: metricId.optional(),
  baseline: objectiveFields.baseline.unwrap().optional(),
  target: objectiveFields.target.unwrap().optional(),
  from: objectiveFields.from.optional(),
  to: objectiveFields.to.optional(),
});
export type ObjectivePatch = z.infer<typeof objectivePatchSchema>;

const exerciseFields = {
  title: text({ what: 'the exercise’s title', max: LIMITS.name, required: 'give the exercise a title' }),
  topic: text({ what: 'the topic', max: LIMITS.name }).nullable().default(null),
  startedAt: when('the start'),
};
export const exerciseInputSchema = strictObject({ department: departmentKey, ...exerciseFields });
export type ExerciseInput = z.infer<typeof exerciseInputSchema>;
export const exercisePatchSchema = strictObject({
  title: exerciseFields.title.optional(),
  topic: exerciseFields.topic.unwrap().nullable().optional(),
  startedAt: exerciseFields.startedAt.optional(),
});
export type ExercisePatch = z.infer<typeof exercisePatchSchema>;

/** Closing an exercise starts its follow-ups; left out, it closes now. */
export const exerciseCloseSchema = strictObject({ closedAt: when('the closing time').optional() });
export type ExerciseClose = z.infer<typeof exerciseCloseSchema>;

export const youSaidWeDidInputSchema = strictObject({
  url: httpUrl('the address of the “you said, we did” update'),
  /** Left out, now. */
  postedAt: when('when it was posted').optional(),
  engagementId: recordId('the engagement').nullable().default(null),
});
export type YouSaidWeDidInput = z.infer<typeof youSaidWeDidInputSchema>;

const evidenceInputSchema = strictObject({
  title: text({ what: 'the evidence’s title', max: LIMITS.name, required: 'give the evidence a title' }),
  url: httpUrl('the evidence link'),
});
const influenceFields = {
  level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], {
    error:
      'the level is 0 (none), 1 (insight sent to the policy team), 2 (cited in a submission) or 3 (decision changed)',
  }),
  note: text({ what: 'the note', max: LIMITS.purpose, form: 'prose' }).default(''),
  evidence: list(evidenceInputSchema, { what: 'evidence links', within: 'an entry', max: 20 }).default([]),
};
export const influenceInputSchema = strictObject(influenceFields);
export type InfluenceInput = z.infer<typeof influenceInputSchema>;
export const influencePatchSchema = strictObject({
  level: influenceFields.level.optional(),
  note: influenceFields.note.unwrap().optional(),
  evidence: influenceFields.evidence.unwrap().optional(),
});
export type InfluencePatch = z.infer<typeof influencePatchSchema>;

const lessonFields = {
  exerciseId: recordId('the exercise').nullable().default(null),
  text: text({
    what: 'the lesson',
    max: LIMITS.resourceText,
    form: 'prose',
    required: 'say what did not work',
  }),
  conversationIds: list(z.string().regex(/^\d{1,18}$/, 'a conversation id is a number'), {
    what: 'conversations',
    within: 'a lesson',
    max: 50,
  }).default([]),
  engagementIds: list(recordId('an engagement'), {
    what: 'engagements',
    within: 'a lesson',
    max: 50,
  }).default([]),
};
export const lessonInputSchema = strictObject({ department: departmentKey, ...lessonFields });
export type LessonInput = z.infer<typeof lessonInputSchema>;
export const lessonPatchSchema = strictObject({
  exerciseId: lessonFields.exerciseId.unwrap().nullable().optional(),
  text: lessonFields.text.optional(),
  conversationIds: lessonFields.conversationIds.unwrap().optional(),
  engagementIds: lessonFields.engagementIds.unwrap().optional(),
});
export type LessonPatch = z.infer<typeof lessonPatchSchema>;

const sample = (what: string) =>
  strictObject({
    agree: z
      .number({ error: `the number agreeing ${what} must be a whole number` })
      .int(`the number agreeing ${what} must be a whole number`)
      .min(0, `the number agreeing ${what} cannot be negative`),
    n: z
      .number({ error: `the number asked ${what} must be a whole number` })
      .int(`the number asked ${what} must be a whole number`)
      .min(0, `the number asked ${what} cannot be negative`)
      .max(100_000_000, `the number asked ${what} is at most 100,000,000`),
  }).refine((s) => s.agree <= s.n, {
    message: `more people agreed ${what} than were asked`,
    path: ['agree'],
  });
const surveyFields = {
  objectiveId: recordId('the objective').nullable().default(null),
  question: text({
    what: 'the question',
    max: LIMITS.purpose,
    form: 'prose',
    required: 'enter the question',
  }),
  method: text({
    what: 'the method',
    max: LIMITS.purpose,
    form: 'prose',
    required: 'say how people were surveyed',
  }),
  before: sample('before'),
  after: sample('after'),
  surveyedAt: when('when it was surveyed'),
};
export const surveyInputSchema = strictObject({ department: departmentKey, ...surveyFields });
export type SurveyInput = z.infer<typeof surveyInputSchema>;
export const surveyPatchSchema = strictObject({
  objectiveId: surveyFields.objectiveId.unwrap().nullable().optional(),
  question: surveyFields.question.optional(),
  method: surveyFields.method.optional(),
  before: surveyFields.before.optional(),
  after: surveyFields.after.optional(),
  surveyedAt: surveyFields.surveyedAt.optional(),
});
export type SurveyPatch = z.infer<typeof surveyPatchSchema>;

const costFields = {
  from: when('the start'),
  to: when('the end'),
  staffHours: amount('the staff hours'),
  hourlyRate: amount('the hourly rate'),
  toolCost: amount('the tool cost'),
};
export const inputCostInputSchema = strictObject({ department: departmentKey, ...costFields }).refine(
  ordered,
  fromBeforeTo,
);
export type InputCostInput = z.infer<typeof inputCostInputSchema>;
export const inputCostPatchSchema = strictObject({
  from: costFields.from.optional(),
  to: costFields.to.optional(),
  staffHours: costFields.staffHours.optional(),
  hourlyRate: costFields.hourlyRate.optional(),
  toolCost: costFields.toolCost.optional(),
});
export type InputCostPatch = z.infer<typeof inputCostPatchSchema>;
