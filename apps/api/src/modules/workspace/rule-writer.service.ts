import { Injectable } from '@nestjs/common';
import {
  AuditRepository,
  WorkspaceRepository,
  type Actor,
  type Queryable,
  type StoredRuleRow,
} from '@parley/db';
import { sameValues, type RuleFields } from './workspace-state';

export type RuleChange = { outcome: 'created' | 'updated' | 'unchanged'; id: string; version: number };

/**
 * Creates, changes or removes one rule, keeping every change as a version (who, when, why, before and after) and
 * audited. A removed rule is only marked deleted, so its history stays; saving it again continues that history.
 */
@Injectable()
export class RuleWriter {
  constructor(
    private readonly workspace: WorkspaceRepository,
    private readonly audit: AuditRepository,
  ) {}

  async save(
    tx: Queryable,
    actor: Actor,
    target: { departmentId: string; key: string; existing: StoredRuleRow | undefined },
    fields: RuleFields,
    reason: string,
  ): Promise<RuleChange> {
    const stored = target.existing;
    const old = stored && !stored.deletedAt ? stored : undefined;
    if (
      old &&
      sameValues({ name: old.name, query: old.query, purpose: old.purpose, enabled: old.enabled }, fields)
    ) {
      return { outcome: 'unchanged', id: old.id, version: old.version };
    }
    const id =
      stored?.id ??
      (await this.workspace.insertRule(tx, target.departmentId, { key: target.key, ...fields }));
    const version = stored ? await this.workspace.updateRule(tx, stored.id, fields) : 1;
    await this.workspace.insertRuleVersion(tx, {
      ruleId: id,
      version,
      name: fields.name,
      queryBefore: old?.query ?? null,
      queryAfter: fields.query,
      enabled: fields.enabled,
      changedBy: actor.userId,
      reason,
    });
    await this.audit.record(tx, actor, {
      action: old ? 'rule.update' : 'rule.create',
      entityType: 'listening_rule',
      entityId: id,
      ...(old ? { before: old } : {}),
      after: { key: target.key, ...fields, version, reason },
    });
    return { outcome: old ? 'updated' : 'created', id, version };
  }

  async remove(tx: Queryable, actor: Actor, rule: StoredRuleRow, reason: string): Promise<void> {
    const version = await this.workspace.markRuleDeleted(tx, rule.id);
    // The deletion is a version too (disabled, query unchanged), so the history says who removed it and why.
    await this.workspace.insertRuleVersion(tx, {
      ruleId: rule.id,
      version,
      name: rule.name,
      queryBefore: rule.query,
      queryAfter: rule.query,
      enabled: false,
      changedBy: actor.userId,
      reason,
    });
    await this.audit.record(tx, actor, {
      action: 'rule.delete',
      entityType: 'listening_rule',
      entityId: rule.id,
      before: rule,
      after: { version, reason },
    });
  }
}
