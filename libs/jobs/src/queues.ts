import type { Config } from '@parley/config';
import type { DefaultJobOptions, WorkerOptions } from 'bullmq';

/** The settings a queue's consumer reads. */
export type WorkerConfig = Pick<Config, 'queuePrefix' | 'workerConcurrency' | 'jobLockMs'>;

export const QUEUES = {
  ingest: 'ingest',
  tag: 'tag',
  workflow: 'workflow',
  notify: 'notify',
  webhook: 'webhook',
  rollup: 'rollup',
  digest: 'digest',
  retention: 'retention',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Payloads carry ids and versions only: handlers reload state, so a repeated job is harmless. */
export type JobPayloads = {
  FetchSource: { sourceId: string };
  SyncSchedules: { changedSourceIds: string[] };
  /** Tags the next chunk of pending conversations from Postgres; `slot` is which of the TAG_WINDOW jobs it is. */
  TagPending: { slot: number };
  /** `departmentIds`: whose rule change started it, so only they follow it; absent for a workspace-wide change. */
  BackfillTags: { since: string; reason: string; departmentIds?: string[] };
  /** Fans out the next batch of the opportunity_event outbox; Postgres says which events are left. */
  FanOutEvents: Record<string, never>;
  SendEmail: { notificationId: string };
  /** Hands the undelivered alerts to people (in-app, email, webhooks); Postgres says which are waiting. */
  DeliverAlerts: Record<string, never>;
  DeliverWebhook: { deliveryId: string };
  /** Fills first-response deadlines and appends due-soon / overdue warnings; reads everything from Postgres. */
  SweepSla: Record<string, never>;
  /** Reminds departments of evaluation follow-ups that have come due; which ones is read from Postgres. */
  RemindFollowUps: Record<string, never>;
  /** Counts the mentions in posts fetched since the roll-up's watermark (kept in Postgres, so no payload). */
  RollUpMentions: Record<string, never>;
  /** Classifies the posts fetched since the sentiment watermark and recounts their hours (state in Postgres). */
  RollUpSentiment: Record<string, never>;
  /** Walks the pending mention recounts (names or flagged authors changed); Postgres holds them and their cursors. */
  RecountMentions: Record<string, never>;
  /** Places the on-topic posts tagged since the themes watermark in their department's themes (no payload). */
  RollUpThemes: Record<string, never>;
  /** Recounts the alert detectors' hours changed since their watermark and judges the scopes they touch (no payload). */
  EvaluateAlerts: Record<string, never>;
  /** Sends the weekly impact overview to every subscription not yet sent this week's (Postgres records which). */
  SendDigests: Record<string, never>;
  /** Retires the public posts past their retention period, a bounded batch a run; Postgres says which are due. */
  ApplyRetention: Record<string, never>;
};
export type JobName = keyof JobPayloads;

export const JOB_QUEUE = {
  FetchSource: QUEUES.ingest,
  SyncSchedules: QUEUES.ingest,
  TagPending: QUEUES.tag,
  BackfillTags: QUEUES.tag,
  FanOutEvents: QUEUES.notify,
  SendEmail: QUEUES.notify,
  DeliverAlerts: QUEUES.notify,
  DeliverWebhook: QUEUES.webhook,
  SweepSla: QUEUES.workflow,
  RemindFollowUps: QUEUES.workflow,
  RollUpMentions: QUEUES.rollup,
  RollUpSentiment: QUEUES.rollup,
  RecountMentions: QUEUES.rollup,
  RollUpThemes: QUEUES.rollup,
  EvaluateAlerts: QUEUES.rollup,
  SendDigests: QUEUES.digest,
  ApplyRetention: QUEUES.retention,
} as const satisfies { [N in JobName]: QueueName };

/** The job names a queue carries: a handler map for the queue needs exactly these keys. */
export type JobNameOf<Q extends QueueName> = {
  [N in JobName]: (typeof JOB_QUEUE)[N] extends Q ? N : never;
}[JobName];

/** Options set once per queue: bounded retries with backoff, and finished jobs trimmed so Redis stays small. */
export const QUEUE_OPTIONS: { [Q in QueueName]: DefaultJobOptions } = {
  ingest: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { count: 1_000 },
    removeOnFail: { count: 5_000 },
  },
  tag: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: true,
    removeOnFail: { count: 5_000 },
  },
  // A mail server that is away for a minute or two is waited out; the notification keeps its email state.
  notify: {
    attempts: 6,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: true,
    removeOnFail: { count: 5_000 },
  },
  // A receiver that answers 5xx or times out is tried again at 1, 2, 4 … s, about 17 minutes in all.
  webhook: {
    attempts: 10,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: true,
    removeOnFail: { count: 5_000 },
  },
  // A sweep that fails is simply the next minute's sweep: no retries to pile up behind it.
  workflow: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } },
  // A failed roll-up is retried by the next scheduled run as well, from the same watermark.
  rollup: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: true,
    removeOnFail: { count: 100 },
  },
  // A failed run is the next scheduled run: what it committed stays done, and the rest is still due.
  retention: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } },
  // A run that fails part-way is retried; the deliveries recorded so far are skipped.
  digest: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: true,
    removeOnFail: { count: 100 },
  },
};

/**
 * How each queue is consumed, set once beside its job options. The lock lasts `jobLockMs` and a job whose lock
 * lapsed (its worker died) is handed to another worker after as long again. Ingest runs as many jobs at once as
 * configured; tagging runs two, as it shares the api's process with HTTP requests.
 */
export const WORKER_OPTIONS: {
  [Q in QueueName]: (
    config: WorkerConfig,
  ) => Pick<WorkerOptions, 'concurrency' | 'lockDuration' | 'stalledInterval'>;
} = {
  ingest: (config) => ({
    concurrency: config.workerConcurrency,
    lockDuration: config.jobLockMs,
    stalledInterval: config.jobLockMs,
  }),
  tag: (config) => ({ concurrency: 2, lockDuration: config.jobLockMs, stalledInterval: config.jobLockMs }),
  notify: (config) => ({ concurrency: 4, lockDuration: config.jobLockMs, stalledInterval: config.jobLockMs }),
  // Each delivery waits on someone else's server (up to its timeout), so several run at once.
  webhook: (config) => ({
    concurrency: 8,
    lockDuration: config.jobLockMs,
    stalledInterval: config.jobLockMs,
  }),
  workflow: (config) => ({
    concurrency: 1,
    lockDuration: config.jobLockMs,
    stalledInterval: config.jobLockMs,
  }),
  // One at a time: runs take turns on the watermark's row lock anyway.
  rollup: (config) => ({ concurrency: 1, lockDuration: config.jobLockMs, stalledInterval: config.jobLockMs }),
  digest: (config) => ({ concurrency: 1, lockDuration: config.jobLockMs, stalledInterval: config.jobLockMs }),
  retention: (config) => ({
    concurrency: 1,
    lockDuration: config.jobLockMs,
    stalledInterval: config.jobLockMs,
  }),
};

/** How often undelivered alerts are looked for, besides the nudge when one is stored: an alert is at most this late. */
export const ALERT_DELIVERY_EVERY_MS = 15_000;
export const ALERT_DELIVERY_SCHEDULER_ID = 'deliver-alerts';

/** How often the SLA sweep runs: a warning is at most this late. */
export const SLA_SWEEP_EVERY_MS = 60_000;

/**
 * Postgres is the tag queue (a conversation whose version is newer than its tagged version is pending); Redis holds
 * at most this many TagPending jobs, each taking the next chunk as it runs, so a burst of any size costs Redis nothing.
 */
export const TAG_WINDOW = 4;

/** BullMQ rejects ids with ':' or that are plain integers, so every id gets a word prefix and safe characters. */
export const jobId = (...parts: (string | number)[]): string =>
  parts.join('-').replace(/[^A-Za-z0-9_.-]/g, '_');

/** How often due follow-ups are looked for: a follow-up is due from a London midnight, so hourly is prompt enough. */
export const FOLLOW_UP_REMINDER_EVERY_MS = 60 * 60_000;

/** How often the roll-ups catch up with what was fetched: dashboards are at most this far behind. */
export const ROLLUP_EVERY_MS = 5 * 60_000;
export const ROLLUP_SCHEDULER_ID = 'rollup-mentions';
export const SENTIMENT_SCHEDULER_ID = 'rollup-sentiment';
export const THEMES_SCHEDULER_ID = 'rollup-themes';

/**
 * Tagging asks for the roll-ups (and after them the alert detectors) at the end of each such window rather than
 * waiting for ROLLUP_EVERY_MS: one run per window however much was tagged in it, so an alert is stored within
 * seconds of the post that crossed a threshold and a busy firehose costs one run every ten seconds, not one a chunk.
 */
export const ROLLUP_SOON_WINDOW_MS = 10_000;

/**
 * How often the digest looks for subscriptions not yet sent this week's overview: the first run of a London week
 * sends them all, the rest find nothing due, and a week whose first runs failed is still sent.
 */
export const DIGEST_EVERY_MS = 60 * 60_000;
export const DIGEST_SCHEDULER_ID = 'send-digests';

/**
 * How often retention runs: a post is retired at most this long after its period ends (each run is bounded, so a
 * backlog takes several runs).
 */
export const RETENTION_EVERY_MS = 15 * 60_000;
export const RETENTION_SCHEDULER_ID = 'apply-retention';

export const schedulerIdOf = (sourceId: string): string => jobId('source', sourceId);
