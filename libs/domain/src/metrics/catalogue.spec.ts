import { describe, expect, it } from 'vitest';
import { GCS_STAGES, METRIC_IDS, METRICS, isMetricId, metricDefinition } from './catalogue';

// Every id in the table of METRICS.md, in its order (amplification, applause and conversation share a row).
const SPECIFIED = [
  'opportunities',
  'coverage',
  'activity',
  'clearance_time',
  'first_response',
  'response_rate',
  'resolution_rate',
  'declined',
  'potential_reach',
  'share_of_voice',
  'velocity',
  'theme_share',
  'engagement_rate_followers',
  'amplification',
  'applause',
  'conversation',
  'net_sentiment',
  'sentiment_shift',
  'returning_participants',
  'triangle_mix',
  'close_the_loop',
  'governance',
  'policy_influence',
  'surveyed_outcome',
  'lessons',
  'input_cost',
];

describe('the metric catalogue', () => {
  it('holds exactly the ids of METRICS.md, once each', () => {
    expect(METRIC_IDS).toEqual(SPECIFIED);
  });

  it.each(METRICS.map((m) => [m.id, m] as const))('%s is described for people and labelled', (_, m) => {
    expect(m.name.length).toBeGreaterThan(3);
    expect(m.formula).toMatch(/^[A-Z].*\.$/);
    // Plain words: no internal ids in what people read.
    expect(m.formula).not.toMatch(/_/);
    expect(m.stages.length).toBeGreaterThan(0);
    for (const stage of m.stages) expect(GCS_STAGES).toContain(stage);
    expect(m.data.length).toBeGreaterThan(0);
    expect(m.audience.length).toBeGreaterThan(0);
  });

  it.each([
    ['share_of_voice', 'percent', ['P'], 'outputs'],
    ['policy_influence', 'percent', ['M', 'L'], 'impact'],
    ['declined', 'count', ['L'], 'learning'],
    ['input_cost', 'currency', ['M', 'L'], 'inputs'],
  ] as const)('%s: %s from %j at %s', (id, unit, data, stage) => {
    expect(metricDefinition(id)).toMatchObject({ unit, data, stages: [stage] });
  });

  it('recognises its ids only', () => {
    expect(isMetricId('velocity')).toBe(true);
    expect(isMetricId('advertising_value_equivalent')).toBe(false);
  });
});
