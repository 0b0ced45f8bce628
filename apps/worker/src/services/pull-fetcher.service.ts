import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { DATA_SOURCE, PostRepository, openSecrets, type SourceForFetch } from '@parley/db';
import { DomainError } from '@parley/domain';
import { isPullSourceType, pullConnectorFor, type PollResult } from '@parley/ingest';
import type { DataSource } from 'typeorm';

/**
 * Which own posts have their counters read again on a poll: those published in the last 14 days (when nearly all
 * of a post's engagement comes), read more than an hour ago, at most 10 a poll (the connector's own cap).
 */
const RECHECK_WITHIN_MS = 14 * 86_400_000;
const RECHECK_AFTER_MS = 3_600_000;
const RECHECK_PER_POLL = 10;

/** Polls an API source (Mastodon, Discourse, Hacker News, Reddit) from its stored cursor. */
@Injectable()
export class PullFetcherService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly posts: PostRepository,
  ) {}

  async poll(source: SourceForFetch): Promise<PollResult> {
    if (!isPullSourceType(source.type)) {
      throw new DomainError(
        'invalid',
        `${source.type} sources are not polled; they stream (see the worker's stream consumers)`,
      );
    }
    const now = Date.now();
    const recheck = await this.posts.countersDue(this.dataSource, source.id, {
      publishedAfter: new Date(now - RECHECK_WITHIN_MS),
      readBefore: new Date(now - RECHECK_AFTER_MS),
      limit: RECHECK_PER_POLL,
    });
    return pullConnectorFor(source.type).poll(
      {
        url: source.url,
        // Decrypted only here, for the connector; never logged or stored elsewhere.
        config: { ...source.config, ...openSecrets(source.secrets, this.config.secretKey, source.key) },
        cursor: source.cursor,
        recheck,
      },
      { allowlist: this.config.fetchAllowlist },
    );
  }
}
