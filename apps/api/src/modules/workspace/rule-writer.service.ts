import { Injectable } from '@nestjs/common';
import { AuditRepository, WorkspaceRepository, type Actor, type Queryable, type RuleRow } from '@parley/db';
import { sameValues } from './change-set';

export type RuleFields = { name: string; query: string; purpose: string | null; enabled: boolean };
export type RuleChange = { outcome: 'created' | 'updated' | 'unchanged'; id: string; version: number };

/** Creates or changes one rule, keeping every change as a version (who, when, why, before and after) and audited. */
@Injectable()
export class RuleWriter {
  constructor(
    private readonly workspace: WorkspaceRepository,
    private readonly audit: AuditRepository,
  ) {}

  async save(
    tx: Queryable,
    actor: Actor,
    target: { departmentId: string; key: string; existing: RuleRow | undefined },
    fields: RuleFields,
    reason: string,
  ): Promise<RuleChange> {
    const old = target.existing;
    if (
      old &&
      sameValues({ name: old.name, query: old.query, purpose: old.purpose, enabled: old.enabled }, fields)
    ) {
      return { outcome: 'unchanged', id: old.id, version: old.version };
    }
    const id =
      old?.id ?? (await this.workspace.insertRule(tx, target.departmentId, { key: target.key, ...fields }));
    const version = old ? await this.workspace.updateRule(tx, old.id, fields) : 1;
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
}
