import { Logger } from '@nestjs/common';
import { isDomainError, type DomainErrorCode } from '@parley/domain';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { createBlockingRedis } from './connection';
import {
  WORKER_OPTIONS,
  type JobName,
  type JobNameOf,
  type JobPayloads,
  type QueueName,
  type WorkerConfig,
} from './queues';

/** A job named N with its payload. */
export type JobOf<N extends JobName> = Job<JobPayloads[N], unknown, N>;

/** One handler for each job name of queue Q: a name added to the queue without a handler fails to compile. */
export type QueueHandlers<Q extends QueueName> = {
  [N in JobNameOf<Q>]: (job: JobOf<N>) => Promise<unknown>;
};

export type QueueWorker = { close: () => Promise<void> };

/** Retrying cannot change these outcomes (the input or its target is wrong), so the job fails at once. */
const PERMANENT: ReadonlySet<DomainErrorCode> = new Set<DomainErrorCode>([
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'fetch_refused',
  'parse_failed',
]);

const ALREADY_LOGGED = new WeakSet<Error>();

/**
 * A handler that has already told people about a failure in its own words (a source's health changing, logged
 * once per change) marks the error, so the queue does not log it again on every retry.
 */
export const markLogged = <E extends Error>(error: E): E => {
  ALREADY_LOGGED.add(error);
  return error;
};

type AnyHandler = (job: Job) => Promise<unknown>;

const runHandler = async <Q extends QueueName>(
  queue: Q,
  handlers: QueueHandlers<Q>,
  job: Job,
): Promise<unknown> => {
  // A job left by an older release (or added by hand) has no handler; retrying it would only fail again.
  if (!Object.hasOwn(handlers, job.name)) {
    throw new UnrecoverableError(`no handler for job "${job.name}" on the ${queue} queue`);
  }
  const handler = (handlers as unknown as Record<string, AnyHandler>)[job.name];
  try {
    return await handler(job);
  } catch (error) {
    if (!(isDomainError(error) && PERMANENT.has(error.code))) throw error;
    const permanent = new UnrecoverableError(error.message);
    throw ALREADY_LOGGED.has(error) ? markLogged(permanent) : permanent;
  }
};

/**
 * The consumer half of the job contract: consumes `queue` with the options set for it in WORKER_OPTIONS, on its
 * own blocking Redis connection (it waits out an outage), giving each job to its handler. A DomainError that retrying cannot fix fails the job at
 * once; anything else is retried as the queue's job options say. Close it before the app's Redis goes.
 */
export const startQueueWorker = <Q extends QueueName>(
  queue: Q,
  handlers: QueueHandlers<Q>,
  context: {
    redis: Redis;
    config: WorkerConfig;
    /** Called once a job has finished and left the queue, so a job with a fixed id can be added again. */
    onCompleted?: (job: Job, result: unknown) => void;
  },
): QueueWorker => {
  const logger = new Logger(`${queue} queue`);
  const connection = createBlockingRedis(context.redis);
  const worker = new Worker(queue, (job: Job) => runHandler(queue, handlers, job), {
    connection,
    prefix: context.config.queuePrefix,
    ...WORKER_OPTIONS[queue](context.config),
  });
  worker.on('failed', (job, error) => {
    if (ALREADY_LOGGED.has(error)) return;
    logger.warn({
      message: 'job failed',
      job: job?.name,
      jobId: job?.id,
      attempt: job?.attemptsMade,
      error: error.message,
    });
  });
  if (context.onCompleted) worker.on('completed', context.onCompleted);
  worker.on('error', (error) => logger.error({ message: 'worker error', error: error.message }));
  return {
    close: async () => {
      await worker.close();
      // BullMQ leaves a connection it was given open; this one is the worker's alone.
      connection.disconnect();
    },
  };
};

/**
 * A queue fed by a job scheduler: consumed as `startQueueWorker` does, scheduled now, and scheduled again whenever
 * Redis comes back, since a restarted or flushed Redis has lost its schedulers (the work's state is in Postgres, so
 * scheduling again is all a recovery needs). Scheduling twice changes nothing.
 */
export const startScheduledQueueWorker = async <Q extends QueueName>(
  queue: Q,
  handlers: QueueHandlers<Q>,
  context: { redis: Redis; config: WorkerConfig; schedule: () => Promise<void> },
): Promise<QueueWorker> => {
  const logger = new Logger(`${queue} queue`);
  const worker = startQueueWorker(queue, handlers, context);
  const schedule = () =>
    context
      .schedule()
      .catch((error: Error) => logger.warn({ message: 'schedule not set', error: error.message }));
  await schedule();
  context.redis.on('ready', schedule);
  return {
    close: async () => {
      context.redis.off('ready', schedule);
      await worker.close();
    },
  };
};
