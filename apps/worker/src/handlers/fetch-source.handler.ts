import { Inject, Injectable, Logger } from '@nestjs/common';
import { DATA_SOURCE, type SourceForFetch, SourceRepository } from '@parley/db';
import { isDomainError } from '@parley/domain';
import { isFetchError } from '@parley/ingest';
import { JobProducer, markLogged } from '@parley/jobs';
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { FeedFetcherService } from '../services/feed-fetcher.service';
import { HostGate } from '../services/host-gate.service';
import { PostStoreService, type StoreResult } from '../services/post-store.service';
import { PullFetcherService } from '../services/pull-fetcher.service';
import { SourceHealthService } from '../services/source-health.service';

type Outcome = {
  validators: { etag: string | null; lastModified: string | null };
  /** What a person should know about a fetch that worked; undefined keeps the last one (a 304 is the same feed). */
  warning: string | null | undefined;
};

/** A fetch that read something yet skipped or repaired part of it worked, with a warning saying what. */
const warningOf = (notes: Array<string | null | undefined>): string | null =>
  notes.filter(Boolean).join('; ') || null;

/** Sample sources have no host; they share one gate so the politeness logic stays uniform. */
const hostOf = (url: string): string => URL.parse(url)?.hostname || 'sample';

/** Fetches one source, stores what is new, records the source's health and queues tagging of what changed. */
@Injectable()
export class FetchSourceHandler {
  private readonly logger = new Logger(FetchSourceHandler.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly sources: SourceRepository,
    private readonly store: PostStoreService,
    private readonly feeds: FeedFetcherService,
    private readonly pull: PullFetcherService,
    private readonly gate: HostGate,
    private readonly producer: JobProducer,
    private readonly health: SourceHealthService,
  ) {}

  async handle(sourceId: string): Promise<void> {
    const source = await this.sources.findForFetch(this.dataSource, sourceId);
    // Streaming sources (Bluesky) are consumed continuously, not polled.
    if (!source || !source.enabled || source.type === 'bluesky') return;
    try {
      // Only a fetch that could read nothing fails (it throws); what it skipped or repaired is a warning.
      const outcome = await this.gate.run(hostOf(source.url), () => this.ingest(source));
      await this.health.succeeded(source, outcome.validators, outcome.warning);
    } catch (error) {
      await this.fail(source, error);
    }
    // The outbox is the conversation's version: the api tags whatever is pending, including what a crashed run left.
    await this.producer.tagPending();
  }

  private async ingest(source: SourceForFetch): Promise<Outcome> {
    if (source.type === 'feed') {
      const fetched = await this.feeds.fetch(source);
      const stored = fetched.notModified ? null : await this.store.store(source.id, fetched.posts);
      this.logStored(source, stored);
      return {
        validators: fetched,
        warning: fetched.notModified
          ? undefined
          : warningOf([fetched.warning, stored?.cut, ...fetched.notes]),
      };
    }
    const polled = await this.pull.poll(source);
    const stored = await this.store.store(source.id, polled.posts, {
      counters: polled.counters,
      cursor: polled.cursor,
    });
    this.logStored(source, stored);
    return {
      validators: { etag: null, lastModified: null },
      warning: warningOf([stored.cut, ...polled.notes]),
    };
  }

  private logStored(source: SourceForFetch, stored: StoreResult | null): void {
    if (stored)
      this.logger.log({
        message: 'stored',
        source: source.key,
        ...stored,
        conversationIds: stored.conversationIds.length,
      });
  }

  /** The error goes on the source for people to see; only transient failures are retried. */
  private async fail(source: SourceForFetch, error: unknown): Promise<never> {
    const message = error instanceof Error ? error.message : String(error);
    if (isFetchError(error) && error.retryAfterMs)
      await this.gate.coolDown(hostOf(source.url), error.retryAfterMs);
    await this.health.failed(source, message);
    const permanent =
      (isDomainError(error) && ['fetch_refused', 'parse_failed', 'invalid'].includes(error.code)) ||
      (isFetchError(error) && [401, 403, 404, 410].includes(error.status ?? 0));
    const thrown = permanent ? new UnrecoverableError(message) : error;
    // The health service has logged this failure once per change; the queue need not log every retry.
    throw thrown instanceof Error ? markLogged(thrown) : thrown;
  }
}
