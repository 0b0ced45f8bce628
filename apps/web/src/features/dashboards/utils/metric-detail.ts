import {
  metricDetailSchemas,
  netSentimentDetailSchema,
  type MetricValueDto,
  type NetSentimentDetail,
  type SentimentAccuracy,
} from '@parley/contracts';
import { ENGAGEMENT_MODE_LABELS, ROUTES, type Route } from '@parley/domain';
import type { z } from 'zod';
import { routeLabel } from '../../../lib/labels';

/**
 * Readers for `detail`, the part of a metric beyond one number, parsed with the contract's own schemas: a detail
 * missing or of another shape (an older api) reads as "not given", so the page says "No data yet", never crashes.
 */
const parsed = <S extends z.ZodType>(schema: S, metric: MetricValueDto | undefined): z.infer<S> | null => {
  const result = schema.safeParse(metric?.detail);
  return result.success ? result.data : null;
};

export type FirstResponseDetail = z.infer<typeof metricDetailSchemas.first_response>;

export const firstResponseDetail = (metric: MetricValueDto | undefined): FirstResponseDetail | null =>
  parsed(metricDetailSchemas.first_response, metric);

/** The open backlog as chart rows, in the bands the api counted them in (under 1 hour … over 3 days). */
export const backlogRows = (detail: FirstResponseDetail): { Waiting: string; Conversations: number }[] =>
  detail.backlog.byAge.map((band) => ({ Waiting: band.label, Conversations: band.count }));

type Labelled = { label: string; value: number }[];

const rows = (values: Partial<Record<string, number | null>>, label: (key: string) => string): Labelled =>
  Object.entries(values).map(([key, value]) => ({ label: label(key), value: value ?? 0 }));

/** Engagements by type or by route (`activity.detail.byType` / `byRoute`); null when the metric does not give it. */
export const activityBreakdown = (
  metric: MetricValueDto | undefined,
  by: 'byType' | 'byRoute',
): Labelled | null => {
  const detail = parsed(metricDetailSchemas.activity, metric);
  if (!detail) return null;
  return rows(detail[by], by === 'byType' ? kindLabel : routeName);
};

/**
 * The mode mix as shares (percent) of the engagements whose mode was recorded (all zero when none was: the chart
 * then says so); null when the metric does not give it.
 */
export const modeMix = (metric: MetricValueDto | undefined): Labelled | null => {
  const detail = parsed(metricDetailSchemas.triangle_mix, metric);
  return detail ? rows(detail.shares, modeLabel) : null;
};

export const kindLabel = (kind: string): string =>
  ({ reply: 'Replies', pointer: 'Pointers', 'original-post': 'Original posts' })[kind] ?? kind;

export const modeLabel = (mode: string): string =>
  (ENGAGEMENT_MODE_LABELS as Record<string, { label: string }>)[mode]?.label ?? mode;

export const routeName = (route: string): string =>
  (ROUTES as readonly string[]).includes(route) ? routeLabel(route as Route) : route;

export const netSentimentDetail = (metric: MetricValueDto | undefined): NetSentimentDetail | null =>
  parsed(netSentimentDetailSchema, metric);

export const SENTIMENT_CLASSES = ['negative', 'neutral', 'positive'] as const;
export const SENTIMENT_NAMES = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' } as const;

const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

/** "The sentiment classifier agreed with people on 71% of 400 posts people checked (…)", or that nobody has. */
export const describeAccuracy = (accuracy: SentimentAccuracy | null): string => {
  if (!accuracy) {
    return 'Nobody has checked the sentiment classifier on this department’s posts yet, so how accurate it is here is not known.';
  }
  const checked = new Intl.NumberFormat('en-GB').format(accuracy.n);
  return `The sentiment classifier agreed with people on ${percent.format(accuracy.accuracy)} of ${checked} ${
    accuracy.n === 1 ? 'post' : 'posts'
  } people checked (95% confidence: ${percent.format(accuracy.ciLow)} to ${percent.format(accuracy.ciHigh)}).`;
};
