import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, OwnPostRepository, type OwnPostRow } from '@parley/db';
import {
  bucketStart,
  bucketStarts,
  engagementQuality,
  type Bucket,
  type EngagementQuality,
} from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { MetricCalculator, MetricReading, MetricScope, SeriesReading } from '../metric-calculator';

const IDS = ['engagement_rate_followers', 'amplification', 'applause', 'conversation'] as const;
type EngagementQualityId = (typeof IDS)[number];

/**
 * Engagement quality of the department's own posts (METRICS.md): the engagement rate by followers, and
 * amplification, applause and conversation per post (each also per 1,000 followers in `detail`). Own posts are
 * few, so one indexed read of the window gives all four, and a series cuts the same rows into buckets.
 */
@Injectable()
export class EngagementQualityCalculator implements MetricCalculator {
  readonly ids = IDS;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly ownPosts: OwnPostRepository,
  ) {}

  async read({ departmentId, window }: MetricScope): Promise<EngagementQuality> {
    return engagementQuality(await this.posts(departmentId, window));
  }

  async series(
    id: EngagementQualityId,
    { departmentId, window }: MetricScope,
    bucket: Bucket,
  ): Promise<SeriesReading[]> {
    const byBucket = new Map<number, OwnPostRow[]>();
    for (const post of await this.posts(departmentId, window)) {
      const start = bucketStart(post.publishedAt, bucket).getTime();
      byBucket.set(start, [...(byBucket.get(start) ?? []), post]);
    }
    return bucketStarts(window, bucket).map((at) => {
      const reading: MetricReading = engagementQuality(byBucket.get(at.getTime()) ?? [])[id];
      return { ...reading, at };
    });
  }

  private posts(departmentId: string, window: MetricScope['window']): Promise<OwnPostRow[]> {
    return this.ownPosts.inWindow(this.dataSource, departmentId, window.from, window.to);
  }
}
