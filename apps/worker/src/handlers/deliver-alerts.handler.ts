import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { alertSettingsSchema, type AlertSettings } from '@parley/contracts';
import {
  AlertDeliveryRepository,
  DATA_SOURCE,
  inTransaction,
  WebhookRepository,
  type UndeliveredAlertRow,
} from '@parley/db';
import {
  ALERT_DIGEST_WINDOW_MS,
  alertDigestHeadline,
  alertHeadline,
  alertPreferencesOf,
  alertRecipients,
  effectiveAlertStatus,
  planAlertDispatch,
} from '@parley/domain';
import { JobProducer, publishLive, REDIS, type LiveAlertEvent, type LiveMessage } from '@parley/jobs';
import type { Redis } from 'ioredis';
import type { DataSource, EntityManager } from 'typeorm';

/** Alerts per run: a handful of queries per department, so one run commits well within a second. */
export const DELIVER_ALERTS_BATCH = 200;
/** A digest reaches everyone who hears alerts at all, whatever severity bar they set for single alerts. */
const DIGEST_SEVERITY = 5;

type Handed = { emails: string[]; deliveries: string[]; told: string[]; live: LiveMessage[] };

const settingsOf = (stored: Record<string, unknown>): AlertSettings => {
  const parsed = alertSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : alertSettingsSchema.parse({});
};

const headlineOf = (alert: UndeliveredAlertRow) =>
  alertHeadline({
    kind: alert.kind,
    scopeLabel: alert.scopeLabel,
    measure: alert.measure as { observed: number; expected: number },
  });

/**
 * Hands newly stored alerts to people: claims the alerts not yet delivered (SKIP LOCKED), and for each department
 * either hands each over alone or, when more than `digestAbove` arrive within 15 minutes, one digest of them; each
 * hand-over writes its notifications (by each member's alert preferences and quiet hours) and webhook deliveries,
 * and the alerts are marked delivered, all in one transaction. Emails and deliveries are queued after it commits, by
 * row id, and the live streams hear each alert. An alert stays delivered while it is open, however often the
 * detectors update it; reopening one clears the mark, so it may be delivered again. Running twice tells nobody
 * twice: a delivered alert is never claimed again.
 */
@Injectable()
export class DeliverAlertsHandler {
  private readonly logger = new Logger(DeliverAlertsHandler.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly delivery: AlertDeliveryRepository,
    private readonly webhooks: WebhookRepository,
    private readonly producer: JobProducer,
  ) {}

  async handle(now = new Date()): Promise<{ alerts: number }> {
    const { delivered, handed } = await inTransaction(this.dataSource, async (tx) => {
      const claimed = await this.delivery.claimUndelivered(tx, DELIVER_ALERTS_BATCH);
      const handed: Handed = { emails: [], deliveries: [], told: [], live: [] };
      const delivered: string[] = [];
      for (const alerts of groupByDepartment(claimed))
        delivered.push(...(await this.department(tx, alerts, now, handed)));
      await this.delivery.markDelivered(tx, delivered, now);
      return { delivered, handed };
    });
    await this.afterCommit(handed);
    if (delivered.length)
      this.logger.log({
        message: 'alerts delivered',
        alerts: delivered.length,
        notifications: handed.told.length,
        emails: handed.emails.length,
        deliveries: handed.deliveries.length,
      });
    return { alerts: delivered.length };
  }

  /** One department's claimed alerts; returns the ids handed over (or closed before they could be). */
  private async department(
    tx: EntityManager,
    alerts: UndeliveredAlertRow[],
    now: Date,
    handed: Handed,
  ): Promise<string[]> {
    const { departmentId, alertSettings } = alerts[0];
    const settings = settingsOf(alertSettings);
    // Closed before anyone was told: there is nothing left to tell.
    const closed = alerts.filter((a) => a.status === 'closed').map((a) => a.id);
    const live = alerts.filter((a) => a.status !== 'closed');
    const recent = await this.delivery.recentDispatches(
      tx,
      departmentId,
      new Date(now.getTime() - ALERT_DIGEST_WINDOW_MS),
    );
    const plan = planAlertDispatch(
      live.map((a) => a.id),
      recent,
      settings.digestAbove,
      now,
    );
    if (plan.kind === 'wait') return closed;
    const members = (await this.delivery.membersOf(tx, departmentId)).map((m) => ({
      userId: m.userId,
      preferences: alertPreferencesOf(m.preferences),
    }));
    const hand = (group: UndeliveredAlertRow[], digest: boolean) =>
      this.handOver(tx, group, digest, { settings, members, now }, handed);
    if (plan.kind === 'digest') await hand(live, true);
    else for (const alert of live) await hand([alert], false);
    return [...closed, ...live.map((a) => a.id)];
  }

  private async handOver(
    tx: EntityManager,
    alerts: UndeliveredAlertRow[],
    digest: boolean,
    context: {
      settings: AlertSettings;
      members: Parameters<typeof alertRecipients>[0];
      now: Date;
    },
    handed: Handed,
  ): Promise<void> {
    const { departmentId, departmentName } = alerts[0];
    const text = digest ? alertDigestHeadline(alerts.length, departmentName) : headlineOf(alerts[0]);
    const dispatchId = await this.delivery.insertDispatch(tx, {
      departmentId,
      alertIds: alerts.map((a) => a.id),
      digest,
      text,
      at: context.now,
    });
    const severity = digest ? DIGEST_SEVERITY : alerts[0].severity;
    const emails = context.settings.email && this.config.smtp !== null;
    const recipients = alertRecipients(context.members, severity, emails, context.now);
    const inserted = await this.delivery.insertNotifications(
      tx,
      { id: dispatchId, departmentId },
      recipients.map((r) => ({ ...r, text })),
    );
    handed.emails.push(...inserted.filter((n) => n.emailState === 'pending').map((n) => n.id));
    handed.told.push(...recipients.filter((r) => r.inApp).map((r) => r.userId));
    if (context.settings.webhook) {
      const hooks = await this.webhooks.subscribed(tx, [departmentId], 'alert-raised');
      const made = await this.delivery.insertWebhookDeliveries(
        tx,
        dispatchId,
        hooks.map((h) => h.id),
        `${text} (${departmentName})`,
      );
      handed.deliveries.push(...made.map((d) => d.id));
    }
    for (const alert of alerts) handed.live.push(liveMessageOf(alert, context.now));
  }

  /**
   * Queues what the committed run needs sent and tells the api's live streams. A failure here loses nothing that
   * matters: the notify sweep queues pending emails and deliveries again, and an open page refetches its alerts.
   */
  private async afterCommit(handed: Handed): Promise<void> {
    for (const id of handed.emails) await this.producer.sendEmail(id);
    for (const id of handed.deliveries) await this.producer.deliverWebhook(id);
    const messages = [...handed.live];
    const told = [...new Set(handed.told)];
    if (told.length) messages.push({ type: 'notifications', userIds: told });
    for (const message of messages) await publishLive(this.redis, this.config.queuePrefix, message);
  }
}

const groupByDepartment = (alerts: UndeliveredAlertRow[]): UndeliveredAlertRow[][] => {
  const groups = new Map<string, UndeliveredAlertRow[]>();
  for (const alert of alerts)
    groups.set(alert.departmentId, [...(groups.get(alert.departmentId) ?? []), alert]);
  return [...groups.values()];
};

const liveMessageOf = (alert: UndeliveredAlertRow, now: Date): LiveMessage => ({
  type: 'alert',
  departmentId: alert.departmentId,
  event: {
    alertId: alert.id,
    department: alert.departmentKey,
    kind: alert.kind,
    severity: alert.severity,
    status: effectiveAlertStatus(alert, now),
    headline: headlineOf(alert),
    at: now.toISOString(),
  } satisfies LiveAlertEvent,
});
