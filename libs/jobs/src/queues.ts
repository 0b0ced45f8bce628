import type { DefaultJobOptions } from 'bullmq';

export const QUEUES = { ingest: 'ingest', tag: 'tag' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Payloads carry ids and versions only: handlers reload state, so a repeated job is harmless. */
export type JobPayloads = {
  FetchSource: { sourceId: string };
  SyncSchedules: { changedSourceIds: string[] };
  TagConversations: { conversations: { id: string; version: number }[] };
  /** `departmentIds`: whose rule change started it, so only they follow it; absent for a workspace-wide change. */
  BackfillTags: { since: string; reason: string; departmentIds?: string[] };
};
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [N in JobName]: QueueName } = {
  FetchSource: QUEUES.ingest,
  SyncSchedules: QUEUES.ingest,
  TagConversations: QUEUES.tag,
  BackfillTags: QUEUES.tag,
};

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
};

/** BullMQ rejects ids with ':' or that are plain integers, so every id gets a word prefix and safe characters. */
export const jobId = (...parts: (string | number)[]): string =>
  parts.join('-').replace(/[^A-Za-z0-9_.-]/g, '_');

export const schedulerIdOf = (sourceId: string): string => jobId('source', sourceId);
