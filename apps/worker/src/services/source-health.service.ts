import { Inject, Injectable, Logger } from '@nestjs/common';
import { DATA_SOURCE, SourceRepository } from '@parley/db';
import { storableText } from '@parley/domain';
import type { DataSource } from 'typeorm';

type Named = { id: string; key: string };
type Validators = { etag: string | null; lastModified: string | null };
const NO_VALIDATORS: Validators = { etag: null, lastModified: null };

/**
 * Records every fetch on its source, and logs a source's health only when it changes: the first failure, a
 * different error, the recovery. A feed that stays down is retried every few minutes; its unchanged error is on
 * the source (and in the Sources page), not repeated in the log. The state lives on the source row, so several
 * workers, or a restarted one, log a change once.
 */
@Injectable()
export class SourceHealthService {
  private readonly logger = new Logger('SourceHealth');

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly sources: SourceRepository,
  ) {}

  // Messages can quote what a remote server sent (a topic's title), so they lose what Postgres refuses too.

  /**
   * `warning`: what a person should know about a fetch that worked (items skipped, a feed read only in part,
   * comment feeds that could not be read; see SourceRepository.recordSuccess). It is not a failure: the source's
   * error and failure count clear.
   */
  async succeeded(
    source: Named,
    validators: Validators = NO_VALIDATORS,
    warning?: string | null,
  ): Promise<void> {
    const stored = warning ? storableText(warning) : warning;
    if ((await this.sources.recordSuccess(this.dataSource, source.id, validators, stored)) !== null)
      this.logger.log({ message: 'source recovered', source: source.key });
  }

  async failed(source: Named, message: string): Promise<void> {
    const error = storableText(message);
    if (await this.sources.recordFailure(this.dataSource, source.id, error))
      this.logger.warn({ message: 'source failing', source: source.key, error });
  }
}
