import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { openSecrets, type SourceForFetch } from '@parley/db';
import { DomainError } from '@parley/domain';
import { isPullSourceType, pullConnectorFor, type PollResult } from '@parley/ingest';

/** Polls an API source (Mastodon, Discourse, Hacker News, Reddit) from its stored cursor. */
@Injectable()
export class PullFetcherService {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  poll(source: SourceForFetch): Promise<PollResult> {
    if (!isPullSourceType(source.type)) {
      throw new DomainError(
        'invalid',
        `${source.type} sources are not polled; they stream (see the worker's stream consumers)`,
      );
    }
    return pullConnectorFor(source.type).poll(
      {
        url: source.url,
        // Decrypted only here, for the connector; never logged or stored elsewhere.
        config: { ...source.config, ...openSecrets(source.secrets, this.config.secretKey, source.key) },
        cursor: source.cursor,
      },
      { allowlist: this.config.fetchAllowlist },
    );
  }
}
