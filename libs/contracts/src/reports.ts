import { z } from 'zod';
import { departmentKey } from './auth';

export const reportLevelSchema = z.enum(['overview', 'snapshot', 'full'], {
  error: 'level is overview, snapshot or full',
});
export type ReportLevel = z.infer<typeof reportLevelSchema>;

export const reportFormatSchema = z.enum(['json', 'csv', 'pdf'], { error: 'format is json, csv or pdf' });
export type ReportFormat = z.infer<typeof reportFormatSchema>;

const instant = (what: string) =>
  z.string({ error: `${what} is required: a date (2026-12-01) or a time with its offset` }).max(40);

export const impactReportQuerySchema = z.object({
  department: departmentKey,
  from: instant('from'),
  to: instant('to'),
  level: reportLevelSchema.default('overview'),
  format: reportFormatSchema.default('json'),
});
export type ImpactReportQuery = z.infer<typeof impactReportQuerySchema>;

/**
 * A table of the report, already in plain words: every cell is the text a person reads (values formatted, "No data"
 * where a denominator was zero). `key` names the table in the CSV export.
 */
export const reportTableSchema = z.object({
  key: z.string(),
  title: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** What to say when there are no rows. */
  empty: z.string(),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

export const reportSectionSchema = z.object({
  heading: z.string(),
  paragraphs: z.array(z.string()),
  tables: z.array(reportTableSchema),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

/**
 * The impact report at one level of detail (METRICS.md, after the New Zealand Guide to Online Participation):
 * sections of sentences and tables, with the filters and the definitions version it was built from, so an export
 * can say exactly what it shows.
 */
export const impactReportSchema = z.object({
  title: z.string(),
  level: reportLevelSchema,
  department: departmentKey,
  departmentName: z.string(),
  /** The period in Europe/London words, for headings and footers. */
  period: z.string(),
  window: z.object({ from: z.string(), to: z.string() }),
  compare: z.object({ from: z.string(), to: z.string() }).nullable(),
  definitionsVersion: z.string(),
  generatedAt: z.string(),
  filters: z.object({ department: z.string(), from: z.string(), to: z.string(), level: reportLevelSchema }),
  sections: z.array(reportSectionSchema),
});
export type ImpactReport = z.infer<typeof impactReportSchema>;

/** Who gets the weekly overview by email: one subscription per person and department. */
export const digestSubscriptionInputSchema = z.object({
  department: departmentKey,
  subscribed: z.boolean({ error: 'subscribed is true or false' }),
});
export type DigestSubscriptionInput = z.infer<typeof digestSubscriptionInputSchema>;

export const digestSubscriptionQuerySchema = z.object({ department: departmentKey });

export const digestSubscriptionSchema = z.object({
  department: departmentKey,
  subscribed: z.boolean(),
  lastSentWeek: z.string().nullable(),
});
export type DigestSubscription = z.infer<typeof digestSubscriptionSchema>;
