import { z } from 'zod';
import { PROPRIETY_KINDS } from '@parley/domain';
import { departmentKey } from './auth';
import { strictObject } from './strict-object';
import { characterProblem, LIMITS } from './text';

const count = (n: number): string => n.toLocaleString('en-GB');

/**
 * The draft as typed, not trimmed: finding offsets point into exactly the text that was sent. Empty text is
 * accepted (a draft pane checks as you type) and has no findings.
 */
export const draftText = z
  .string({ error: 'text is the draft to check, as a string' })
  .max(LIMITS.draft, {
    error: (issue) =>
      `the text is at most ${count(LIMITS.draft)} characters (this one has ${count(String(issue.input).length)})`,
  })
  .superRefine((value, ctx) => {
    const problem = characterProblem(value, 'the text', 'prose');
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const proprietyCheckRequestSchema = strictObject({
  /** The department the draft would be posted for (the caller must be able to act there). */
  department: departmentKey,
  text: draftText,
});
export type ProprietyCheckRequest = z.infer<typeof proprietyCheckRequestSchema>;

export const proprietyFindingSchema = z.object({
  kind: z.enum(PROPRIETY_KINDS),
  /** UTF-16 offsets into the text sent (as JavaScript counts): `text.slice(start, end)` is the span. */
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  /** What the risk is, in plain words. */
  message: z.string(),
  /** What to do about it. */
  advice: z.string(),
});
export type ProprietyFinding = z.infer<typeof proprietyFindingSchema>;

export const proprietyCheckResponseSchema = z.object({ findings: z.array(proprietyFindingSchema) });
export type ProprietyCheckResponse = z.infer<typeof proprietyCheckResponseSchema>;

/** An election period as the api shows it: dates are YYYY-MM-DD, both days included, in UK time. */
export const electionPeriodSchema = z.object({ name: z.string(), from: z.string(), to: z.string() });
export type ElectionPeriodView = z.infer<typeof electionPeriodSchema>;

export const currentElectionPeriodSchema = z.object({
  /** The period in force today, or null when there is none. */
  current: electionPeriodSchema.nullable(),
});
export type CurrentElectionPeriod = z.infer<typeof currentElectionPeriodSchema>;
