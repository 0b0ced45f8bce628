import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, MetricsLogRepository } from '@parley/db';
import { ENGAGEMENT_MODES, ROUTES, median, p90, ratio, shares } from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { MetricCalculator, MetricReading, MetricScope } from '../metric-calculator';
import { countBy } from './engagement-counts';

type Id = 'clearance_time' | 'triangle_mix' | 'governance';

/** At most this many overridden propriety warnings are listed with their reasons; the count is of all of them. */
const OVERRIDES_LISTED = 20;

/** From the department's engagements in the window: `clearance_time`, `triangle_mix` and `governance`. */
@Injectable()
export class EngagementLogCalculator implements MetricCalculator {
  readonly ids = ['clearance_time', 'triangle_mix', 'governance'] as const;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly log: MetricsLogRepository,
  ) {}

  async read({ departmentId, window }: MetricScope): Promise<Record<Id, MetricReading>> {
    const q = this.dataSource;
    const [groups, clearance, overrides, announcements] = await Promise.all([
      this.log.engagementGroups(q, departmentId, window.from, window.to),
      this.log.clearanceMinutes(q, departmentId, window.from, window.to),
      this.log.proprietyOverrides(q, departmentId, window.from, window.to, OVERRIDES_LISTED),
      this.log.announcementsWithoutPressOffice(q, departmentId, window.from, window.to),
    ]);
    const total = groups.reduce((sum, g) => sum + g.engagements, 0);
    const byRoute = countBy(ROUTES, groups, (g) => g.route);
    const modes = countBy(ENGAGEMENT_MODES, groups, (g) => g.mode);
    const withMode = modes.transmit + modes.receive + modes.collaborate;
    const identified = groups.filter((g) => g.identified).reduce((sum, g) => sum + g.engagements, 0);
    return {
      clearance_time: {
        value: median(clearance),
        n: clearance.length,
        numerator: null,
        denominator: null,
        detail: {
          median: median(clearance),
          p90: p90(clearance),
          share: {
            value: ratio(byRoute.clearance, total, 100),
            numerator: byRoute.clearance,
            denominator: total,
          },
        },
      },
      // One number for a mix: the share that was two-way (listening or working with people), the direction
      // public-dialogue guidance asks departments to move in. The three shares are in the detail.
      triangle_mix: {
        value: ratio(modes.receive + modes.collaborate, withMode, 100),
        n: withMode,
        numerator: modes.receive + modes.collaborate,
        denominator: withMode,
        detail: { shares: shares(modes), counts: modes, modeNotRecorded: total - withMode },
      },
      governance: {
        value: ratio(identified, total, 100),
        n: total,
        numerator: identified,
        denominator: total,
        detail: {
          announcementsWithoutPressOffice: announcements,
          proprietyOverrides: {
            count: overrides.count,
            latest: overrides.latest.map((o) => ({ ...o, at: o.at.toISOString() })),
          },
        },
      },
    };
  }
}
