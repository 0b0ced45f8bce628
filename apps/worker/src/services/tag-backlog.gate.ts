import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConversationRepository, DATA_SOURCE } from '@parley/db';
import { JobProducer } from '@parley/jobs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';

/** About a second of tagging under load: what is stored waits at most this long to be tagged. */
export const TAG_BACKLOG_CONVERSATIONS = 1_600;
const POLL_MS = 25;
/** A tagger that takes jobs but never finishes them must not stop ingestion for good. */
const MAX_WAIT_MS = 10_000;

/** Why the gate let storing go on, and the conversations it saw waiting for tagging then (counted up to the limit). */
export type GateRelease = { reason: 'room' | 'no-tagger' | 'waited-too-long'; pending: number };
type Reading = { pending: number; consumers: number };

/**
 * Storing waits while tagging is behind, so under a flood the backlog stays in the sources (a feed's fetched page,
 * the firehose's paused socket) rather than piling up as stored-but-untagged conversations: what the inbox can
 * see is tagged within seconds of being stored. With no tag consumer connected (the api is down) nothing waits;
 * the api tags what was stored once it is back.
 */
@Injectable()
export class TagBacklogGate {
  private readonly logger = new Logger(TagBacklogGate.name);

  /** Waiters for the next reading; each is answered by a reading that began after it asked, never an older one. */
  private waiters: { resolve: (reading: Reading) => void; reject: (error: unknown) => void }[] = [];
  private reading = false;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly producer: JobProducer,
  ) {}

  async waitForRoom(): Promise<GateRelease> {
    const deadline = Date.now() + MAX_WAIT_MS;
    for (;;) {
      const { pending, consumers } = await this.nextReading();
      if (consumers === 0) return { reason: 'no-tagger', pending };
      if (pending < TAG_BACKLOG_CONVERSATIONS) return { reason: 'room', pending };
      if (Date.now() >= deadline) {
        this.logger.warn({ message: 'tagging is behind; storing anyway', pending, consumers });
        return { reason: 'waited-too-long', pending };
      }
      await sleep(POLL_MS);
    }
  }

  /**
   * Every store waiting in this process shares one reading at a time: counting the backlog walks the pending
   * index, and a query per waiter every 25 ms was, under a flood, most of what Postgres did.
   */
  private nextReading(): Promise<Reading> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.reading) void this.readForWaiters();
    });
  }

  private async readForWaiters(): Promise<void> {
    this.reading = true;
    while (this.waiters.length > 0) {
      const answered = this.waiters.splice(0);
      try {
        // Postgres is the tag queue; Redis only ever holds a few jobs, whatever the backlog.
        const [pending, consumers] = await Promise.all([
          this.conversations.countPendingTagging(this.dataSource, TAG_BACKLOG_CONVERSATIONS),
          this.producer.tagConsumers(),
        ]);
        for (const waiter of answered) waiter.resolve({ pending, consumers });
      } catch (error) {
        for (const waiter of answered) waiter.reject(error);
      }
    }
    this.reading = false;
  }
}
