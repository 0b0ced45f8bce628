import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  TaggingRepository,
  WorkspaceRepository,
  type AccountForMatching,
  type RuleForMatching,
} from '@parley/db';
import { RuleMatcher, type DepartmentProfile } from '@parley/tagging';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../../common/infrastructure.module';

export type TaggingModel = {
  matcher: RuleMatcher;
  /** The rules in force, so an opportunity re-tagging drops can say which of its rules stopped counting. */
  rules: RuleForMatching[];
  departments: DepartmentProfile[];
  accounts: AccountForMatching[];
};

/**
 * Rules are compiled once and rebuilt only when the workspace changes (a cheap fingerprint query). The department
 * profiles are kept too: their resources' stemmed text is cached per object.
 */
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
    const [rules, departments, accounts, resources] = await Promise.all([
      this.tagging.enabledRules(this.dataSource),
      this.workspace.allDepartments(this.dataSource),
      this.tagging.accounts(this.dataSource),
      this.tagging.resources(this.dataSource),
    ]);
    const matcher = new RuleMatcher(rules);
    for (const problem of matcher.problems) {
      this.logger.warn({ message: 'rule skipped', rule: problem.key, problem: problem.message });
    }
    const profiles = departments.map((d) => ({
      ...d,
      handles: accounts.filter((a) => a.departmentId === d.id).map((a) => a.handle),
      resources: resources
        .filter((r) => r.departmentId === d.id)
        .map(({ title, url, text }) => ({ title, url, text })),
    }));
    this.cached = { fingerprint, model: { matcher, rules, departments: profiles, accounts } };
    return this.cached.model;
  }
}
