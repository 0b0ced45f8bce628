import { z } from 'zod';
import type { MetricValueDto } from '@parley/contracts';
import { ENGAGEMENT_KIND_LABELS, ENGAGEMENT_MODE_LABELS, ROUTES, type Route } from '@parley/domain';
import { routeLabel } from '../../../lib/labels';

/**
 * Readers for `detail`, the part of a metric beyond one number. Each is parsed, not trusted: a detail missing or
 * of another shape reads as "not given", so a calculator that has not landed yet shows "No data yet", never a crash.
 */
const counts = z.record(z.string(), z.number());

const firstResponseSchema = z.object({
  median: z.number().nullable().optional(),
  p90: z.number().nullable().optional(),
  withinSla: z.number().nullable().optional(),
  slaMinutes: z.number().nullable().optional(),
  backlog: z.array(z.object({ ageMinutes: z.number() }).loose()).optional(),
});
export type FirstResponseDetail = z.infer<typeof firstResponseSchema>;

export const firstResponseDetail = (metric: MetricValueDto | undefined): FirstResponseDetail | null => {
  const parsed = firstResponseSchema.safeParse(metric?.detail);
  return parsed.success ? parsed.data : null;
};

/** Open conversations by how long they have waited, the bands a comms team triages by. */
export const BACKLOG_BANDS = [
  { label: 'Under 1 hour', below: 60 },
  { label: '1 to 4 hours', below: 240 },
  { label: '4 to 24 hours', below: 1440 },
  { label: '1 to 3 days', below: 4320 },
  { label: 'Over 3 days', below: Number.POSITIVE_INFINITY },
] as const;

export const backlogByAge = (
  backlog: { ageMinutes: number }[],
): { Waiting: string; Conversations: number }[] =>
  BACKLOG_BANDS.map((band, position) => {
    const above = position === 0 ? 0 : BACKLOG_BANDS[position - 1].below;
    return {
      Waiting: band.label,
      Conversations: backlog.filter((item) => item.ageMinutes >= above && item.ageMinutes < band.below)
        .length,
    };
  });

/** A breakdown (`detail.byType`, `detail.byRoute`, …) as labelled rows; null when the metric does not give it. */
export const breakdown = (
  metric: MetricValueDto | undefined,
  key: string,
  label: (key: string) => string,
): { label: string; value: number }[] | null => {
  const parsed = counts.safeParse(metric?.detail?.[key]);
  if (!parsed.success) return null;
  return Object.entries(parsed.data).map(([name, value]) => ({ label: label(name), value }));
};

export const kindLabel = (kind: string): string =>
  ({ reply: 'Replies', pointer: 'Pointers', 'original-post': 'Original posts' })[kind] ??
  (ENGAGEMENT_KIND_LABELS as Record<string, string>)[kind] ??
  kind;

export const modeLabel = (mode: string): string =>
  (ENGAGEMENT_MODE_LABELS as Record<string, { label: string }>)[mode]?.label ?? mode;

export const routeName = (route: string): string =>
  (ROUTES as readonly string[]).includes(route) ? routeLabel(route as Route) : route;

const accuracySchema = z.union([
  z.number(),
  z.object({
    value: z.number().nullable(),
    n: z.number().optional(),
    low: z.number().optional(),
    high: z.number().optional(),
  }),
]);

/** The sentiment classifier's measured accuracy (0–1) on people's labels, with its sample and interval when given. */
export type Accuracy = { value: number | null; n: number | null; low: number | null; high: number | null };

export const sentimentAccuracy = (metric: MetricValueDto | undefined): Accuracy | null => {
  const parsed = accuracySchema.safeParse(metric?.detail?.accuracy);
  if (!parsed.success) return null;
  if (typeof parsed.data === 'number') return { value: parsed.data, n: null, low: null, high: null };
  return {
    value: parsed.data.value,
    n: parsed.data.n ?? null,
    low: parsed.data.low ?? null,
    high: parsed.data.high ?? null,
  };
};

const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

/** "The classifier was right on 71% of 400 posts people checked (66% to 75%)", or that nobody has checked it. */
export const describeAccuracy = (accuracy: Accuracy | null): string => {
  if (!accuracy || accuracy.value === null) {
    return 'Nobody has checked the sentiment classifier on this department’s posts yet, so how accurate it is here is not known.';
  }
  const sample =
    accuracy.n !== null
      ? ` of ${new Intl.NumberFormat('en-GB').format(accuracy.n)} posts people checked`
      : ' of the posts people checked';
  const interval =
    accuracy.low !== null && accuracy.high !== null
      ? ` (95% confidence: ${percent.format(accuracy.low)} to ${percent.format(accuracy.high)})`
      : '';
  return `The sentiment classifier agreed with people on ${percent.format(accuracy.value)}${sample}${interval}.`;
};
