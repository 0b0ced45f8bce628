import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type { ApplyResult, WorkspaceDocument } from '@parley/contracts';
import {
  AuditRepository,
  DATA_SOURCE,
  OpportunityRepository,
  ElectionPeriodRepository,
  LawfulListeningRepository,
  MentionRollupRepository,
  PeerOrganisationRepository,
  RetentionRepository,
  WorkspaceRepository,
  accountSecretAad,
  inTransaction,
  openSecrets,
  sealSecrets,
  type AccountWithSecretRow,
  type Actor,
  type Queryable,
} from '@parley/db';
import { formatDuration, lawfulListeningSettingsOf, parseDuration } from '@parley/domain';
import { isRedisUnavailable, JobProducer } from '@parley/jobs';
import type { DataSource } from 'typeorm';
import { BackfillOutbox } from './backfill-outbox.service';
import { resultOf } from './change-set';
import { RuleWriter } from './rule-writer.service';
import { documentOf } from './workspace-export';
import { planWorkspace, visibleFields, type Plan, type PlannedChange } from './workspace-plan';
import {
  alertSettingsOf,
  sameValues,
  slaColumns,
  slaOf,
  sortedAccounts,
  sortedResources,
  type SourceFields,
  type StoredSource,
  type WorkspaceState,
} from './workspace-state';
import { rejectDocument, validateWorkspace } from './workspace-validation';

const SAVED = 'workspace document applied';
const PRUNED = 'removed from the workspace document (prune)';

/** `emails`: notices written with an email wanted, queued once the change commits. */
type Write = { tx: Queryable; actor: Actor; departmentIds: Map<string, string>; emails: string[] };
export type ApplyOptions = { prune?: boolean; dryRun?: boolean };

/**
 * Applies a workspace document by key, all or nothing: works out the change set, then (unless a dry run) writes
 * and audits each change in one pass.
 */
@Injectable()
export class WorkspaceService {
  private readonly logger = new Logger(WorkspaceService.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly workspace: WorkspaceRepository,
    private readonly audit: AuditRepository,
    private readonly producer: JobProducer,
    private readonly rules: RuleWriter,
    private readonly outbox: BackfillOutbox,
    private readonly opportunities: OpportunityRepository,
    private readonly electionPeriods: ElectionPeriodRepository,
    private readonly peers: PeerOrganisationRepository,
    private readonly mentions: MentionRollupRepository,
    private readonly retention: RetentionRepository,
    private readonly lawful: LawfulListeningRepository,
  ) {}

  async apply(
    input: unknown,
    actor: Actor,
    { prune = false, dryRun = false }: ApplyOptions = {},
  ): Promise<ApplyResult> {
    const existing = await this.workspace.allDepartments(this.dataSource);
    const doc = validateWorkspace(
      input,
      existing.map((d) => d.key),
      prune,
    );
    if (dryRun) return resultOf(this.plan(doc, await this.state(this.dataSource), prune), true);
    const { plan, backfill, recount, emails } = await inTransaction(this.dataSource, async (tx) => {
      await this.workspace.lockWorkspace(tx);
      const planned = this.plan(doc, await this.state(tx), prune);
      const emails = await this.write(tx, actor, planned.changes);
      // Recorded with the change, so rules that committed re-tag even if Redis is away at this moment.
      const retag = planned.changes.some((c) => c.entity === 'rule')
        ? await this.outbox.record(tx, 'workspace rules changed')
        : null;
      // Likewise the mention recount: the scheduled roll-up walks it even if the job below is lost.
      const names = planned.changes.some(changesMentionNames);
      if (names) await this.mentions.requestRecount(tx, 'names, aliases, handles or peers changed');
      return { plan: planned, backfill: retag, recount: names, emails };
    });
    const result = resultOf(plan, false);
    await this.rules.sendEmails(emails);
    await this.syncSchedules(plan);
    if (recount) {
      result.recount = true;
      await this.recountMentions();
    }
    if (backfill) {
      result.backfill = backfill.id;
      result.backfillState = await this.outbox.dispatch(backfill);
    }
    this.logger.log({ message: 'workspace applied', by: actor.label, ...summary(result) });
    return result;
  }

  /**
   * After commit. The worker also re-reads the sources table at boot and whenever Redis comes back, so a message
   * lost to a Redis outage only delays scheduling until then; the change itself is saved.
   */
  private async syncSchedules(plan: Plan): Promise<void> {
    const changed = plan.changes.flatMap((c) =>
      c.entity === 'source' && c.action !== 'delete' && c.id ? [c.id] : [],
    );
    try {
      await this.producer.syncSchedules(changed);
    } catch (error) {
      if (!isRedisUnavailable(error)) throw error;
      this.logger.warn({ message: 'schedules will sync when Redis is back', sources: changed.length });
    }
  }

  private async recountMentions(): Promise<void> {
    try {
      await this.producer.recountMentions();
    } catch (error) {
      if (!isRedisUnavailable(error)) throw error;
      this.logger.warn({ message: 'mentions will be recounted at the next scheduled roll-up' });
    }
  }

  /** The workspace as a document that applies back unchanged; secrets shown only as set or not set. */
  async document(): Promise<WorkspaceDocument> {
    return documentOf(await this.state(this.dataSource));
  }

  countDepartments(): Promise<number> {
    return this.workspace.countDepartments(this.dataSource);
  }

  private plan(doc: WorkspaceDocument, state: WorkspaceState, prune: boolean): Plan {
    const plan = planWorkspace(doc, state, prune);
    if (plan.problems.length) throw rejectDocument(plan.problems);
    return plan;
  }

  private async state(q: Queryable): Promise<WorkspaceState> {
    const rules = await this.workspace.storedRules(q);
    const departments: WorkspaceState['departments'] = [];
    for (const d of await this.workspace.allDepartments(q)) {
      departments.push({
        ...d,
        sla: slaOf(d),
        accounts: sortedAccounts(
          (await this.workspace.accountsWithSecretsOf(q, d.id)).map((a) => ({
            ...a,
            secret: this.readAccountSecret(a),
          })),
        ),
        resources: sortedResources(await this.workspace.resourcesOf(q, d.id)),
        calendar: await this.workspace.calendarOf(q, d.id),
        partners: await this.workspace.partnersOf(q, d.id),
        alerts: alertSettingsOf(await this.workspace.alertSettingsOf(q, d.id)),
        rules: rules.filter((r) => r.departmentId === d.id),
      });
    }
    const keyOf = new Map(departments.map((d) => [d.id, d.key]));
    const sources = (await this.workspace.allSources(q)).map((s) => ({
      id: s.id,
      key: s.key,
      name: s.name,
      type: s.type,
      url: s.url,
      interval: formatDuration(s.intervalMs),
      enabled: s.enabled,
      department: s.departmentId ? (keyOf.get(s.departmentId) ?? null) : null,
      settings: s.config,
      secrets: this.readSecrets(s.key, s.secrets),
      sealed: s.secrets,
      retention:
        s.retentionDays === null || s.retentionAction === null
          ? null
          : { days: s.retentionDays, action: s.retentionAction },
    }));
    return {
      departments,
      sources,
      electionPeriods: await this.electionPeriods.all(q),
      peers: await this.peers.all(q),
      retention: await this.retention.workspaceDefault(q),
      lawfulListening: lawfulListeningSettingsOf(await this.lawful.settings(q)),
    };
  }

  /**
   * Secrets sealed with another key read as not set (the worker reports the source failing, naming the key), so the
   * workspace still exports and a document can set them again.
   */
  private readSecrets(key: string, sealed: string | null) {
    try {
      return openSecrets(sealed, this.config.secretKey, key);
    } catch (error) {
      this.logger.warn({
        message: 'source secrets unreadable',
        source: key,
        reason: (error as Error).message,
      });
      return {};
    }
  }

  /** As a source's: a credential sealed with another key reads as not set, so it can be given again. */
  private readAccountSecret(a: AccountWithSecretRow): string | null {
    try {
      return openSecrets(a.secret, this.config.secretKey, accountSecretAad(a)).credential ?? null;
    } catch (error) {
      this.logger.warn({
        message: 'account credential unreadable',
        account: a.handle,
        reason: (error as Error).message,
      });
      return null;
    }
  }

  /**
   * The one write-and-audit pass: each change is written, then recorded with its before and after (secrets hidden).
   * Answers the notices to email once the change commits.
   */
  private async write(tx: Queryable, actor: Actor, changes: PlannedChange[]): Promise<string[]> {
    const w: Write = {
      tx,
      actor,
      departmentIds: new Map((await this.workspace.allDepartments(tx)).map((d) => [d.key, d.id])),
      emails: [],
    };
    for (const change of changes) {
      if (change.entity === 'rule') {
        // Rules keep versions; the writer records their history and audit, as it does for the rule editor.
        await this.writeRule(w, change);
        continue;
      }
      const id = await this.writeChange(w, change);
      await this.audit.record(tx, actor, {
        action: `${change.entity}.${change.action}`,
        entityType: change.entity,
        entityId: id,
        before: visibleFields(change, 'before'),
        after: visibleFields(change, 'after'),
      });
    }
    return w.emails;
  }

  /** Workspace-wide, so the audit event names no entity. */
  private async writeSetting(w: Write, change: Extract<PlannedChange, { entity: 'setting' }>) {
    if (change.after) await this.lawful.saveSettings(w.tx, change.after);
    return null;
  }

  private writeChange(w: Write, change: Exclude<PlannedChange, { entity: 'rule' }>) {
    switch (change.entity) {
      case 'department':
        return this.writeDepartment(w, change);
      case 'source':
        return this.writeSource(w, change);
      case 'peer':
        return writeItem(change, {
          remove: (id) => this.peers.delete(w.tx, id),
          update: (id, after) => this.peers.update(w.tx, id, { name: change.key, ...after }),
          insert: (after) => this.peers.insert(w.tx, { name: change.key, ...after }),
        });
      case 'election-period':
        return writeItem(change, {
          remove: (id) => this.electionPeriods.delete(w.tx, id),
          update: (id, after) => this.electionPeriods.update(w.tx, id, { name: change.key, ...after }),
          insert: (after) => this.electionPeriods.insert(w.tx, { name: change.key, ...after }),
        });
      case 'setting':
        return this.writeSetting(w, change);
      case 'retention':
        // One setting: "removed" means posts are kept, "created" or "updated" sets it.
        return writeItem(change, {
          remove: () => this.retention.setWorkspaceDefault(w.tx, null),
          update: (_, after) => this.retention.setWorkspaceDefault(w.tx, after),
          insert: async (after) => {
            await this.retention.setWorkspaceDefault(w.tx, after);
            return 'workspace';
          },
        });
    }
  }

  private async writeDepartment(w: Write, change: Extract<PlannedChange, { entity: 'department' }>) {
    const { tx } = w;
    if (!change.after) {
      await this.workspace.deleteDepartments(tx, [change.id as string]);
      return change.id;
    }
    const { name, aliases, threshold, accounts, resources, sla, calendar, partners, alerts } = change.after;
    const fields = { name, aliases, threshold, ...slaColumns(sla) };
    let id = change.id;
    if (id) await this.workspace.updateDepartment(tx, id, fields);
    else id = await this.workspace.insertDepartment(tx, { key: change.key, ...fields });
    // Deadlines already worked out follow the old SLA: the next sweep works them out again.
    if (change.id && change.fields.includes('sla')) await this.opportunities.clearDeadlines(tx, id);
    w.departmentIds.set(change.key, id);
    if (change.fields.includes('accounts')) {
      const sealed = accounts.map((a) => ({
        ...a,
        secret:
          a.secret === null
            ? null
            : sealSecrets({ credential: a.secret }, this.config.secretKey, accountSecretAad(a)),
      }));
      await this.workspace.replaceAccounts(tx, id, sealed);
    }
    if (change.fields.includes('resources')) await this.workspace.replaceResources(tx, id, resources);
    if (change.fields.includes('calendar')) await this.workspace.replaceCalendar(tx, id, calendar);
    if (change.fields.includes('partners')) await this.workspace.replacePartners(tx, id, partners);
    if (change.fields.includes('alerts')) await this.workspace.setAlertSettings(tx, id, alerts);
    return id;
  }

  private async writeRule(w: Write, change: Extract<PlannedChange, { entity: 'rule' }>): Promise<void> {
    if (!change.after) {
      await this.rules.remove(w.tx, w.actor, change.existing as NonNullable<typeof change.existing>, PRUNED);
      return;
    }
    const target = {
      departmentId: w.departmentIds.get(change.department) as string,
      key: change.ruleKey,
      existing: change.existing ?? undefined,
    };
    const saved = await this.rules.save(w.tx, w.actor, target, change.after, SAVED);
    w.emails.push(...saved.emails);
  }

  private writeSource(w: Write, change: Extract<PlannedChange, { entity: 'source' }>) {
    const stored = (after: SourceFields) => this.storedSource(w, change.key, after, change.before);
    return writeItem(change, {
      remove: (id) => this.workspace.deleteSources(w.tx, [id]),
      update: (id, after) => this.workspace.updateSource(w.tx, id, stored(after)),
      // Later steps (schedules) need the new source's id.
      insert: async (after) =>
        (change.id = await this.workspace.insertSource(w.tx, change.key, stored(after))),
    });
  }

  /** Seals the secrets again only when they changed, so an unchanged source keeps its stored ciphertext. */
  private storedSource(w: Write, key: string, s: SourceFields, before: StoredSource | null) {
    const { secrets } = s;
    const unchanged = sameValues(before?.secrets ?? {}, secrets);
    const sealed = Object.keys(secrets).length ? sealSecrets(secrets, this.config.secretKey, key) : null;
    return {
      name: s.name,
      type: s.type,
      url: s.url,
      intervalMs: parseDuration(s.interval) as number,
      enabled: s.enabled,
      departmentId: s.department ? (w.departmentIds.get(s.department) ?? null) : null,
      config: s.settings,
      secrets: unchanged ? (before?.sealed ?? null) : sealed,
      retentionDays: s.retention?.days ?? null,
      retentionAction: s.retention?.action ?? null,
    };
  }
}

/** What a department or peer is called in public changed, so the hours already counted may count differently. */
const changesMentionNames = (change: PlannedChange): boolean =>
  change.entity === 'peer' ||
  (change.entity === 'department' &&
    (change.action === 'create' || change.fields.some((f) => ['name', 'aliases', 'accounts'].includes(f))));

/**
 * How every item but a department and a rule is written: removed, updated in place or inserted, by what its change
 * says; answers the item's id for the audit entry.
 */
const writeItem = async <Fields>(
  change: { id: string | null; after: Fields | null },
  write: {
    remove: (id: string) => Promise<unknown>;
    update: (id: string, after: Fields) => Promise<unknown>;
    insert: (after: Fields) => Promise<string>;
  },
): Promise<string | null> => {
  if (!change.after) {
    await write.remove(change.id as string);
    return change.id;
  }
  if (!change.id) return write.insert(change.after);
  await write.update(change.id, change.after);
  return change.id;
};

const summary = ({ dryRun, departments, rules, sources, electionPeriods, peers }: ApplyResult) => ({
  dryRun,
  ...Object.fromEntries(
    Object.entries({ departments, rules, sources, electionPeriods, peers }).map(([kind, c]) => [
      kind,
      `${c.created.length} created, ${c.updated.length} updated, ${c.deleted.length} deleted`,
    ]),
  ),
});
