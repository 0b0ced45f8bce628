import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { DATA_SOURCE, NotificationRepository, WebhookRepository } from '@parley/db';
import { JobProducer, REDIS, startQueueWorker, type QueueWorker } from '@parley/jobs';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { DELIVER_ALERTS_BATCH, DeliverAlertsHandler } from '../handlers/deliver-alerts.handler';
import { DeliverWebhookHandler } from '../handlers/deliver-webhook.handler';
import { FAN_OUT_BATCH, FanOutEventsHandler } from '../handlers/fan-out-events.handler';
import { SendEmailHandler } from '../handlers/send-email.handler';
import { Mailer } from '@parley/jobs';

/** A writer that forgot to nudge, or a nudge lost with Redis, is fanned out within this long. */
const SWEEP_EVERY_MS = 10_000;
/** An email or delivery still pending this long after it was due has lost its job, and is queued again. */
const LOST_AFTER_MS = 5 * 60_000;

/**
 * Consumes the notify queue (the outbox fan-out, emails) and the webhook queue in the worker: both wait on other
 * people's servers (SMTP, webhook receivers), as fetching does, so they stay off the api's event loop, which serves
 * requests and the live streams. The api nudges the fan-out after each change commits; a periodic sweep catches
 * what a nudge missed and re-queues emails and deliveries whose jobs were lost.
 */
@Injectable()
export class NotifyProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotifyProcessor.name);
  private workers: QueueWorker[] = [];
  private sweeper: NodeJS.Timeout | null = null;
  private alertsScheduled = false;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly webhooks: WebhookRepository,
    private readonly producer: JobProducer,
    private readonly fanOut: FanOutEventsHandler,
    private readonly sendEmail: SendEmailHandler,
    private readonly deliverWebhook: DeliverWebhookHandler,
    private readonly deliverAlerts: DeliverAlertsHandler,
    private readonly mailer: Mailer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const context = { redis: this.redis, config: this.config };
    this.workers = [
      startQueueWorker(
        'notify',
        {
          FanOutEvents: () => this.fanOut.handle(),
          SendEmail: (job) => this.sendEmail.handle(job),
          DeliverAlerts: () => this.deliverAlerts.handle(),
        },
        {
          ...context,
          onCompleted: (job, result) => {
            if (job.name === 'FanOutEvents') void this.next(result as { events: number });
            // A full batch means more alerts are likely waiting; the schedule catches anything else.
            if (job.name === 'DeliverAlerts' && (result as { alerts: number }).alerts >= DELIVER_ALERTS_BATCH)
              void this.producer.deliverAlerts().catch((error: Error) => this.failed(error));
          },
        },
      ),
      startQueueWorker('webhook', { DeliverWebhook: (job) => this.deliverWebhook.handle(job) }, context),
    ];
    if (!this.mailer.enabled)
      this.logger.log('Email notifications are off: set PARLEY_SMTP_URL to send them');
    await this.scheduleAlertDelivery();
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
  }

  /**
   * After a batch: a full one means more is likely waiting; a short one is checked against Postgres, because an
   * event committed while the job ran was nudged while the job still existed, and that nudge was a no-op.
   */
  private async next(finished: { events: number }): Promise<void> {
    try {
      if (finished.events >= FAN_OUT_BATCH || (await this.notifications.hasUnnotified(this.dataSource)))
        await this.producer.fanOutEvents();
    } catch (error) {
      this.failed(error as Error);
    }
  }

  private async sweep(): Promise<void> {
    if (!this.alertsScheduled) await this.scheduleAlertDelivery();
    try {
      if (await this.notifications.hasUnnotified(this.dataSource)) await this.producer.fanOutEvents();
      for (const id of await this.notifications.stalePendingEmails(this.dataSource, LOST_AFTER_MS))
        await this.producer.sendEmail(id);
      for (const id of await this.webhooks.stalePending(this.dataSource, LOST_AFTER_MS))
        await this.producer.deliverWebhook(id);
    } catch (error) {
      this.failed(error as Error);
    }
  }

  /** Alerts are delivered every 15 s besides the nudge when stored; with Redis away at boot, the sweep tries again. */
  private async scheduleAlertDelivery(): Promise<void> {
    try {
      await this.producer.scheduleAlertDelivery();
      this.alertsScheduled = true;
    } catch (error) {
      this.failed(error as Error);
    }
  }

  private failed(error: Error): void {
    this.logger.warn({
      message: 'queueing notifications failed; the sweep tries again',
      error: error.message,
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
