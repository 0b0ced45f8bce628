import { describe, expect, it } from 'vitest';
import { ROUTE_LABELS, SIGNAL_LABELS, platformLabel, routeLabel, signalLabel, sourceLabel } from './labels';

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
    ['rule', 'Listening rule'],
    ['resource-match', 'Published material'],
    ['sentiment', 'Tone'],
    ['recency', 'Activity'],
    ['participants', 'Participants'],
    ['already-engaged', 'Already engaged'],
    ['noise', 'Possible noise'],
  ] as const)('%s → %s', (kind, label) => expect(signalLabel(kind)).toBe(label));

  it('labels every signal in words, never with its key', () => {
    for (const [kind, label] of Object.entries(SIGNAL_LABELS)) {
      expect(label).not.toBe(kind);
      expect(label).toMatch(/^[A-Z][a-z]+(?: [a-z]+)*$/);
    }
  });

  it.each([
    ['hackernews', 'Hacker News'],
    ['web', 'Web'],
    ['something-new', 'something-new'],
  ])('%s → %s', (platform, label) => expect(platformLabel(platform)).toBe(label));
});

describe('sourceLabel', () => {
  it.each([
    [
      { source: 'sample-travel-talk', sourceName: 'Sample data (offline replay): Travel Talk' },
      'Sample data (offline replay): Travel Talk',
    ],
    [{ source: 'commuter-forum', sourceName: null }, 'commuter-forum'],
    [{ source: 'commuter-forum', sourceName: '  ' }, 'commuter-forum'],
  ])('%j → %s', (item, label) => expect(sourceLabel(item)).toBe(label));
});
