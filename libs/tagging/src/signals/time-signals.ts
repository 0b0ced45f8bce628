import { SIGNAL_KINDS, type Signal, type SignalKind } from '@parley/domain';
import { RECENCY, recencyAt } from './recency.signal';
import { scoreSignals } from './score';
import { VELOCITY, velocityAt } from './velocity.signal';

/** The signals whose evidence is an age ("5 min ago"), so a stored copy goes stale as the clock moves. */
const TIME_DEPENDENT: ReadonlySet<SignalKind> = new Set(['recency', 'velocity']);

/** A signal as stored with its opportunity (its kind one of `SIGNAL_KINDS`, as tagging wrote it). */
export type StoredSignal = { kind: string; detail: string; weight: number };

/** How long after the public's last post the time-dependent signals stop changing (until someone posts again). */
export const TIME_SIGNALS_SETTLE_MS = Math.max(RECENCY.someHours, VELOCITY.windowHours) * 3_600_000;

const order = (kind: SignalKind): number => SIGNAL_KINDS.indexOf(kind);

/**
 * Stored signals with the time-dependent ones worked out again for `now` from when the public posted, and the
 * score that follows: what the inbox says is then true when it is read, not when the thread was tagged.
 */
export const refreshTimeSignals = (
  stored: StoredSignal[],
  publicPostTimes: Date[],
  now: Date,
): { signals: Signal[]; score: number } => {
  const fresh = [velocityAt(publicPostTimes, now), recencyAt(publicPostTimes, now)].filter(
    (s): s is Signal => s !== null,
  );
  const kept = stored
    .map((s) => ({ ...s, kind: s.kind as SignalKind }))
    .filter((s) => !TIME_DEPENDENT.has(s.kind));
  const signals = [...kept, ...fresh].sort((a, b) => order(a.kind) - order(b.kind));
  return { signals, score: scoreSignals(signals) };
};
