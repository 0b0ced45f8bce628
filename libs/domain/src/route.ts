export const ROUTES = ['public-info', 'pointer', 'clearance', 'press-office', 'none'] as const;
export type Route = (typeof ROUTES)[number];

export const SIGNAL_KINDS = [
  'rule',
  'own-thread',
  'question',
  'mention',
  'resource-match',
  'velocity',
  'participants',
  'sentiment',
  'reach',
  'recency',
  'already-engaged',
  'noise',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export type Signal = { kind: SignalKind; detail: string; weight: number };
