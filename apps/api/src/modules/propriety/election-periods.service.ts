import { Inject, Injectable } from '@nestjs/common';
import type { ElectionPeriodView } from '@parley/contracts';
import { DATA_SOURCE, ElectionPeriodRepository } from '@parley/db';
import { activeElectionPeriod } from '@parley/domain';
import type { DataSource } from 'typeorm';

/** The election period in force today (UK dates), read from what the workspace document stored. */
@Injectable()
export class ElectionPeriodsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly periods: ElectionPeriodRepository,
  ) {}

  async current(at: Date = new Date()): Promise<ElectionPeriodView | null> {
    const active = activeElectionPeriod(await this.periods.all(this.dataSource), at);
    return active && { name: active.name, from: active.from, to: active.to };
  }
}
