import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Config } from '@parley/config';
import { ConversationRepository, SourceRepository, type SourceForFetch } from '@parley/db';
import { DomainError, isDomainError, type NormalisedFeed } from '@parley/domain';
import { fetchUrl, normaliseFeed, readSample } from '@parley/ingest';
import { JobProducer } from '@parley/jobs';
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { CONFIG, DATA_SOURCE } from '../infrastructure.module';
import { PostStoreService } from '../services/post-store.service';

type Fetched = { feed: NormalisedFeed | null; etag: string | null; lastModified: string | null };

/** Fetches one source, stores what is new, records the source's health and queues tagging of what changed. */
@Injectable()
export class FetchSourceHandler {
  private readonly logger = new Logger(FetchSourceHandler.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly sources: SourceRepository,
    private readonly conversations: ConversationRepository,
    private readonly store: PostStoreService,
    private readonly producer: JobProducer,
  ) {}

  async handle(sourceId: string, finalAttempt: boolean): Promise<void> {
    const source = await this.sources.findForFetch(this.dataSource, sourceId);
    if (!source || !source.enabled) return;
    try {
      const fetched = await this.fetch(source);
      if (fetched.feed) {
        const stored = await this.store.store(source.id, fetched.feed.posts);
        this.logger.log({
          message: 'stored',
          source: source.key,
          ...stored,
          conversationIds: stored.conversationIds.length,
        });
      }
      await this.sources.recordSuccess(this.dataSource, source.id, fetched);
    } catch (error) {
      await this.fail(source, error, finalAttempt);
    }
    // Also re-queues anything a crashed run stored but never queued: the outbox is the conversation's version.
    await this.producer.tagConversations(
      await this.conversations.pendingTagging(this.dataSource, source.id, 10_000),
    );
  }

  private async fetch(source: SourceForFetch): Promise<Fetched> {
    if (source.type !== 'feed') {
      throw new DomainError(
        'invalid',
        `${source.type} sources are not supported yet; only feed sources are fetched`,
      );
    }
    if (source.url.startsWith('sample:')) {
      return {
        feed: normaliseFeed(await readSample(source.url, this.config.sampleDir), { sourceUrl: source.url }),
        etag: null,
        lastModified: null,
      };
    }
    const headers: Record<string, string> = {
      accept:
        'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5',
    };
    if (source.etag) headers['if-none-match'] = source.etag;
    if (source.lastModified) headers['if-modified-since'] = source.lastModified;
    const response = await fetchUrl(source.url, { allowlist: this.config.fetchAllowlist, headers });
    const validators = {
      etag: response.headers['etag'] ?? null,
      lastModified: response.headers['last-modified'] ?? null,
    };
    if (response.notModified) return { feed: null, ...validators };
    return { feed: normaliseFeed(response.body, { sourceUrl: response.url }), ...validators };
  }

  /** The error goes on the source for people to see; only transient failures are retried. */
  private async fail(source: SourceForFetch, error: unknown, finalAttempt: boolean): Promise<never> {
    const message = error instanceof Error ? error.message : String(error);
    await this.sources.recordFailure(this.dataSource, source.id, message);
    this.logger.warn({ message: 'fetch failed', source: source.key, error: message, finalAttempt });
    const permanent =
      isDomainError(error) && ['fetch_refused', 'parse_failed', 'invalid'].includes(error.code);
    throw permanent ? new UnrecoverableError(message) : error;
  }
}
