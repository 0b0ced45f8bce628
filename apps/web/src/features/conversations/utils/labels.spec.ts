import { describe, expect, it } from 'vitest';
import { ROUTE_LABELS, platformLabel, routeLabel, signalLabel } from './labels';

describe('route badge labels', () => {
  it.each([
    ['public-info', 'Public information', 'green'],
    ['pointer', 'Pointer', 'blue'],
    ['clearance', 'Needs clearance', 'orange'],
    ['press-office', 'Press office', 'red'],
    ['none', 'No action', 'grey'],
  ] as const)('%s → %s (%s)', (route, label, tone) => {
    expect(routeLabel(route)).toBe(label);
    expect(ROUTE_LABELS[route].tone).toBe(tone);
  });

  it('gives every route its own label and colour, so neither is ambiguous', () => {
    const labels = Object.values(ROUTE_LABELS);
    expect(new Set(labels.map((l) => l.label)).size).toBe(labels.length);
    expect(new Set(labels.map((l) => l.tone)).size).toBe(labels.length);
  });
});

describe('signal and platform labels', () => {
  it.each([
    ['resource-match', 'Matching resource'],
    ['already-engaged', 'Already engaged'],
    ['noise', 'Possible noise'],
  ] as const)('%s → %s', (kind, label) => expect(signalLabel(kind)).toBe(label));

  it.each([
    ['hackernews', 'Hacker News'],
    ['web', 'Web'],
    ['something-new', 'something-new'],
  ])('%s → %s', (platform, label) => expect(platformLabel(platform)).toBe(label));
});
