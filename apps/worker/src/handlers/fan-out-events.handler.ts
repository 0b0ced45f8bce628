import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import {
  type ClaimedEventRow,
  DATA_SOURCE,
  inTransaction,
  NotificationRepository,
  WebhookRepository,
} from '@parley/db';
import {
  describeForChannel,
  describeNotice,
  type Member,
  type NoticeReason,
  type OutboxEvent,
  recipientsOf,
  reasonOf,
} from '@parley/domain';
import { JobProducer, publishLive, REDIS, type LiveMessage } from '@parley/jobs';
import type { Redis } from 'ioredis';
import type { DataSource, EntityManager } from 'typeorm';

/** Events per transaction: a handful of queries each, so one batch commits well within a second. */
export const FAN_OUT_BATCH = 100;

type Fanned = {
  event: ClaimedEventRow;
  emails: string[];
  deliveries: string[];
  told: string[];
};

const outboxEventOf = (row: ClaimedEventRow): OutboxEvent => ({
  kind: row.kind,
  actorUserId: row.actorUserId,
  departmentId: row.departmentId,
  toStatus: row.toStatus,
  detail: row.detail ?? {},
});

/**
 * The consumer of the opportunity_event outbox: claims the oldest unnotified events (SKIP LOCKED), decides who
 * hears about each, writes their notifications and the webhook deliveries, and marks the events notified, all in
 * one transaction. Emails and deliveries are queued after it commits, by row id, and the live streams are told.
 * Running it twice, or on an event whose notified_at was cleared, tells nobody twice (unique per event × person
 * and per event × webhook).
 */
@Injectable()
export class FanOutEventsHandler {
  private readonly logger = new Logger(FanOutEventsHandler.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly notifications: NotificationRepository,
    private readonly webhooks: WebhookRepository,
    private readonly producer: JobProducer,
  ) {}

  /** Fans out one batch; returns how many events it handled, so the caller knows whether more may wait. */
  async handle(): Promise<{ events: number }> {
    const fanned = await inTransaction(this.dataSource, async (tx) => {
      const events = await this.notifications.claimUnnotified(tx, FAN_OUT_BATCH);
      const results: Fanned[] = [];
      for (const event of events) results.push(await this.fanOut(tx, event));
      if (events.length)
        await this.notifications.markNotified(
          tx,
          events.map((e) => e.id),
        );
      return results;
    });
    await this.afterCommit(fanned);
    if (fanned.length)
      this.logger.log({
        message: 'events fanned out',
        events: fanned.length,
        notifications: fanned.reduce((n, f) => n + f.told.length, 0),
      });
    return { events: fanned.length };
  }

  private async fanOut(tx: EntityManager, event: ClaimedEventRow): Promise<Fanned> {
    const none: Fanned = { event, emails: [], deliveries: [], told: [] };
    const outbox = outboxEventOf(event);
    const reason = reasonOf(outbox);
    if (!reason) return none;
    const members: Member[] = await this.notifications.membersOf(tx, [event.departmentId]);
    const recipients = recipientsOf(reason, outbox, { assigneeId: event.assigneeId, members });
    const context = {
      actorName: event.actorName,
      title: event.title ?? 'Untitled conversation',
      departmentName: event.departmentName,
      fromDepartmentName:
        typeof outbox.detail.fromDepartmentName === 'string' ? outbox.detail.fromDepartmentName : null,
      assigneeName: event.assigneeName,
      decision: typeof outbox.detail.decision === 'string' ? outbox.detail.decision : null,
    };
    const text = describeNotice(reason, context);
    const inserted = await this.notifications.insertNotifications(
      tx,
      event,
      await this.withEmailChoices(tx, recipients, reason, text),
    );
    const hooks = await this.webhooks.subscribed(tx, [event.departmentId], reason);
    const deliveries = await this.webhooks.insertDeliveries(
      tx,
      event.id,
      hooks.map((h) => h.id),
      { reason, text: describeForChannel(reason, context) },
    );
    return {
      event,
      emails: inserted.filter((n) => n.emailState === 'pending').map((n) => n.id),
      deliveries: deliveries.map((d) => d.id),
      told: inserted.map((n) => n.userId),
    };
  }

  /** Email only to those who chose it for this reason, and only when this Parley sends email at all. */
  private async withEmailChoices(tx: EntityManager, userIds: string[], reason: NoticeReason, text: string) {
    const chosen = this.config.smtp ? await this.notifications.emailReasonsOf(tx, userIds) : [];
    const wants = new Set(chosen.filter((c) => c.reasons.includes(reason)).map((c) => c.userId));
    return userIds.map((userId) => ({ userId, reason, text, email: wants.has(userId) }));
  }

  /**
   * Queues what the committed batch needs sent and tells the api's live streams. A failure here loses nothing: the
   * periodic sweep queues pending emails and deliveries again, and a stream that missed an event catches up from
   * Postgres when it reconnects.
   */
  private async afterCommit(fanned: Fanned[]): Promise<void> {
    for (const { emails, deliveries } of fanned) {
      for (const id of emails) await this.producer.sendEmail(id);
      for (const id of deliveries) await this.producer.deliverWebhook(id);
    }
    const messages: LiveMessage[] = fanned.map(({ event }) => ({
      type: 'opportunity',
      event: {
        id: event.id,
        kind: event.kind,
        at: new Date(event.at).toISOString(),
        departmentId: event.departmentId,
        department: event.departmentKey,
        opportunityId: event.opportunityId,
        conversationId: event.conversationId,
      },
    }));
    const told = [...new Set(fanned.flatMap((f) => f.told))];
    if (told.length) messages.push({ type: 'notifications', userIds: told });
    for (const message of messages) await publishLive(this.redis, this.config.queuePrefix, message);
  }
}
