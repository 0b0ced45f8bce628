import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import {
  AuditRepository,
  NotificationRepository,
  UserRepository,
  WorkspaceRepository,
  type Actor,
  type Queryable,
  type StoredRuleRow,
} from '@parley/db';
import { describeNotice, recipientsOf } from '@parley/domain';
import { isRedisUnavailable, JobProducer } from '@parley/jobs';
import { sameValues, type RuleFields } from './workspace-state';

/** `emails`: notices written with an email wanted, for the caller to queue once the change commits. */
export type RuleChange = {
  outcome: 'created' | 'updated' | 'unchanged';
  id: string;
  version: number;
  emails: string[];
};

const REASON = 'rule-names-person' as const;

/**
 * Creates, changes or removes one rule, keeping every change as a version (who, when, why, before and after, with the
 * purpose, lawful basis and justification it had) and audited. A removed rule is only marked deleted, so its history
 * stays; saving it again continues that history. A version that starts following a named member of the public is
 * told to the department's admins and audited on its own.
 */
@Injectable()
export class RuleWriter {
  private readonly logger = new Logger(RuleWriter.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly workspace: WorkspaceRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
    private readonly users: UserRepository,
    private readonly producer: JobProducer,
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
    if (old && sameValues(ruleFieldsOf(old), fields)) {
      return { outcome: 'unchanged', id: old.id, version: old.version, emails: [] };
    }
    const id =
      stored?.id ??
      (await this.workspace.insertRule(tx, target.departmentId, { key: target.key, ...fields }));
    const version = stored ? await this.workspace.updateRule(tx, stored.id, fields) : 1;
    const versionId = await this.workspace.insertRuleVersion(tx, {
      ruleId: id,
      version,
      name: fields.name,
      queryBefore: old?.query ?? null,
      queryAfter: fields.query,
      purpose: fields.purpose,
      lawfulBasis: fields.lawfulBasis,
      justification: fields.justification,
      namedPeople: fields.namedPeople,
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
    const newlyNamed = fields.namedPeople.filter((p) => !(old?.namedPeople ?? []).includes(p));
    const emails = newlyNamed.length
      ? await this.flag(tx, actor, { id, versionId, version, departmentId: target.departmentId }, fields)
      : [];
    return { outcome: old ? 'updated' : 'created', id, version, emails };
  }

  /**
   * Tells the department's admins (not the person who saved it) that the rule now follows a named member of the
   * public, through the notifications they already read, and records the flag in the audit log.
   */
  private async flag(
    tx: Queryable,
    actor: Actor,
    rule: { id: string; versionId: string; version: number; departmentId: string },
    fields: RuleFields,
  ): Promise<string[]> {
    const members = await this.notifications.membersOf(tx, [rule.departmentId]);
    const event = {
      kind: REASON,
      actorUserId: actor.userId,
      departmentId: rule.departmentId,
      toStatus: null,
      detail: {},
    };
    const recipients = recipientsOf(REASON, event, { assigneeId: null, members });
    const [department] = (await this.workspace.allDepartments(tx)).filter((d) => d.id === rule.departmentId);
    const user = actor.userId ? await this.users.findById(tx, actor.userId) : undefined;
    const text = describeNotice(REASON, {
      actorName: user?.name ?? actor.label,
      title: fields.name,
      departmentName: department?.name ?? '',
    });
    const chosen = this.config.smtp ? await this.notifications.emailReasonsOf(tx, recipients) : [];
    const wants = new Set(chosen.filter((c) => c.reasons.includes(REASON)).map((c) => c.userId));
    const inserted = await this.notifications.insertRuleNotifications(
      tx,
      { id: rule.versionId, departmentId: rule.departmentId },
      recipients.map((userId) => ({ userId, reason: REASON, text, email: wants.has(userId) })),
    );
    await this.audit.record(tx, actor, {
      action: 'rule.names-person',
      entityType: 'listening_rule',
      entityId: rule.id,
      after: {
        version: rule.version,
        namedPeople: fields.namedPeople,
        justification: fields.justification,
        told: inserted.length,
      },
    });
    return inserted.filter((n) => n.emailState === 'pending').map((n) => n.id);
  }

  /** After the commit; an email whose job is lost here is queued again by the notify sweep. */
  async sendEmails(ids: string[]): Promise<void> {
    try {
      for (const id of ids) await this.producer.sendEmail(id);
    } catch (error) {
      if (!isRedisUnavailable(error)) throw error;
      this.logger.warn({ message: 'rule notices will be emailed when Redis is back', emails: ids.length });
    }
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
      purpose: rule.purpose,
      lawfulBasis: rule.lawfulBasis,
      justification: rule.justification,
      namedPeople: rule.namedPeople,
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

/** A stored rule as the fields a change compares. */
const ruleFieldsOf = (r: StoredRuleRow): RuleFields => ({
  name: r.name,
  query: r.query,
  purpose: r.purpose,
  lawfulBasis: r.lawfulBasis,
  justification: r.justification,
  namedPeople: r.namedPeople,
  enabled: r.enabled,
});
