import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, MentionRollupRepository } from '@parley/db';
import { ratio } from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { MetricCalculator, MetricReading, MetricScope } from '../metric-calculator';

/**
 * `share_of_voice`: the department's public mentions ÷ the mentions of everyone in the comparison set (every
 * department and every peer organisation in the workspace document), ×100. The topic is everything Parley listens
 * to; a post naming two of them counts for each, as each is mentioned. n is the comparison set's mentions.
 */
@Injectable()
export class ShareOfVoiceCalculator implements MetricCalculator {
  readonly ids = ['share_of_voice'] as const;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly rollup: MentionRollupRepository,
  ) {}

  async read({ departmentId, window }: MetricScope): Promise<{ share_of_voice: MetricReading }> {
    const [set, totals] = await Promise.all([
      this.rollup.comparisonSet(this.dataSource, window.from, window.to),
      this.rollup.totals(this.dataSource, departmentId, window.from, window.to),
    ]);
    const all = set.reduce((sum, entity) => sum + entity.mentions, 0);
    return {
      share_of_voice: {
        value: ratio(totals.mentions, all, 100),
        n: all,
        numerator: totals.mentions,
        denominator: all,
        excluded: totals.excluded,
        detail: {
          topic: 'all monitored sources',
          comparisonSet: set.map((entity) => ({
            kind: entity.kind,
            name: entity.name,
            self: entity.kind === 'department' && entity.id === departmentId,
            mentions: entity.mentions,
            share: ratio(entity.mentions, all, 100),
          })),
        },
      },
    };
  }
}
