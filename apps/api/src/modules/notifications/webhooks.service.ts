import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type { CreateWebhookRequest, UpdateWebhookRequest, Webhook, WebhookDelivery } from '@parley/contracts';
import {
  AuditRepository,
  DATA_SOURCE,
  type DepartmentRow,
  inTransaction,
  iso,
  openSecrets,
  sealSecrets,
  webhookSealAad,
  WebhookRepository,
  type WebhookRow,
} from '@parley/db';
import { DomainError, isDomainError } from '@parley/domain';
import { checkPostTarget, describeTarget } from '@parley/ingest';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { parseId } from '../../common/parse-id';
import { actorOf, type AuthContext } from '../auth/auth-context';

/** Deliveries shown in the log: the latest, which is what an administrator checks after a change. */
const LOG_LENGTH = 100;

const present = (department: DepartmentRow, row: WebhookRow): Webhook => ({
  id: row.id,
  department: department.key,
  name: row.name,
  host: row.host,
  reasons: row.reasons,
  enabled: row.enabled,
  secret: { set: row.signed },
  createdAt: iso(row.createdAt) as string,
  updatedAt: iso(row.updatedAt) as string,
});

/** What the audit log keeps of a webhook: never its URL's path or its secret. */
const audited = (row: WebhookRow) => ({
  name: row.name,
  host: row.host,
  reasons: row.reasons,
  enabled: row.enabled,
  secret: { set: row.signed },
});

/**
 * A department's webhooks, run by its administrators through the api (not the workspace document, which only
 * workspace administrators apply): the people who own a team's Slack or Teams channel manage where it posts.
 */
@Injectable()
export class WebhooksService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly webhooks: WebhookRepository,
    private readonly audit: AuditRepository,
    private readonly access: DepartmentAccess,
  ) {}

  async list(auth: AuthContext, departmentKey: string): Promise<Webhook[]> {
    const department = await this.access.resolve(auth, departmentKey, 'member.manage');
    const rows = await this.webhooks.listOf(this.dataSource, department.id);
    return rows.map((row) => present(department, row));
  }

  async create(auth: AuthContext, departmentKey: string, request: CreateWebhookRequest): Promise<Webhook> {
    const department = await this.access.resolve(auth, departmentKey, 'member.manage');
    const target = this.checkedUrl(request.url);
    const id = randomUUID();
    const secret = request.secret ?? null;
    const row = await inTransaction(this.dataSource, async (tx) => {
      const inserted = await this.webhooks.insert(tx, id, department.id, {
        name: request.name,
        host: describeTarget(target),
        sealed: this.seal(id, target, secret),
        signed: secret !== null,
        reasons: request.reasons,
        enabled: request.enabled,
      });
      await this.audit.record(tx, actorOf(auth), {
        action: 'webhook.create',
        entityType: 'webhook',
        entityId: id,
        after: { department: department.key, ...audited(inserted) },
      });
      return inserted;
    });
    return present(department, row);
  }

  async update(
    auth: AuthContext,
    departmentKey: string,
    rawId: string,
    request: UpdateWebhookRequest,
  ): Promise<Webhook> {
    const department = await this.access.resolve(auth, departmentKey, 'member.manage');
    const before = await this.require(department, rawId);
    const kept = openSecrets(before.sealed, this.config.secretKey, webhookSealAad(before.id));
    const url = request.url === undefined ? kept.url : this.checkedUrl(request.url);
    const secret = request.secret === undefined ? (kept.secret ?? null) : request.secret;
    const row = await inTransaction(this.dataSource, async (tx) => {
      const updated = await this.webhooks.update(tx, before.id, {
        name: request.name,
        host: describeTarget(url),
        sealed: this.seal(before.id, url, secret),
        signed: secret !== null,
        reasons: request.reasons,
        enabled: request.enabled,
      });
      await this.audit.record(tx, actorOf(auth), {
        action: 'webhook.update',
        entityType: 'webhook',
        entityId: before.id,
        before: { department: department.key, ...audited(before) },
        after: { department: department.key, ...audited(updated), urlChanged: url !== kept.url },
      });
      return updated;
    });
    return present(department, row);
  }

  async remove(auth: AuthContext, departmentKey: string, rawId: string): Promise<void> {
    const department = await this.access.resolve(auth, departmentKey, 'member.manage');
    const before = await this.require(department, rawId);
    await inTransaction(this.dataSource, async (tx) => {
      await this.webhooks.delete(tx, before.id);
      await this.audit.record(tx, actorOf(auth), {
        action: 'webhook.delete',
        entityType: 'webhook',
        entityId: before.id,
        before: { department: department.key, ...audited(before) },
      });
    });
  }

  async deliveries(auth: AuthContext, departmentKey: string, rawId: string): Promise<WebhookDelivery[]> {
    const department = await this.access.resolve(auth, departmentKey, 'member.manage');
    const webhook = await this.require(department, rawId);
    const rows = await this.webhooks.deliveriesOf(this.dataSource, webhook.id, LOG_LENGTH);
    return rows.map((row) => ({
      ...row,
      createdAt: iso(row.createdAt) as string,
      lastAttemptAt: iso(row.lastAttemptAt),
      deliveredAt: iso(row.deliveredAt),
    }));
  }

  private async require(department: DepartmentRow, rawId: string) {
    const notFound = `${department.name} has no webhook with that id.`;
    const row = await this.webhooks.find(this.dataSource, department.id, parseId(rawId, notFound));
    if (!row) throw new DomainError('not_found', notFound);
    return row;
  }

  /** The same address guard as deliveries use, at once, so a refused URL is an error on the form, not a failed log. */
  private checkedUrl(url: string): string {
    try {
      return checkPostTarget(url, this.config.fetchAllowlist).href;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      throw new DomainError('invalid', 'That webhook URL cannot be used; nothing was changed.', [
        { path: 'url', message: error.message },
      ]);
    }
  }

  private seal(id: string, url: string, secret: string | null): string {
    return sealSecrets({ url, ...(secret ? { secret } : {}) }, this.config.secretKey, webhookSealAad(id));
  }
}
