import { bucketStart, bucketStarts, type Bucket } from './buckets';
import type { Window } from './conventions';
import { SPIKE_K, VELOCITY_HOURS, hourlySeries, spikeMarks } from './velocity';

const HOUR_MS = 3_600_000;

/** The hours before a window that judging its first hour for a spike needs (its own 24 h and the 7 days before). */
export const spikeHistoryWindow = (window: Window): Window => ({
  from: new Date(window.from.getTime() - (VELOCITY_HOURS - 1) * HOUR_MS),
  to: window.to,
});

export type MentionBucket = { at: Date; mentions: number; spike: boolean };

/**
 * Mentions per bucket of `window`, from the roll-up's hourly points over `spikeHistoryWindow(window)`. A bucket is
 * marked a spike when any of its hours ends a spike (METRICS.md: judged on that hour's last 24 h against the 7 days
 * before), so a day or a week shows the spike an hourly chart would; hours before `from` only inform the judging.
 */
export const mentionBuckets = (
  points: readonly { hour: Date; mentions: number }[],
  window: Window,
  bucket: Bucket,
  k = SPIKE_K,
): MentionBucket[] => {
  const hours = hourlySeries(points, spikeHistoryWindow(window));
  const marks = spikeMarks(
    hours.map((h) => h.mentions),
    k,
  );
  const buckets = new Map(
    bucketStarts(window, bucket).map((at) => [at.getTime(), { at, mentions: 0, spike: false }]),
  );
  hours.forEach((h, i) => {
    if (h.hour < window.from || h.hour >= window.to) return;
    const slot = buckets.get(bucketStart(h.hour, bucket).getTime());
    if (!slot) return;
    slot.mentions += h.mentions;
    slot.spike ||= marks[i];
  });
  return [...buckets.values()];
};
