import { Inject, Injectable } from '@nestjs/common';
import type {
  Backfill,
  PreviewRequest,
  PreviewResponse,
  Rule,
  RuleSaved,
  RuleUpsert,
  RuleVersion,
} from '@parley/contracts';
import {
  DATA_SOURCE,
  inTransaction,
  iso,
  PREVIEW_FIRST_PARAMETER,
  PreviewRepository,
  WorkspaceRepository,
  type Queryable,
} from '@parley/db';
import { compileToSql, parseQuery } from '@parley/tagging';
import { DomainError, KEY_PATTERN, RESERVED_RULE_KEYS } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { BackfillOutbox, RETAG_WINDOW_MS } from '../workspace/backfill-outbox.service';
import { RuleWriter } from '../workspace/rule-writer.service';
import { lawfulnessProblems, namedPeopleOf } from '../workspace/rule-lawfulness';
import type { RuleFields } from '../workspace/workspace-state';
import { LawfulListeningPolicy } from '../lawful-listening/lawful-listening-policy.service';
import { queryProblem } from '../../common/query-problem';

const UNIQUE_VIOLATION = '23505';

const conflict = (message: string): DomainError =>
  new DomainError('conflict', message, [{ path: 'expectedVersion', message }]);

const alreadyExists = (departmentKey: string, key: string): DomainError =>
  conflict(
    `There is already a rule "${key}" in ${departmentKey}: open it to change it, or choose another key.`,
  );

/**
 * Refuses a change made from a version that is no longer current (0: made as a new rule, which may also leave
 * `expectedVersion` out). Changing an existing rule must name the version it was made from, so a script cannot
 * overwrite someone else's change without seeing it. A rule removed from the workspace counts as not existing.
 */
const checkExpectedVersion = (
  departmentKey: string,
  key: string,
  existing: { version: number; deletedAt: Date | null } | undefined,
  expected: number | undefined,
): void => {
  const current = existing && !existing.deletedAt ? existing.version : 0;
  if (expected === undefined && current > 0) {
    const message = `Rule "${key}" already exists in ${departmentKey} (version ${current}): send expectedVersion, the version your change was made from, so a change made meanwhile is not overwritten.`;
    throw new DomainError('precondition_required', message, [{ path: 'expectedVersion', message }]);
  }
  if (expected === undefined || expected === current) return;
  if (expected === 0) throw alreadyExists(departmentKey, key);
  if (current === 0) throw conflict(`Rule "${key}" no longer exists in ${departmentKey}.`);
  throw conflict(
    `Rule "${key}" was changed by someone else while you edited it (version ${expected} is now ${current}): reload it and make your change again.`,
  );
};
const PREVIEW_TIMEOUT_MS = 5_000;

/** Listening rules one at a time: list, history, change (with a reason) and the re-tagging that follows. */
@Injectable()
export class RulesService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly workspace: WorkspaceRepository,
    private readonly access: DepartmentAccess,
    private readonly writer: RuleWriter,
    private readonly outbox: BackfillOutbox,
    private readonly previews: PreviewRepository,
    private readonly policy: LawfulListeningPolicy,
  ) {}

  async list(auth: AuthContext, departmentKey: string | undefined): Promise<Rule[]> {
    const ids = departmentKey
      ? [(await this.access.resolve(auth, departmentKey)).id]
      : this.access.allowedIds(auth);
    const rows = await this.workspace.rulesOfDepartments(this.dataSource, ids);
    return rows.map((r) => ({
      department: r.department,
      key: r.key,
      name: r.name,
      query: r.query,
      purpose: r.purpose,
      lawfulBasis: r.lawfulBasis,
      justification: r.justification,
      namedPeople: r.namedPeople,
      enabled: r.enabled,
      version: r.version,
      updatedAt: iso(r.updatedAt) as string,
    }));
  }

  async versions(auth: AuthContext, departmentKey: string, key: string): Promise<RuleVersion[]> {
    const department = await this.access.resolve(auth, departmentKey);
    const rule = (await this.workspace.rulesOf(this.dataSource, department.id)).find((r) => r.key === key);
    if (!rule) throw new DomainError('not_found', `No rule "${key}" in ${departmentKey}.`);
    const versions = await this.workspace.versionsOf(this.dataSource, rule.id);
    return versions.map((v) => ({ ...v, changedAt: iso(v.changedAt) as string }));
  }

  async save(auth: AuthContext, departmentKey: string, key: string, request: RuleUpsert): Promise<RuleSaved> {
    if (!KEY_PATTERN.test(key)) {
      throw new DomainError('invalid', 'A rule key uses lower-case letters, digits and hyphens.', [
        { path: 'key', message: 'use lower-case letters, digits and hyphens' },
      ]);
    }
    if (RESERVED_RULE_KEYS.has(key)) {
      throw new DomainError('invalid', `A rule cannot be keyed "${key}": choose another key.`, [
        { path: 'key', message: `"${key}" is reserved` },
      ]);
    }
    const department = await this.access.resolve(auth, departmentKey, 'rule.edit');
    const problem = queryProblem(request.query, 'query');
    if (problem) throw new DomainError('invalid', `The query cannot be used: ${problem.message}`, [problem]);
    // The re-tag is recorded with the change, so a change that committed re-tags even if Redis is away now.
    const { backfill, emails } = await inTransaction(this.dataSource, async (tx) => {
      const existing = await this.workspace.ruleForUpdate(tx, department.id, key);
      checkExpectedVersion(departmentKey, key, existing, request.expectedVersion);
      const fields = await this.lawfulFields(tx, `${departmentKey}/${key}`, request);
      const saved = await this.writer.save(
        tx,
        actorOf(auth),
        { departmentId: department.id, key, existing },
        fields,
        request.reason,
      );
      const retag = await this.outbox.record(tx, `rule ${departmentKey}/${key} changed`, [department.id]);
      return { backfill: retag, emails: saved.emails };
    }).catch((error: unknown) => {
      // Two people adding the same key at once: the second insert meets the first's row.
      throw (error as { code?: string }).code === UNIQUE_VIOLATION
        ? alreadyExists(departmentKey, key)
        : error;
    });
    await this.writer.sendEmails(emails);
    const backfillState = await this.outbox.dispatch(backfill);
    const [rule] = (await this.list(auth, departmentKey)).filter((r) => r.key === key);
    return { rule, backfill: backfill.id, backfillState };
  }

  /**
   * The rule as it would be saved, with the private individuals its query follows, or the refusal naming the rule
   * and each missing field (a lawful basis and purpose the workspace requires, a justification for a named person).
   */
  private async lawfulFields(tx: Queryable, label: string, request: RuleUpsert): Promise<RuleFields> {
    const settings = await this.policy.settings(tx);
    const fields: RuleFields = {
      name: request.name,
      query: request.query,
      purpose: request.purpose ?? null,
      lawfulBasis: request.lawfulBasis ?? null,
      justification: request.justification ?? null,
      namedPeople: namedPeopleOf(request.query, await this.policy.directory(tx, settings)),
      enabled: request.enabled,
    };
    const problems = lawfulnessProblems(label, fields, settings, {
      purpose: 'purpose',
      lawfulBasis: 'lawfulBasis',
      justification: 'justification',
    });
    if (problems.length) {
      const message = problems.map((p) => p.message).join('; ');
      throw new DomainError('invalid', `${message[0].toUpperCase()}${message.slice(1)}.`, problems);
    }
    return fields;
  }

  /** How many of the department's conversations the query would have matched (default: the last 30 days). */
  async preview(auth: AuthContext, request: PreviewRequest): Promise<PreviewResponse> {
    const department = await this.access.resolve(auth, request.department);
    const to = request.to ? new Date(request.to) : new Date();
    const from = request.from ? new Date(request.from) : new Date(to.getTime() - RETAG_WINDOW_MS);
    if (from >= to)
      throw new DomainError('invalid', 'The preview window must start before it ends.', [
        { path: 'from', message: 'must be before to' },
      ]);
    const problem = queryProblem(request.query, 'query');
    if (problem) throw new DomainError('invalid', `The query cannot be used: ${problem.message}`, [problem]);
    const condition = compileToSql(parseQuery(request.query), { firstParameter: PREVIEW_FIRST_PARAMETER });
    const window = { departmentId: department.id, from, to };
    return inTransaction(this.dataSource, async (tx) => {
      await this.previews.limitStatementTime(tx, PREVIEW_TIMEOUT_MS);
      const [count, sample] = [
        await this.previews.countConversations(tx, window, condition),
        await this.previews.sample(tx, window, condition, 10),
      ];
      return {
        count,
        from: from.toISOString(),
        to: to.toISOString(),
        sample: sample.map((c) => ({
          id: c.id,
          title: c.title,
          url: c.url,
          source: c.source,
          lastActivityAt: iso(c.lastActivityAt),
        })),
      };
    });
  }

  /** A re-tagging job, to those who can read a department whose rule change started it. */
  async backfill(auth: AuthContext, id: string): Promise<Backfill> {
    const status = await this.outbox.status(id);
    if (!status || !this.access.mayReadAny(auth, status.departmentIds)) {
      throw new DomainError('not_found', `No re-tagging job ${id} that you can see.`);
    }
    const progress = (status.progress ?? {}) as { done?: number; total?: number };
    return {
      id,
      state: status.state,
      done: progress.done ?? 0,
      total: progress.total ?? 0,
      failedReason: status.failedReason,
    };
  }
}
