import { z } from 'zod';
import { DECLINE_REASONS, ENGAGEMENT_KINDS, ENGAGEMENT_MODES, PLATFORMS, ROUTES } from '@parley/domain';
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

const shareSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
});
const slaSchema = z.object({ minutes: z.number().nullable(), businessHours: z.boolean() });
const counts = (keys: readonly [string, ...string[]]) => z.record(z.enum(keys), z.number().int());

/** The `detail` of each metric that has one, by metric id (minutes are business or clock minutes as `sla` says). */
export const metricDetailSchemas = {
  first_response: z.object({
    median: z.number().nullable(),
    p90: z.number().nullable(),
    /** Answered within the SLA ÷ answered, as a percentage; null with no SLA or nothing answered. */
    withinSla: z.number().nullable(),
    answeredWithinSla: z.number().int().nullable(),
    answered: z.number().int(),
    /** Unanswered and still open, with their ages in clock time; never given a guessed response time. */
    backlog: z.object({
      count: z.number().int(),
      byAge: z.array(
        z.object({
          label: z.string(),
          fromMinutes: z.number(),
          toMinutes: z.number().nullable(),
          count: z.number().int(),
        }),
      ),
    }),
    sla: slaSchema,
  }),
  response_rate: z.object({ abusive: z.number().int(), notYetDue: z.number().int(), sla: slaSchema }),
  activity: z.object({ byType: counts(ENGAGEMENT_KINDS), byRoute: counts(ROUTES) }),
  clearance_time: z.object({ median: z.number().nullable(), p90: z.number().nullable(), share: shareSchema }),
  triangle_mix: z.object({
    shares: z.record(z.enum(ENGAGEMENT_MODES), z.number().nullable()),
    counts: counts(ENGAGEMENT_MODES),
    modeNotRecorded: z.number().int(),
  }),
  governance: z.object({
    announcementsWithoutPressOffice: z.number().int(),
    proprietyOverrides: z.object({
      count: z.number().int(),
      latest: z.array(z.object({ at: z.string(), kind: z.string(), reason: z.string() })),
    }),
  }),
  declined: z.object({
    byReason: counts(DECLINE_REASONS),
    minutesToDecide: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
  }),
} as const;

/**
 * `detail` of `engagement_rate_followers`: every own post in the window, those left out for want of a follower
 * count (also in `excluded`), and the median per-post rate the best and worst posts are compared with.
 */
export const engagementRateDetailSchema = z.object({
  posts: z.number().int(),
  withoutFollowers: z.number().int(),
  median: z.number().nullable(),
});
export type EngagementRateDetail = z.infer<typeof engagementRateDetailSchema>;

/**
 * `detail` of `amplification`, `applause` and `conversation`: the same count per 1,000 followers (Σ count ÷
 * (Σ followers ÷ 1,000) over the posts that have a follower count; null when none has), and how many posts that is.
 */
export const perPostRateDetailSchema = z.object({
  per1000Followers: z.number().nullable(),
  postsWithFollowers: z.number().int(),
});
export type PerPostRateDetail = z.infer<typeof perPostRateDetailSchema>;

/** The department's own posts ranked by engagement rate: the best or the worst of a window. */
export const ownPostsQuerySchema = z.object({
  department: departmentKey,
  from: instant('from'),
  to: instant('to'),
  order: z.enum(['best', 'worst'], { error: 'order is best or worst' }).default('best'),
  limit: z.coerce.number().int().min(1).max(50).default(5),
});
export type OwnPostsQuery = z.infer<typeof ownPostsQuerySchema>;

/**
 * One own post with what it earned. `followers` is the account's count when Parley stored the post; `rate` is
 * (likes + reposts + replies by others) ÷ followers ×100; `reason` says in plain words why it ranks where it does.
 */
export const ownPostSchema = z.object({
  id: z.string(),
  url: z.string().nullable(),
  platform: z.string(),
  /** Sanitised plain text with personal data removed, at most a few hundred characters. */
  excerpt: z.string(),
  publishedAt: z.string(),
  likes: z.number().int(),
  reposts: z.number().int(),
  /** The platform's reply counter; null where it sends none. */
  replies: z.number().int().nullable(),
  /** Replies less the department's own replies Parley holds (or the stored replies by others, without a counter). */
  repliesByOthers: z.number().int(),
  /** When the counters were last read from the platform; null if never. */
  countersAt: z.string().nullable(),
  followers: z.number().int().nullable(),
  rate: z.number().nullable(),
  reason: z.string(),
});
export type OwnPostDto = z.infer<typeof ownPostSchema>;

/**
 * `medianRate` is what each reason compares with (null when no post has a follower count); `ranked` counts the
 * posts with a rate; `withoutFollowers` those left out of the ranking because the platform gave no follower count.
 */
export const ownPostsResponseSchema = z.object({
  definitionsVersion: z.string(),
  department: departmentKey,
  window: windowSchema,
  order: z.enum(['best', 'worst']),
  medianRate: z.number().nullable(),
  posts: z.number().int(),
  ranked: z.number().int(),
  withoutFollowers: z.number().int(),
  items: z.array(ownPostSchema),
});
export type OwnPostsResponse = z.infer<typeof ownPostsResponseSchema>;

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
