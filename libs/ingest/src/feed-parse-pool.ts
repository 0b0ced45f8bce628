import { DomainError, type NormalisedFeed } from '@parley/domain';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FeedContext } from './feed-normaliser';
import type { FeedParseAnswer, FeedParseTask } from './feed-parse.thread';

export type FeedParsePoolOptions = {
  /** Threads at most; more parses than this wait, their time limit starting when a thread takes them. */
  threads: number;
  timeLimitMs?: number;
  memoryLimitMb?: number;
};

/** Linear parsing reads a 10 MiB feed in a few seconds; past this something is wrong with the document. */
const TIME_LIMIT_MS = 20_000;
/** A 10 MiB feed cut to 5,000 items parses in well under this; read whole, one took 270–435 MB. */
const MEMORY_LIMIT_MB = 256;
/** An idle thread is ended after this, so a quiet worker holds no parser's memory. */
const IDLE_MS = 60_000;

// Built, this file sits beside the compiled thread entry; run from source (tests), beside the loader that compiles it.
const FROM_SOURCE = __filename.endsWith('.ts');
const THREAD_ENTRY = join(__dirname, FROM_SOURCE ? 'feed-parse.thread-source.mjs' : 'feed-parse.thread.js');
// That loader compiles with SWC, whose native addon crashes the process when a thread loads it after another thread
// that had it ended; held by this thread it is never unloaded. Never needed by the built worker.
if (FROM_SOURCE) createRequire(__filename)('@swc/core');

type Job = {
  task: FeedParseTask;
  resolve: (feed: NormalisedFeed) => void;
  reject: (error: Error) => void;
};

type Thread = { worker: Worker; idleTimer?: NodeJS.Timeout };

const skipped = (why: string) => new DomainError('parse_failed', `${why}; it was skipped`);

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;

/**
 * Parses and normalises feeds in worker threads, so the event loop that renews job locks and answers /health never
 * waits on a parse. Each parse is bounded: past its time limit its thread is ended, past its memory limit the thread
 * dies; either way that fetch fails with a message saying so, and a fresh thread takes the next feed.
 */
export class FeedParsePool {
  private readonly threads: number;
  private readonly timeLimitMs: number;
  private readonly memoryLimitMb: number;
  private readonly idle: Thread[] = [];
  private readonly waiting: Job[] = [];
  private alive = 0;
  private closed = false;

  constructor({
    threads,
    timeLimitMs = TIME_LIMIT_MS,
    memoryLimitMb = MEMORY_LIMIT_MB,
  }: FeedParsePoolOptions) {
    this.threads = threads;
    this.timeLimitMs = timeLimitMs;
    this.memoryLimitMb = memoryLimitMb;
  }

  /** What normaliseFeed answers for the body, computed in a worker thread; throws DomainError('parse_failed'). */
  parse(body: Buffer | string, context: FeedContext): Promise<NormalisedFeed> {
    if (this.closed) return Promise.reject(new Error('the feed parser has shut down'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ task: { body, context }, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends the threads and fails what still waits (Nest calls this when the worker shuts down). */
  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('the feed parser has shut down'));
    await Promise.all(this.idle.splice(0).map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && (this.idle.length > 0 || this.alive < this.threads)) {
      const thread = this.idle.pop() ?? this.spawn();
      clearTimeout(thread.idleTimer);
      this.run(thread, this.waiting.shift() as Job);
    }
  }

  private spawn(): Thread {
    this.alive += 1;
    const worker = new Worker(THREAD_ENTRY, {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb },
    });
    const thread: Thread = { worker };
    worker.once('exit', () => {
      this.alive -= 1;
      const at = this.idle.indexOf(thread);
      if (at !== -1) this.idle.splice(at, 1);
      this.dispatch();
    });
    return thread;
  }

  /** One job on one thread: the first of its answer, its time limit, its death settles the job. */
  private run({ worker }: Thread, job: Job): void {
    worker.ref();
    let settled = false;
    const settle = (outcome: NormalisedFeed | Error, keepThread: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (outcome instanceof Error) job.reject(outcome);
      else job.resolve(outcome);
      if (keepThread) this.release({ worker });
      else void worker.terminate();
    };
    const onMessage = (answer: FeedParseAnswer): void => {
      if ('feed' in answer) settle(answer.feed, true);
      else if ('failure' in answer)
        settle(new DomainError(answer.failure.code, answer.failure.message), true);
      else settle(new Error(answer.crash), true);
    };
    const onError = (error: unknown): void =>
      settle(
        errorCode(error) === 'ERR_WORKER_OUT_OF_MEMORY'
          ? skipped(`the feed needed more than ${this.memoryLimitMb} MB of memory to read`)
          : error instanceof Error
            ? error
            : new Error(String(error)),
        false,
      );
    const onExit = (): void => settle(new Error('the thread reading the feed stopped'), false);
    const timer = setTimeout(
      () => settle(skipped(`the feed took longer than ${this.timeLimitMs / 1000} s to read`), false),
      this.timeLimitMs,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job.task);
  }

  private release(thread: Thread): void {
    if (this.closed) {
      void thread.worker.terminate();
      return;
    }
    // An idle thread does not keep the process alive, and ends itself when left idle.
    thread.worker.unref();
    thread.idleTimer = setTimeout(() => void thread.worker.terminate(), IDLE_MS).unref();
    this.idle.push(thread);
    this.dispatch();
  }
}
