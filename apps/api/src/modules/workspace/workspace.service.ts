import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ApplyResult, DepartmentDocument, SourceDocument, WorkspaceDocument } from '@parley/contracts';
import {
  type Actor,
  AuditRepository,
  DATA_SOURCE,
  type DepartmentRow,
  inTransaction,
  WorkspaceRepository,
} from '@parley/db';
import { parseDuration } from '@parley/domain';
import { JobProducer } from '@parley/jobs';
import type { DataSource, EntityManager } from 'typeorm';
import { emptyChangeSet, sameValues } from './change-set';
import { RuleWriter } from './rule-writer.service';
import { validateWorkspace } from './workspace-validation';

type Context = { tx: EntityManager; actor: Actor; result: ApplyResult; prune: boolean };

const RETAG_WINDOW_MS = 30 * 86_400_000;

/** Applies a workspace document by key, all or nothing, recording every change in the audit log. */
@Injectable()
export class WorkspaceService {
  private readonly logger = new Logger(WorkspaceService.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly workspace: WorkspaceRepository,
    private readonly audit: AuditRepository,
    private readonly producer: JobProducer,
    private readonly rules: RuleWriter,
  ) {}

  async apply(input: unknown, actor: Actor, prune = false): Promise<ApplyResult> {
    const existing = await this.workspace.allDepartments(this.dataSource);
    const doc = validateWorkspace(input, prune ? [] : existing.map((d) => d.key));
    const result: ApplyResult = {
      departments: emptyChangeSet(),
      rules: emptyChangeSet(),
      sources: emptyChangeSet(),
    };
    const changedSourceIds = await inTransaction(this.dataSource, async (tx) => {
      const ctx: Context = { tx, actor, result, prune };
      const departmentIds = await this.applyDepartments(ctx, doc);
      return this.applySources(ctx, doc, departmentIds);
    });
    // After commit: the worker re-reads the sources table, so a lost message only delays scheduling until its boot.
    await this.producer.syncSchedules(changedSourceIds);
    if (rulesChanged(result)) {
      result.backfill = await this.producer.backfillTags(
        new Date(Date.now() - RETAG_WINDOW_MS),
        'workspace rules changed',
      );
    }
    this.logger.log({ message: 'workspace applied', by: actor.label, ...summary(result) });
    return result;
  }

  countDepartments(): Promise<number> {
    return this.workspace.countDepartments(this.dataSource);
  }

  private async applyDepartments(ctx: Context, doc: WorkspaceDocument): Promise<Map<string, string>> {
    const existing = new Map((await this.workspace.allDepartments(ctx.tx)).map((d) => [d.key, d]));
    const ids = new Map<string, string>([...existing].map(([key, d]) => [key, d.id]));
    for (const department of doc.departments) {
      ids.set(department.key, await this.applyDepartment(ctx, department, existing.get(department.key)));
    }
    if (ctx.prune) {
      const gone = [...existing.values()].filter((d) => !doc.departments.some((x) => x.key === d.key));
      await this.workspace.deleteDepartments(
        ctx.tx,
        gone.map((d) => d.id),
      );
      for (const d of gone) {
        ctx.result.departments.deleted.push(d.key);
        ids.delete(d.key);
        await this.audit.record(ctx.tx, ctx.actor, {
          action: 'department.delete',
          entityType: 'department',
          entityId: d.id,
          before: d,
        });
      }
    }
    return ids;
  }

  private async applyDepartment(
    ctx: Context,
    doc: DepartmentDocument,
    existing: DepartmentRow | undefined,
  ): Promise<string> {
    const after = {
      name: doc.name,
      aliases: doc.aliases,
      threshold: doc.threshold,
      accounts: doc.accounts.map((a) => ({ ...a, site: a.site ?? null })),
      resources: doc.resources,
    };
    let id: string;
    if (!existing) {
      id = await this.workspace.insertDepartment(ctx.tx, {
        key: doc.key,
        name: doc.name,
        aliases: doc.aliases,
        threshold: doc.threshold,
      });
      ctx.result.departments.created.push(doc.key);
      await this.audit.record(ctx.tx, ctx.actor, {
        action: 'department.create',
        entityType: 'department',
        entityId: id,
        after: { key: doc.key, ...after },
      });
    } else {
      id = existing.id;
      const before = {
        name: existing.name,
        aliases: existing.aliases,
        threshold: existing.threshold,
        accounts: sortBy(await this.workspace.accountsOf(ctx.tx, id), accountKey),
        resources: sortBy(await this.workspace.resourcesOf(ctx.tx, id), (r) => r.url),
      };
      const sortedAfter = {
        ...after,
        accounts: sortBy(after.accounts, accountKey),
        resources: sortBy(after.resources, (r) => r.url),
      };
      if (sameValues(before, sortedAfter)) {
        ctx.result.departments.unchanged.push(doc.key);
      } else {
        await this.workspace.updateDepartment(ctx.tx, id, {
          name: doc.name,
          aliases: doc.aliases,
          threshold: doc.threshold,
        });
        ctx.result.departments.updated.push(doc.key);
        await this.audit.record(ctx.tx, ctx.actor, {
          action: 'department.update',
          entityType: 'department',
          entityId: id,
          before,
          after,
        });
      }
    }
    await this.workspace.replaceAccounts(ctx.tx, id, after.accounts);
    await this.workspace.replaceResources(ctx.tx, id, doc.resources);
    await this.applyRules(ctx, id, doc);
    return id;
  }

  private async applyRules(ctx: Context, departmentId: string, doc: DepartmentDocument): Promise<void> {
    const existing = new Map((await this.workspace.rulesOf(ctx.tx, departmentId)).map((r) => [r.key, r]));
    for (const rule of doc.rules) {
      const fields = {
        name: rule.name,
        query: rule.query,
        purpose: rule.purpose ?? null,
        enabled: rule.enabled,
      };
      const target = { departmentId, key: rule.key, existing: existing.get(rule.key) };
      const change = await this.rules.save(ctx.tx, ctx.actor, target, fields, 'workspace document applied');
      ctx.result.rules[change.outcome].push(`${doc.key}/${rule.key}`);
    }
    if (!ctx.prune) return;
    const gone = [...existing.values()].filter((r) => !doc.rules.some((x) => x.key === r.key));
    await this.workspace.deleteRules(
      ctx.tx,
      gone.map((r) => r.id),
    );
    for (const r of gone) {
      ctx.result.rules.deleted.push(`${doc.key}/${r.key}`);
      await this.audit.record(ctx.tx, ctx.actor, {
        action: 'rule.delete',
        entityType: 'listening_rule',
        entityId: r.id,
        before: r,
      });
    }
  }

  private async applySources(
    ctx: Context,
    doc: WorkspaceDocument,
    departmentIds: Map<string, string>,
  ): Promise<string[]> {
    const existing = new Map((await this.workspace.allSources(ctx.tx)).map((s) => [s.key, s]));
    const changed: string[] = [];
    for (const source of doc.sources) {
      const fields = fieldsOf(source, departmentIds);
      const old = existing.get(source.key);
      if (!old) {
        const id = await this.workspace.insertSource(ctx.tx, { key: source.key, ...fields });
        changed.push(id);
        ctx.result.sources.created.push(source.key);
        await this.audit.record(ctx.tx, ctx.actor, {
          action: 'source.create',
          entityType: 'source',
          entityId: id,
          after: { key: source.key, ...fields },
        });
        continue;
      }
      const before = {
        name: old.name,
        type: old.type,
        url: old.url,
        intervalMs: old.intervalMs,
        enabled: old.enabled,
        departmentId: old.departmentId,
      };
      if (sameValues(before, fields)) {
        ctx.result.sources.unchanged.push(source.key);
        continue;
      }
      await this.workspace.updateSource(ctx.tx, old.id, fields);
      changed.push(old.id);
      ctx.result.sources.updated.push(source.key);
      await this.audit.record(ctx.tx, ctx.actor, {
        action: 'source.update',
        entityType: 'source',
        entityId: old.id,
        before,
        after: fields,
      });
    }
    if (ctx.prune) {
      const gone = [...existing.values()].filter((s) => !doc.sources.some((x) => x.key === s.key));
      await this.workspace.deleteSources(
        ctx.tx,
        gone.map((s) => s.id),
      );
      for (const s of gone) {
        ctx.result.sources.deleted.push(s.key);
        await this.audit.record(ctx.tx, ctx.actor, {
          action: 'source.delete',
          entityType: 'source',
          entityId: s.id,
          before: s,
        });
      }
    }
    return changed;
  }
}

const rulesChanged = (result: ApplyResult): boolean =>
  result.rules.created.length + result.rules.updated.length + result.rules.deleted.length > 0;

const fieldsOf = (source: SourceDocument, departmentIds: Map<string, string>) => ({
  name: source.name ?? null,
  type: source.type,
  url: source.url,
  intervalMs: parseDuration(source.interval) as number,
  enabled: source.enabled,
  departmentId: source.department ? (departmentIds.get(source.department) ?? null) : null,
});

const accountKey = (a: { platform: string; handle: string; site: string | null }) =>
  `${a.platform} ${a.handle} ${a.site ?? ''}`;

const sortBy = <T>(items: T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => key(a).localeCompare(key(b)));

const summary = ({ departments, rules, sources }: ApplyResult) =>
  Object.fromEntries(
    Object.entries({ departments, rules, sources }).map(([kind, c]) => [
      kind,
      `${c.created.length} created, ${c.updated.length} updated, ${c.deleted.length} deleted`,
    ]),
  );
