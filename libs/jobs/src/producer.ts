import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { RedisUnavailableError } from './connection';
import {
  ALERT_DELIVERY_EVERY_MS,
  ALERT_DELIVERY_SCHEDULER_ID,
  JOB_QUEUE,
  QUEUE_OPTIONS,
  QUEUES,
  SLA_SWEEP_EVERY_MS,
  FOLLOW_UP_REMINDER_EVERY_MS,
  DIGEST_EVERY_MS,
  DIGEST_SCHEDULER_ID,
  RETENTION_EVERY_MS,
  RETENTION_SCHEDULER_ID,
  ROLLUP_EVERY_MS,
  ROLLUP_SCHEDULER_ID,
  ROLLUP_SOON_WINDOW_MS,
  SENTIMENT_SCHEDULER_ID,
  THEMES_SCHEDULER_ID,
  TAG_WINDOW,
  jobId,
  schedulerIdOf,
  type JobName,
  type JobPayloads,
  type QueueName,
} from './queues';

/** The one place jobs are added, so every producer uses the same names, ids and options. */
export class JobProducer {
  private readonly all: Record<QueueName, Queue>;

  constructor(
    private readonly connection: Redis,
    prefix: string,
  ) {
    this.all = {
      ingest: new Queue(QUEUES.ingest, { connection, prefix, defaultJobOptions: QUEUE_OPTIONS.ingest }),
      tag: new Queue(QUEUES.tag, { connection, prefix, defaultJobOptions: QUEUE_OPTIONS.tag }),
      notify: new Queue(QUEUES.notify, { connection, prefix, defaultJobOptions: QUEUE_OPTIONS.notify }),
      webhook: new Queue(QUEUES.webhook, { connection, prefix, defaultJobOptions: QUEUE_OPTIONS.webhook }),
      workflow: new Queue(QUEUES.workflow, { connection, prefix, defaultJobOptions: QUEUE_OPTIONS.workflow }),
      rollup: new Queue(QUEUES.rollup, { connection, prefix, defaultJobOptions: QUEUE_OPTIONS.rollup }),
      digest: new Queue(QUEUES.digest, { connection, prefix, defaultJobOptions: QUEUE_OPTIONS.digest }),
      retention: new Queue(QUEUES.retention, {
        connection,
        prefix,
        defaultJobOptions: QUEUE_OPTIONS.retention,
      }),
    };
  }

  /**
   * The queues, while Redis is connected. Some BullMQ calls (job schedulers) first wait for the connection to be
   * ready, however long Redis is away, so a caller is refused at once instead.
   */
  private get queues(): Record<QueueName, Queue> {
    if (this.connection.status !== 'ready') throw new RedisUnavailableError();
    return this.all;
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  async add<N extends JobName>(name: N, data: JobPayloads[N], opts: JobsOptions = {}): Promise<void> {
    await this.queues[JOB_QUEUE[name]].add(name, data, opts);
  }

  async fetchNow(sourceId: string, reason: string): Promise<void> {
    await this.add('FetchSource', { sourceId }, { jobId: jobId('fetch', sourceId, reason) });
  }

  async syncSchedules(changedSourceIds: string[]): Promise<void> {
    await this.add('SyncSchedules', { changedSourceIds });
  }

  /**
   * Asks the api to tag what is pending in Postgres. Each of the TAG_WINDOW jobs has a fixed id, so however many
   * producers ask, Redis holds at most TAG_WINDOW of them and a job already waiting or running makes this a no-op.
   * A job that failed for good is not kept: its id would refuse the next request.
   */
  async tagPending(): Promise<void> {
    await this.queues.tag.addBulk(
      Array.from({ length: TAG_WINDOW }, (_, slot) => ({
        name: 'TagPending' as const,
        data: { slot },
        opts: { jobId: jobId('tag-pending', slot), removeOnFail: true },
      })),
    );
  }

  /**
   * Asks for the opportunity_event outbox to be fanned out: called right after a change commits, so people hear
   * within moments. One job with a fixed id, so a burst of changes queues it once; the fan-out looks again once it
   * has left the queue, for events committed while it ran.
   */
  async fanOutEvents(): Promise<void> {
    await this.add('FanOutEvents', {}, { jobId: 'fan-out-events', removeOnFail: true });
  }

  /**
   * Asks for the alerts just stored to be delivered. One job with a fixed id, as the fan-out's, so a burst of alerts
   * queues it once; the scheduled run every ALERT_DELIVERY_EVERY_MS picks up what a lost nudge missed.
   */
  async deliverAlerts(): Promise<void> {
    await this.add('DeliverAlerts', {}, { jobId: 'deliver-alerts', removeOnFail: true });
  }

  /** Looks for undelivered alerts every ALERT_DELIVERY_EVERY_MS; upserting again (at every boot) changes nothing. */
  async scheduleAlertDelivery(): Promise<void> {
    await this.queues.notify.upsertJobScheduler(
      ALERT_DELIVERY_SCHEDULER_ID,
      { every: ALERT_DELIVERY_EVERY_MS },
      { name: 'DeliverAlerts', data: {}, opts: { ...QUEUE_OPTIONS.notify, attempts: 1 } },
    );
  }

  /** Ids are the row's, so a notification or delivery queued twice (a sweep, a re-run) is sent once. */
  async sendEmail(notificationId: string): Promise<void> {
    await this.add('SendEmail', { notificationId }, { jobId: jobId('email', notificationId) });
  }

  async deliverWebhook(deliveryId: string): Promise<void> {
    await this.add('DeliverWebhook', { deliveryId }, { jobId: jobId('webhook', deliveryId) });
  }

  /** How many tag consumers are connected: with none, nothing stored would be tagged until the api is back. */
  async tagConsumers(): Promise<number> {
    return this.queues.tag.getWorkersCount();
  }

  /**
   * Re-tags every conversation active since `since`; the job's progress is what the UI shows. It belongs to the
   * departments whose rules changed (none named: a workspace-wide change, followed by workspace administrators).
   * `id` is the request's in the outbox: adding it again while the job exists changes nothing.
   */
  async backfillTags(id: string, since: Date, reason: string, departmentIds?: string[]): Promise<void> {
    // Kept for a day after it finishes, so the UI can still show how it ended.
    await this.queues.tag.add(
      'BackfillTags',
      { since: since.toISOString(), reason, ...(departmentIds ? { departmentIds } : {}) },
      { jobId: id, attempts: 3, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 86_400 } },
    );
  }

  async backfillStatus(id: string): Promise<{
    state: string;
    progress: unknown;
    failedReason: string | null;
    departmentIds: string[] | null;
  } | null> {
    const job = await this.queues.tag.getJob(id);
    if (!job || job.name !== 'BackfillTags') return null;
    const { departmentIds } = job.data as JobPayloads['BackfillTags'];
    return {
      state: await job.getState(),
      progress: job.progress,
      failedReason: job.failedReason ?? null,
      departmentIds: departmentIds ?? null,
    };
  }

  async upsertSchedule(sourceId: string, everyMs: number): Promise<void> {
    await this.queues.ingest.upsertJobScheduler(
      schedulerIdOf(sourceId),
      { every: everyMs },
      { name: 'FetchSource', data: { sourceId }, opts: QUEUE_OPTIONS.ingest },
    );
  }

  /** The SLA sweep, every SLA_SWEEP_EVERY_MS; upserting it again (every worker at boot) changes nothing. */
  async scheduleSlaSweep(): Promise<void> {
    await this.queues.workflow.upsertJobScheduler(
      'sla-sweep',
      { every: SLA_SWEEP_EVERY_MS },
      { name: 'SweepSla', data: {}, opts: QUEUE_OPTIONS.workflow },
    );
  }

  /** The follow-up reminders, every FOLLOW_UP_REMINDER_EVERY_MS; upserting again changes nothing. */
  async scheduleFollowUpReminders(): Promise<void> {
    await this.queues.workflow.upsertJobScheduler(
      'follow-up-reminders',
      { every: FOLLOW_UP_REMINDER_EVERY_MS },
      { name: 'RemindFollowUps', data: {}, opts: QUEUE_OPTIONS.workflow },
    );
  }

  /** Runs the mentions, sentiment and themes roll-ups every ROLLUP_EVERY_MS; upserting again (at every boot) changes nothing. */
  async scheduleRollUps(): Promise<void> {
    await this.queues.rollup.upsertJobScheduler(
      ROLLUP_SCHEDULER_ID,
      { every: ROLLUP_EVERY_MS },
      { name: 'RollUpMentions', data: {}, opts: QUEUE_OPTIONS.rollup },
    );
    await this.queues.rollup.upsertJobScheduler(
      SENTIMENT_SCHEDULER_ID,
      { every: ROLLUP_EVERY_MS },
      { name: 'RollUpSentiment', data: {}, opts: QUEUE_OPTIONS.rollup },
    );
    await this.queues.rollup.upsertJobScheduler(
      THEMES_SCHEDULER_ID,
      { every: ROLLUP_EVERY_MS },
      { name: 'RollUpThemes', data: {}, opts: QUEUE_OPTIONS.rollup },
    );
  }

  /**
   * Asks for the pending mention recounts to be walked, right after one is recorded. One job with a fixed id, so a
   * burst of changes queues it once; the scheduled roll-up also walks them, so a request made while Redis was away
   * is only late.
   */
  async recountMentions(): Promise<void> {
    await this.add('RecountMentions', {}, { jobId: 'recount-mentions', removeOnFail: true });
  }

  /**
   * Asks for the roll-ups to run at the end of the current ROLLUP_SOON_WINDOW_MS window: called after tagging. The
   * jobs' ids name the window, so every request in one window is the same three jobs, and one made while the last
   * window's run is still going queues behind it instead of being lost. Each roll-up asks for the detectors after it.
   */
  async rollUpSoon(now = Date.now()): Promise<void> {
    const window = Math.floor(now / ROLLUP_SOON_WINDOW_MS);
    const delay = (window + 1) * ROLLUP_SOON_WINDOW_MS - now;
    await this.queues.rollup.addBulk(
      (['RollUpMentions', 'RollUpSentiment', 'RollUpThemes'] as const).map((name) => ({
        name,
        data: {},
        opts: { jobId: jobId('soon', name, window), delay, removeOnFail: true },
      })),
    );
  }

  /**
   * Asks for the alert detectors to catch up with the roll-ups; called by each roll-up as it finishes. One job with a
   * fixed id: while it waits, asking again changes nothing, and (the queue running one job at a time) it cannot be
   * running while a roll-up asks, so no roll-up's hours are missed.
   */
  async evaluateAlerts(): Promise<void> {
    await this.add('EvaluateAlerts', {}, { jobId: 'evaluate-alerts', removeOnFail: true });
  }

  /** Looks for due weekly digests every DIGEST_EVERY_MS; upserting again (at every boot) changes nothing. */
  async scheduleDigests(): Promise<void> {
    await this.queues.digest.upsertJobScheduler(
      DIGEST_SCHEDULER_ID,
      { every: DIGEST_EVERY_MS },
      { name: 'SendDigests', data: {}, opts: QUEUE_OPTIONS.digest },
    );
  }

  /** Retention every RETENTION_EVERY_MS; upserting again (at every boot) changes nothing. */
  async scheduleRetention(): Promise<void> {
    await this.queues.retention.upsertJobScheduler(
      RETENTION_SCHEDULER_ID,
      { every: RETENTION_EVERY_MS },
      { name: 'ApplyRetention', data: {}, opts: QUEUE_OPTIONS.retention },
    );
  }

  /** When retention next runs; null when it is not scheduled. */
  async nextRetentionRun(): Promise<Date | null> {
    const scheduler = await this.queues.retention.getJobScheduler(RETENTION_SCHEDULER_ID);
    return scheduler?.next ? new Date(scheduler.next) : null;
  }

  async removeSchedule(schedulerId: string): Promise<void> {
    await this.queues.ingest.removeJobScheduler(schedulerId);
  }

  /** When each source's scheduler fires next, by source id. */
  async nextRuns(): Promise<Map<string, Date>> {
    const schedulers = await this.queues.ingest.getJobSchedulers(0, -1);
    return new Map(
      schedulers
        .filter((s) => s.next)
        .map((s) => [s.key.replace(/^source-/, ''), new Date(s.next as number)]),
    );
  }

  async scheduleIds(): Promise<string[]> {
    const schedulers = await this.queues.ingest.getJobSchedulers(0, -1);
    return schedulers.map((s) => s.key);
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.all).map((q) => q.close()));
  }
}
