import type { DepartmentProfile } from './conversation-tagger';
import type { Account } from './department-posts';
import { RuleMatcher, type RuleDefinition } from './rule-matcher';

type Department = Omit<DepartmentProfile, 'handles' | 'resources'>;
type Resource = DepartmentProfile['resources'][number] & { departmentId: string };

/**
 * What tagging is compiled from, and a cheap fingerprint that changes whenever any of it does. The apps read it
 * from the database (`taggingWorkspace` in @parley/db), so this library stays free of storage.
 */
export type TaggingWorkspace = {
  fingerprint: () => Promise<string>;
  rules: () => Promise<RuleDefinition[]>;
  departments: () => Promise<Department[]>;
  accounts: () => Promise<Account[]>;
  resources: () => Promise<Resource[]>;
};

export type TaggingModel = {
  matcher: RuleMatcher;
  /** The rules in force, so an opportunity re-tagging drops can say which of its rules stopped counting. */
  rules: RuleDefinition[];
  departments: DepartmentProfile[];
  accounts: Account[];
};

export type CompiledRulesCacheOptions = {
  /** How long a model is used before the fingerprint is read again; 0 reads it on every call. */
  recheckMs?: number;
  /** Told about each rule that does not compile (it is left out of the matcher). */
  onProblem?: (problem: { key: string; message: string }) => void;
};

/**
 * Rules are compiled once and rebuilt only when the workspace changes. The department profiles are kept too:
 * their resources' stemmed text is cached per object, so rebuilding them needlessly would stem them again.
 */
export class CompiledRulesCache {
  private cached: { fingerprint: string; model: TaggingModel; checkedAt: number } | null = null;

  constructor(
    private readonly workspace: TaggingWorkspace,
    private readonly options: CompiledRulesCacheOptions = {},
  ) {}

  async current(): Promise<TaggingModel> {
    if (this.cached && Date.now() - this.cached.checkedAt < (this.options.recheckMs ?? 0)) {
      return this.cached.model;
    }
    const fingerprint = await this.workspace.fingerprint();
    if (this.cached?.fingerprint !== fingerprint) {
      this.cached = { fingerprint, model: await this.build(), checkedAt: 0 };
    }
    this.cached.checkedAt = Date.now();
    return this.cached.model;
  }

  private async build(): Promise<TaggingModel> {
    const [rules, departments, accounts, resources] = await Promise.all([
      this.workspace.rules(),
      this.workspace.departments(),
      this.workspace.accounts(),
      this.workspace.resources(),
    ]);
    const matcher = new RuleMatcher(rules);
    for (const problem of matcher.problems) this.options.onProblem?.(problem);
    const profiles = departments.map((d) => ({
      ...d,
      handles: accounts.filter((a) => a.departmentId === d.id).map((a) => a.handle),
      resources: resources
        .filter((r) => r.departmentId === d.id)
        .map(({ title, url, text }) => ({ title, url, text })),
    }));
    return { matcher, rules, departments: profiles, accounts };
  }
}
