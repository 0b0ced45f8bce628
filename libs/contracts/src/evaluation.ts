import { z } from 'zod';
import { departmentKey } from './auth';

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
  youSaidWeDid: z.object({ url: z.string(), postedAt: z.string() }).nullable(),
  influence: z.array(
    z.object({
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
});
export type EvaluationRecords = z.infer<typeof evaluationRecordsSchema>;
