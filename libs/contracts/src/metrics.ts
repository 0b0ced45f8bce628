import { z } from 'zod';
import { PLATFORMS } from '@parley/domain';
import { departmentKey } from './auth';
import { strictObject } from './strict-object';

/** A day (`2026-12-01`, from midnight UTC) or an exact time with its offset; the window is [from, to). */
const instant = (what: string) =>
  z.string({ error: `${what} is required: a date (2026-12-01) or a time with its offset` }).max(40);

export const metricsQuerySchema = z.object({
  department: departmentKey,
  from: instant('from'),
  to: instant('to'),
  /** `previous`: also the period of the same length just before, with each value's change. */
  compare: z.enum(['previous', 'none'], { error: 'compare is previous or none' }).default('previous'),
});
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

export const metricUnitSchema = z.enum(['count', 'percent', 'ratio', 'minutes', 'level', 'currency']);
export const gcsStageSchema = z.enum(['inputs', 'outputs', 'outtakes', 'outcomes', 'impact', 'learning']);

/**
 * One metric over one window. `value` null means "no data" (the denominator was zero), never 0; `change` is in
 * points for a percentage and relative otherwise; `excluded` is how many items (spam or bot authors) were left out.
 * `detail` carries what a metric has beyond one number (first_response: median, p90, withinSla, backlog; activity:
 * counts by type and route), its shape given per metric in `metricDetailSchemas`.
 */
export const metricValueSchema = z.object({
  value: z.number().nullable(),
  n: z.number().int(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  previous: z.number().nullable(),
  change: z.number().nullable(),
  unit: metricUnitSchema,
  stage: gcsStageSchema,
  smallSample: z.boolean(),
  excluded: z.number().int(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type MetricValueDto = z.infer<typeof metricValueSchema>;

const windowSchema = z.object({ from: z.string(), to: z.string() });

export const metricsResponseSchema = z.object({
  definitionsVersion: z.string(),
  department: departmentKey,
  window: windowSchema,
  compare: windowSchema.nullable(),
  metrics: z.record(z.string(), metricValueSchema),
});
export type MetricsResponse = z.infer<typeof metricsResponseSchema>;

export const seriesQuerySchema = z.object({
  department: departmentKey,
  from: instant('from'),
  to: instant('to'),
  bucket: z.enum(['hour', 'day', 'week'], { error: 'bucket is hour, day or week' }).default('day'),
});
export type SeriesQuery = z.infer<typeof seriesQuerySchema>;

/**
 * A metric bucket by bucket (UTC instants; days and weeks start at midnight Europe/London). `spike` marks a
 * velocity spike as METRICS.md defines it; `breakdown` splits a bucket (by theme, type, class) where the metric has one.
 */
export const seriesPointSchema = z.object({
  at: z.string(),
  value: z.number().nullable(),
  n: z.number().int(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  spike: z.boolean().optional(),
  breakdown: z.record(z.string(), z.number()).optional(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const seriesResponseSchema = z.object({
  definitionsVersion: z.string(),
  metric: z.string(),
  department: departmentKey,
  bucket: z.enum(['hour', 'day', 'week']),
  window: windowSchema,
  unit: metricUnitSchema,
  points: z.array(seriesPointSchema),
});
export type SeriesResponse = z.infer<typeof seriesResponseSchema>;

/** The posts behind a bar or a point: a department's public mentions in a window, narrowed by theme or sentiment. */
export const metricPostsQuerySchema = z.object({
  department: departmentKey,
  from: instant('from'),
  to: instant('to'),
  theme: z.string().max(80).optional(),
  sentiment: z
    .enum(['negative', 'neutral', 'positive'], { error: 'sentiment is negative, neutral or positive' })
    .optional(),
  platform: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});
export type MetricPostsQuery = z.infer<typeof metricPostsQuerySchema>;

export const metricPostSchema = z.object({
  id: z.string(),
  conversationId: z.string().nullable(),
  url: z.string().nullable(),
  platform: z.string(),
  author: z.string(),
  /** Sanitised plain text, at most a few hundred characters. */
  excerpt: z.string(),
  publishedAt: z.string(),
  sentiment: z.enum(['negative', 'neutral', 'positive']).nullable(),
  theme: z.string().nullable(),
});
export type MetricPost = z.infer<typeof metricPostSchema>;

export const metricPostsPageSchema = z.object({
  total: z.number().int(),
  items: z.array(metricPostSchema),
  nextCursor: z.string().nullable(),
});
export type MetricPostsPage = z.infer<typeof metricPostsPageSchema>;

/** Marks an author's posts as spam or a bot's, so they leave the department's mention counts (and are counted as excluded). */
export const flagAuthorRequestSchema = strictObject({
  platform: z.enum(PLATFORMS, { error: `platform is one of ${PLATFORMS.join(', ')}` }),
  handle: z
    .string({ error: 'handle is the author’s handle as their posts show it' })
    .trim()
    .min(1, 'handle is the author’s handle as their posts show it')
    .max(200),
  kind: z.enum(['spam', 'bot'], { error: 'kind is spam or bot' }),
  reason: z
    .string({ error: 'reason says why, for whoever reads the audit log' })
    .trim()
    .min(1, 'reason says why, for whoever reads the audit log')
    .max(500),
});
export type FlagAuthorRequest = z.infer<typeof flagAuthorRequestSchema>;

export const flaggedAuthorSchema = z.object({
  id: z.string(),
  platform: z.string(),
  handle: z.string(),
  kind: z.enum(['spam', 'bot']),
  reason: z.string(),
  flaggedAt: z.string(),
});
export type FlaggedAuthor = z.infer<typeof flaggedAuthorSchema>;
