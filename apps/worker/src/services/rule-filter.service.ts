import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, TaggingRepository } from '@parley/db';
import { RuleMatcher } from '@parley/tagging';
import type { DataSource } from 'typeorm';

const REFRESH_MS = 10_000;

/**
 * Decides which firehose posts are worth keeping: those some rule in the workspace could match. The compiled
 * rules are rebuilt only when the workspace's rules change.
 */
@Injectable()
export class RuleFilterService {
  private cached: { fingerprint: string; matcher: RuleMatcher; checkedAt: number } | null = null;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly tagging: TaggingRepository,
  ) {}

  async matcher(): Promise<RuleMatcher> {
    if (this.cached && Date.now() - this.cached.checkedAt < REFRESH_MS) return this.cached.matcher;
    const fingerprint = await this.tagging.workspaceFingerprint(this.dataSource);
    if (this.cached?.fingerprint !== fingerprint) {
      this.cached = {
        fingerprint,
        matcher: new RuleMatcher(await this.tagging.enabledRules(this.dataSource)),
        checkedAt: Date.now(),
      };
    }
    this.cached.checkedAt = Date.now();
    return this.cached.matcher;
  }
}
