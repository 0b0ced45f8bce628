import { SIGNAL_KINDS, type Signal, type SignalKind } from '@parley/domain';
import { recencyAt } from './recency.signal';
import { scoreSignals } from './score';
import { velocityAt } from './velocity.signal';

/** The signals whose evidence is an age ("5 min ago"), so a stored copy goes stale as the clock moves. */
const TIME_DEPENDENT: ReadonlySet<SignalKind> = new Set(['recency', 'velocity']);

const order = (kind: SignalKind): number => SIGNAL_KINDS.indexOf(kind);

/**
 * Stored signals with the time-dependent ones worked out again for `now` from when the public posted, and the
 * score that follows: what the inbox says is then true when it is read, not when the thread was tagged.
 */
export const refreshTimeSignals = (
  stored: Signal[],
  publicPostTimes: Date[],
  now: Date,
): { signals: Signal[]; score: number } => {
  const fresh = [velocityAt(publicPostTimes, now), recencyAt(publicPostTimes, now)].filter(
    (s): s is Signal => s !== null,
  );
  const signals = [...stored.filter((s) => !TIME_DEPENDENT.has(s.kind)), ...fresh].sort(
    (a, b) => order(a.kind) - order(b.kind),
  );
  return { signals, score: scoreSignals(signals) };
};
