import { Inject, Injectable } from '@nestjs/common';
import type { NetSentimentDetail } from '@parley/contracts';
import { DATA_SOURCE, SentimentRepository } from '@parley/db';
import {
  DomainError,
  bucketStart,
  bucketStarts,
  labelledAccuracy,
  netSentiment,
  sentimentShift,
  type Bucket,
  type SentimentCounts,
} from '@parley/domain';
import { CLASSIFIER_VERSION } from '@parley/tagging';
import type { DataSource } from 'typeorm';
import type { MetricCalculator, MetricReading, MetricScope, SeriesReading } from '../metric-calculator';

const ASSOCIATION = 'association, not causation';

/**
 * `net_sentiment` from the hourly sentiment roll-up (a person's label overriding the classifier), carrying the
 * classifier's accuracy against the department's labels so no figure is shown without it; `sentiment_shift` from
 * the department's engaged conversations. n is the number of posts (net sentiment) or conversations (shift).
 */
@Injectable()
export class SentimentCalculator implements MetricCalculator {
  readonly ids = ['net_sentiment', 'sentiment_shift'] as const;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly sentiment: SentimentRepository,
  ) {}

  async read({
    departmentId,
    window,
  }: MetricScope): Promise<{ net_sentiment: MetricReading; sentiment_shift: MetricReading }> {
    const [totals, pairs, around] = await Promise.all([
      this.sentiment.counts(this.dataSource, departmentId, window.from, window.to),
      this.sentiment.labelPairs(this.dataSource, departmentId, CLASSIFIER_VERSION),
      this.sentiment.aroundFirstReply(this.dataSource, departmentId, window.from, window.to),
    ]);
    const counts: SentimentCounts = {
      negative: totals.negative,
      neutral: totals.neutral,
      positive: totals.positive,
    };
    const net = netSentiment(counts);
    const detail: NetSentimentDetail = {
      counts,
      accuracy: labelledAccuracy(pairs),
      classifier: CLASSIFIER_VERSION,
    };
    const shift = sentimentShift(around.conversations);
    return {
      net_sentiment: { ...net, n: net.denominator, excluded: totals.excluded, detail },
      sentiment_shift: {
        value: shift.median,
        n: shift.shifts.length,
        numerator: null,
        denominator: null,
        excluded: around.excluded,
        detail: { label: ASSOCIATION, conversations: around.conversations.length, afterHours: 48 },
      },
    };
  }

  /** Net sentiment by day or week (or hour), each bucket with its counts by class. */
  async series(id: string, { departmentId, window }: MetricScope, bucket: Bucket): Promise<SeriesReading[]> {
    // A median of per-conversation shifts has no meaningful bucket total, so only net sentiment is charted.
    if (id !== 'net_sentiment')
      throw new DomainError(
        'not_found',
        'Sentiment after engagement has no chart over time; read its value.',
      );
    const rows = await this.sentiment.hourly(this.dataSource, departmentId, window.from, window.to);
    const byBucket = new Map<number, SentimentCounts & { excluded: number }>();
    for (const r of rows) {
      const at = bucketStart(r.hour, bucket).getTime();
      const c = byBucket.get(at) ?? { negative: 0, neutral: 0, positive: 0, excluded: 0 };
      c[r.label] += r.posts;
      c.excluded += r.excluded;
      byBucket.set(at, c);
    }
    return bucketStarts(window, bucket).map((at) => {
      const { excluded, ...counts } = byBucket.get(at.getTime()) ?? {
        negative: 0,
        neutral: 0,
        positive: 0,
        excluded: 0,
      };
      const net = netSentiment(counts);
      return { at, ...net, n: net.denominator, excluded, breakdown: counts };
    });
  }
}
