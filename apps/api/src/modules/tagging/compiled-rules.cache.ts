import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  TaggingRepository,
  WorkspaceRepository,
  type AccountForMatching,
  type DepartmentRow,
} from '@parley/db';
import { RuleMatcher } from '@parley/tagging';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../../common/infrastructure.module';

export type TaggingModel = {
  matcher: RuleMatcher;
  departments: DepartmentRow[];
  accounts: AccountForMatching[];
};

/** Rules are compiled once and rebuilt only when the rules table changes (checked by a cheap fingerprint). */
@Injectable()
export class CompiledRulesCache {
  private readonly logger = new Logger(CompiledRulesCache.name);
  private cached: { fingerprint: string; model: TaggingModel } | null = null;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly tagging: TaggingRepository,
    private readonly workspace: WorkspaceRepository,
  ) {}

  async current(): Promise<TaggingModel> {
    const fingerprint = await this.tagging.workspaceFingerprint(this.dataSource);
    if (this.cached?.fingerprint === fingerprint) return this.cached.model;
    const [rules, departments, accounts] = await Promise.all([
      this.tagging.enabledRules(this.dataSource),
      this.workspace.allDepartments(this.dataSource),
      this.tagging.accounts(this.dataSource),
    ]);
    const matcher = new RuleMatcher(rules);
    for (const problem of matcher.problems)
      this.logger.warn({ message: 'rule skipped', rule: problem.key, problem: problem.message });
    this.cached = { fingerprint, model: { matcher, departments, accounts } };
    return this.cached.model;
  }
}
