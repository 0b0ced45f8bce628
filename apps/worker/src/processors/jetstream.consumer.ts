import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { DATA_SOURCE, PostRepository, type SourceForFetch, SourceRepository } from '@parley/db';
import type { NormalisedPost } from '@parley/domain';
import {
  JETSTREAM_COLLECTIONS,
  normaliseJetstreamEvents,
  subscribeJetstream,
  type JetstreamBatch,
  type JetstreamGap,
  type JetstreamSubscription,
} from '@parley/ingest';
import { JobProducer, REDIS, RedisLease } from '@parley/jobs';
import { CompiledRulesCache } from '@parley/tagging';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { PostStoreService } from '../services/post-store.service';
import { SourceHealthService } from '../services/source-health.service';

type Running = { subscription: JetstreamSubscription; lease: RedisLease; version: number };
const RECONCILE_MS = 15_000;

/**
 * Bluesky sources are a firehose, consumed continuously rather than polled: each batch of events is stored with
 * its cursor in one transaction, so a restart resumes exactly where the last stored batch ended.
 */
@Injectable()
export class JetstreamConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JetstreamConsumer.name);
  private readonly running = new Map<string, Running>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly sources: SourceRepository,
    private readonly posts: PostRepository,
    private readonly store: PostStoreService,
    private readonly rules: CompiledRulesCache,
    private readonly producer: JobProducer,
    private readonly health: SourceHealthService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile();
    this.timer = setInterval(
      () =>
        void this.reconcile().catch((e: Error) =>
          this.logger.warn({ message: 'reconcile failed', error: e.message }),
        ),
      RECONCILE_MS,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all([...this.running.keys()].map((id) => this.stop(id)));
  }

  /** Starts streams for new or changed Bluesky sources and stops those removed or disabled. */
  async reconcile(): Promise<void> {
    const wanted = await this.sources.enabledOfType(this.dataSource, 'bluesky');
    for (const [id, run] of this.running) {
      const source = wanted.find((s) => s.id === id);
      if (!source || source.updatedAt.getTime() !== run.version) await this.stop(id);
    }
    for (const source of wanted.filter((s) => !this.running.has(s.id))) await this.start(source);
  }

  private async start(source: SourceForFetch): Promise<void> {
    const lease = new RedisLease(
      this.redis,
      `${this.config.queuePrefix}:stream-lease:${source.id}`,
      this.config.jobLockMs,
    );
    if (!(await lease.acquire(() => void this.stop(source.id)))) return;
    const subscription = subscribeJetstream({
      url: source.url,
      cursor: source.cursor ? Number(source.cursor) : null,
      wantedCollections: JETSTREAM_COLLECTIONS,
      // Larger batches amortise each store's fixed cost when the firehose runs hot; quiet periods still flush
      // every 250 ms, so latency stays low.
      batchSize: 1_000,
      allowlist: this.config.fetchAllowlist,
      onEvents: (batch) => this.storeBatch(source, batch),
      onGap: (gap) => void this.recordGap(source, gap),
      onError: (error) => void this.health.failed(source, error.message).catch(() => undefined),
    });
    this.running.set(source.id, { subscription, lease, version: source.updatedAt.getTime() });
    this.logger.log({ message: 'stream started', source: source.key, cursor: source.cursor });
  }

  private async stop(id: string): Promise<void> {
    const run = this.running.get(id);
    if (!run) return;
    this.running.delete(id);
    await run.subscription.close();
    // A lease that cannot be released now lapses by itself within its ttl.
    await run.lease.release().catch(() => false);
  }

  private async storeBatch(source: SourceForFetch, batch: JetstreamBatch): Promise<void> {
    const changes = normaliseJetstreamEvents(batch.events);
    const kept = await this.worthKeeping(source, changes.posts);
    const stored = await this.store.store(source.id, kept, { cursor: String(batch.cursor) });
    // Engagement and deletions apply to posts stored by now, including this batch's.
    await this.posts.addCounters(this.dataSource, changes.increments);
    await this.posts.redact(this.dataSource, 'bluesky', changes.redactions);
    await this.health.succeeded(source);
    // What a crash left untagged is still pending in Postgres, and tagged with the next batch's.
    if (stored.inserted + stored.updated > 0) await this.producer.tagPending();
  }

  /** Posts some rule could match, and replies into threads already followed. */
  private async worthKeeping(source: SourceForFetch, posts: NormalisedPost[]): Promise<NormalisedPost[]> {
    const { matcher } = await this.rules.current();
    const threadIds = posts.flatMap((p) => [p.rootId, p.inReplyTo]).filter((id): id is string => !!id);
    const followed = await this.posts.knownOnPlatform(this.dataSource, 'bluesky', [...new Set(threadIds)]);
    return posts.filter(
      (p) =>
        matcher.match({ ...p, authorHandle: p.author.handle, authorName: p.author.name, source: source.key })
          .length > 0 ||
        (p.rootId && followed.has(p.rootId)) ||
        (p.inReplyTo && followed.has(p.inReplyTo)),
    );
  }

  private async recordGap(source: SourceForFetch, gap: JetstreamGap): Promise<void> {
    const from = new Date(gap.requestedCursor / 1000);
    const to = new Date(gap.firstEventTimeUs / 1000);
    await this.sources.recordGap(this.dataSource, source.id, from, to);
    await this.health.failed(
      source,
      `events from ${from.toISOString()} to ${to.toISOString()} were not replayed by the server and are missing`,
    );
  }
}
