import type { Signal } from '@parley/domain';
import { hoursBetween } from './format';
import { SIGNAL_WEIGHTS } from './score';
import { publicPostTimes, type ThreadFacts } from './thread-facts';

const W = SIGNAL_WEIGHTS.velocity;
export const VELOCITY = {
  windowHours: 6,
  /** Fewer recent posts than this is chatter, however the rates compare. */
  minRecentPosts: 3,
  /** Recent rate over overall rate: the thread is speeding up. */
  growingRatio: 1.5,
  fastRatio: 3,
  /** Posts per hour that count as fast even for a thread younger than the window (its ratio is then 1). */
  fastPerHour: 2,
} as const;

export type Velocity = { recentPosts: number; recentPerHour: number; overallPerHour: number };

/**
 * Public posts per hour in the last six hours against the thread's whole life (at least an hour, to avoid spikes),
 * from the times of the public's dated posts.
 */
export const velocityOf = (times: Date[], now: Date): Velocity | null => {
  if (times.length === 0) return null;
  const first = Math.min(...times.map((t) => t.getTime()));
  const ageHours = Math.max(1, hoursBetween(new Date(first), now));
  const windowHours = Math.min(VELOCITY.windowHours, ageHours);
  const recentPosts = times.filter((t) => hoursBetween(t, now) <= windowHours).length;
  return { recentPosts, recentPerHour: recentPosts / windowHours, overallPerHour: times.length / ageHours };
};

export const measureVelocity = (facts: ThreadFacts): Velocity | null =>
  velocityOf(publicPostTimes(facts), facts.now);

const weightOf = (v: Velocity): number => {
  if (v.recentPosts < VELOCITY.minRecentPosts) return 0;
  const ratio = v.recentPerHour / v.overallPerHour;
  if (ratio >= VELOCITY.fastRatio || v.recentPerHour >= VELOCITY.fastPerHour) return W.fast;
  return ratio >= VELOCITY.growingRatio ? W.growing : 0;
};

export const velocityAt = (times: Date[], now: Date): Signal | null => {
  const v = velocityOf(times, now);
  const weight = v ? weightOf(v) : 0;
  if (!v || weight === 0) return null;
  const detail = `${v.recentPosts} posts in the last ${VELOCITY.windowHours} h (${v.recentPerHour.toFixed(1)}/h vs ${v.overallPerHour.toFixed(1)}/h overall)`;
  return { kind: 'velocity', detail, weight };
};

export const velocitySignal = (facts: ThreadFacts): Signal | null =>
  velocityAt(publicPostTimes(facts), facts.now);
