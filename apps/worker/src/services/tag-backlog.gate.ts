import { Injectable, Logger } from '@nestjs/common';
import { JobProducer } from '@parley/jobs';
import { setTimeout as sleep } from 'node:timers/promises';

/** About a second of tagging under load: what is stored waits at most this long to be tagged. */
export const TAG_BACKLOG_JOBS = 8;
const POLL_MS = 25;
/** A tagger that takes jobs but never finishes them must not stop ingestion for good. */
const MAX_WAIT_MS = 10_000;

/** Why the gate let storing go on, and the tag jobs it saw then. */
export type GateRelease = { reason: 'room' | 'no-tagger' | 'waited-too-long'; tagJobs: number };

/**
 * Storing waits while tagging is behind, so under a flood the backlog stays in the sources (a feed's fetched page,
 * the firehose's paused socket) rather than piling up as stored-but-untagged conversations: what the inbox can
 * see is tagged within seconds of being stored. With no tag consumer connected (the api is down) nothing waits;
 * the api's sweep tags what was stored once it is back.
 */
@Injectable()
export class TagBacklogGate {
  private readonly logger = new Logger(TagBacklogGate.name);

  constructor(private readonly producer: JobProducer) {}

  async waitForRoom(): Promise<GateRelease> {
    const deadline = Date.now() + MAX_WAIT_MS;
    for (;;) {
      const { jobs, consumers } = await this.producer.tagBacklog();
      if (consumers === 0) return { reason: 'no-tagger', tagJobs: jobs };
      if (jobs < TAG_BACKLOG_JOBS) return { reason: 'room', tagJobs: jobs };
      if (Date.now() >= deadline) {
        this.logger.warn({ message: 'tagging is behind; storing anyway', tagJobs: jobs, consumers });
        return { reason: 'waited-too-long', tagJobs: jobs };
      }
      await sleep(POLL_MS);
    }
  }
}
