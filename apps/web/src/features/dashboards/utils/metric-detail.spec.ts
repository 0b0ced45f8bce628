import { describe, expect, it } from 'vitest';
import type { MetricValueDto } from '@parley/contracts';
import {
  backlogByAge,
  breakdown,
  describeAccuracy,
  firstResponseDetail,
  kindLabel,
  sentimentAccuracy,
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

describe('backlogByAge', () => {
  it('bands waiting conversations by age, each in exactly one band', () =>
    // 30 min → under 1 h; 60 and 239 → 1–4 h; 1,440 (exactly a day) → 1–3 days; 5,000 → over 3 days.
    expect(backlogByAge([30, 60, 239, 1440, 5000].map((ageMinutes) => ({ ageMinutes })))).toEqual([
      { Waiting: 'Under 1 hour', Conversations: 1 },
      { Waiting: '1 to 4 hours', Conversations: 2 },
      { Waiting: '4 to 24 hours', Conversations: 0 },
      { Waiting: '1 to 3 days', Conversations: 1 },
      { Waiting: 'Over 3 days', Conversations: 1 },
    ]));
});

describe('detail readers', () => {
  it('read first_response when it has the expected shape, and nothing otherwise', () => {
    expect(firstResponseDetail(metric({ median: 95, p90: 400, withinSla: 80 }))).toEqual({
      median: 95,
      p90: 400,
      withinSla: 80,
    });
    expect(firstResponseDetail(metric({ median: 'fast' }))).toBeNull();
  });

  it('labels a breakdown, or gives null when the metric has none', () => {
    expect(breakdown(metric({ byType: { reply: 3, 'original-post': 1 } }), 'byType', kindLabel)).toEqual([
      { label: 'Replies', value: 3 },
      { label: 'Original posts', value: 1 },
    ]);
    expect(breakdown(metric(undefined), 'byType', kindLabel)).toBeNull();
  });

  it('says the measured accuracy with its sample and interval', () =>
    expect(
      describeAccuracy(
        sentimentAccuracy(metric({ accuracy: { value: 0.71, n: 400, low: 0.66, high: 0.75 } })),
      ),
    ).toBe(
      'The sentiment classifier agreed with people on 71% of 400 posts people checked (95% confidence: 66% to 75%).',
    ));

  it('says plainly when nobody has checked the classifier', () =>
    expect(describeAccuracy(sentimentAccuracy(metric({})))).toMatch(/^Nobody has checked/));
});
