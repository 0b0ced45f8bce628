import { describe, expect, it } from 'vitest';
import type { MetricValueDto } from '@parley/contracts';
import {
  activityBreakdown,
  backlogRows,
  describeAccuracy,
  firstResponseDetail,
  modeMix,
  netSentimentDetail,
} from './metric-detail';

const metric = (detail: Record<string, unknown> | undefined): MetricValueDto => ({
  value: 1,
  n: 1,
  numerator: null,
  denominator: null,
  previous: null,
  change: null,
  unit: 'count',
  stage: 'outputs',
  smallSample: true,
  excluded: 0,
  detail,
});

// The shape the responsiveness calculator sends (metricDetailSchemas.first_response).
const firstResponse = {
  median: 95,
  p90: 400,
  withinSla: 80,
  answeredWithinSla: 4,
  answered: 5,
  backlog: {
    count: 3,
    byAge: [
      { label: 'Under 1 hour', fromMinutes: 0, toMinutes: 60, count: 1 },
      { label: 'Over 3 days', fromMinutes: 4320, toMinutes: null, count: 2 },
    ],
  },
  sla: { minutes: 240, businessHours: true },
};

describe('detail readers', () => {
  it('reads first_response in the contract’s shape and its backlog bands as rows, and nothing otherwise', () => {
    const detail = firstResponseDetail(metric(firstResponse));
    expect(detail?.median).toBe(95);
    expect(detail && backlogRows(detail)).toEqual([
      { Waiting: 'Under 1 hour', Conversations: 1 },
      { Waiting: 'Over 3 days', Conversations: 2 },
    ]);
    // The wave-1 guess (backlog as a list of ages) is not the contract: it reads as "not given".
    expect(firstResponseDetail(metric({ median: 95, p90: 400, backlog: [{ ageMinutes: 3 }] }))).toBeNull();
  });

  it('labels the activity breakdowns, or gives null when the metric has none', () => {
    // The calculator sends every kind and every route, zero or not (the contract's records are exhaustive).
    const byRoute = { 'public-info': 2, pointer: 0, clearance: 0, 'press-office': 0, none: 0 };
    const activity = metric({ byType: { reply: 3, pointer: 0, 'original-post': 1 }, byRoute });
    expect(activityBreakdown(activity, 'byType')).toEqual([
      { label: 'Replies', value: 3 },
      { label: 'Pointers', value: 0 },
      { label: 'Original posts', value: 1 },
    ]);
    expect(activityBreakdown(metric(undefined), 'byType')).toBeNull();
  });

  it('reads the mode mix as shares, all zero when no engagement had a mode', () => {
    // 3 transmit, 1 receive of 4 with a mode → 75% and 25%.
    const mix = {
      shares: { transmit: 75, receive: 25, collaborate: 0 },
      counts: { transmit: 3, receive: 1, collaborate: 0 },
      modeNotRecorded: 2,
    };
    expect(modeMix(metric(mix))?.map((row) => row.value)).toEqual([75, 25, 0]);
    const none = {
      shares: { transmit: null, receive: null, collaborate: null },
      counts: { transmit: 0, receive: 0, collaborate: 0 },
      modeNotRecorded: 2,
    };
    expect(modeMix(metric(none))?.map((row) => row.value)).toEqual([0, 0, 0]);
    expect(modeMix(metric(undefined))).toBeNull();
  });

  it('says the measured accuracy with its sample and interval', () => {
    const detail = netSentimentDetail(
      metric({
        counts: { negative: 1, neutral: 2, positive: 3 },
        accuracy: { n: 400, accuracy: 0.71, ciLow: 0.66, ciHigh: 0.75, macroRecall: 0.7 },
        classifier: 'v1',
      }),
    );
    expect(describeAccuracy(detail?.accuracy ?? null)).toBe(
      'The sentiment classifier agreed with people on 71% of 400 posts people checked (95% confidence: 66% to 75%).',
    );
  });

  it('says plainly when nobody has checked the classifier', () =>
    expect(
      describeAccuracy(
        netSentimentDetail(
          metric({ counts: { negative: 0, neutral: 0, positive: 0 }, accuracy: null, classifier: 'v1' }),
        )?.accuracy ?? null,
      ),
    ).toMatch(/^Nobody has checked/));
});
