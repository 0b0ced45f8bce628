import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, ThemeRepository } from '@parley/db';
import { bucketStart, bucketStarts, comparisonWindow, ratio, type Bucket } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { ThemesService } from '../../themes/themes.service';
import type { MetricCalculator, MetricReading, MetricScope, SeriesReading } from '../metric-calculator';

/**
 * `theme_share`. One number cannot be every theme's share, so the value is the most-mentioned theme's share of
 * on-topic mentions: how much the conversation is about one thing (its change says whether it is converging or
 * spreading out). `detail.themes` lists every theme's share with its change in points against the period just
 * before, so a tile can show the rest; n is the on-topic mentions, the denominator of every share.
 */
@Injectable()
export class ThemeShareCalculator implements MetricCalculator {
  readonly ids = ['theme_share'] as const;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly themesService: ThemesService,
    private readonly themes: ThemeRepository,
  ) {}

  async read({ departmentId, window }: MetricScope): Promise<{ theme_share: MetricReading }> {
    const { current, shares } = await this.themesService.shares(
      departmentId,
      window,
      comparisonWindow(window, 'previous'),
    );
    const labels = new Map(current.themes.map((t) => [t.id, t.label]));
    const listed = shares.filter((s) => s.mentions > 0);
    const top = listed[0];
    return {
      theme_share: {
        value: top ? top.share : ratio(0, current.onTopic, 100),
        n: current.onTopic,
        excluded: current.excluded,
        numerator: top?.mentions ?? 0,
        denominator: current.onTopic,
        detail: {
          topTheme: top ? { id: top.id, label: labels.get(top.id) } : null,
          themes: listed.map((s) => ({
            id: s.id,
            label: labels.get(s.id),
            mentions: s.mentions,
            share: s.share,
            previousShare: s.previousShare,
            change: s.change,
          })),
        },
      },
    };
  }

  /**
   * Bucket by bucket: the value is the bucket's most-mentioned theme's share, `breakdown` each theme's mentions by
   * theme id and the denominator the bucket's on-topic mentions, so a chart can draw any theme's share over time.
   */
  async series(
    _id: 'theme_share',
    { departmentId, window }: MetricScope,
    bucket: Bucket,
  ): Promise<SeriesReading[]> {
    const [hours, onTopicHours] = await Promise.all([
      this.themes.hourly(this.dataSource, departmentId, window.from, window.to),
      this.themes.onTopicHourly(this.dataSource, departmentId, window.from, window.to),
    ]);
    const onTopic = new Map<number, number>();
    for (const { hour, mentions } of onTopicHours) {
      const at = bucketStart(hour, bucket).getTime();
      onTopic.set(at, (onTopic.get(at) ?? 0) + mentions);
    }
    const byTheme = new Map<number, Record<string, number>>();
    for (const { hour, themeId, mentions } of hours) {
      const at = bucketStart(hour, bucket).getTime();
      const breakdown = byTheme.get(at) ?? {};
      breakdown[themeId] = (breakdown[themeId] ?? 0) + mentions;
      byTheme.set(at, breakdown);
    }
    return bucketStarts(window, bucket).map((at) => {
      const denominator = onTopic.get(at.getTime()) ?? 0;
      const breakdown = byTheme.get(at.getTime()) ?? {};
      const top = Math.max(0, ...Object.values(breakdown));
      return {
        at,
        value: ratio(top, denominator, 100),
        n: denominator,
        numerator: top,
        denominator,
        breakdown,
      };
    });
  }
}
