import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FlagAuthorRequest, FlaggedAuthor } from '@parley/contracts';
import {
  AuditRepository,
  DATA_SOURCE,
  FlaggedAuthorRepository,
  MentionRollupRepository,
  inTransaction,
  type FlaggedAuthorRow,
} from '@parley/db';
import { DomainError } from '@parley/domain';
import { isRedisUnavailable, JobProducer } from '@parley/jobs';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { actorOf, type AuthContext } from '../auth/auth-context';

const flaggedOf = (row: FlaggedAuthorRow): FlaggedAuthor => ({
  id: row.id,
  platform: row.platform,
  handle: row.handle,
  kind: row.kind,
  reason: row.reason,
  flaggedAt: row.createdAt.toISOString(),
});

/**
 * Spam and bot authors a department leaves out of its public mentions, sentiment and themes. Flagging or unflagging
 * is audited and asks, in the same transaction, for the hours that author posted in to be recounted (every roll-up
 * of those hours, by the one recount job); the job is queued after commit,
 * and the scheduled roll-up walks the request anyway if Redis is away.
 */
@Injectable()
export class FlaggedAuthorsService {
  private readonly logger = new Logger(FlaggedAuthorsService.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly flags: FlaggedAuthorRepository,
    private readonly rollup: MentionRollupRepository,
    private readonly audit: AuditRepository,
    private readonly producer: JobProducer,
    private readonly access: DepartmentAccess,
  ) {}

  async list(auth: AuthContext, key: string): Promise<FlaggedAuthor[]> {
    const department = await this.access.resolve(auth, key);
    return (await this.flags.list(this.dataSource, department.id)).map(flaggedOf);
  }

  async flag(auth: AuthContext, key: string, request: FlagAuthorRequest): Promise<FlaggedAuthor> {
    const department = await this.access.resolve(auth, key, 'evaluation.record');
    const row = await inTransaction(this.dataSource, async (tx) => {
      const inserted = await this.flags.insert(tx, department.id, { ...request, flaggedBy: auth.userId });
      if (!inserted) {
        throw new DomainError(
          'conflict',
          `${request.handle} on ${request.platform} is already flagged in ${department.name}.`,
        );
      }
      await this.audit.record(tx, actorOf(auth), {
        action: 'flagged_author.create',
        entityType: 'flagged_author',
        entityId: inserted.id,
        departmentId: department.id,
        after: { department: department.key, ...request },
      });
      await this.rollup.requestRecount(tx, `author flagged as ${request.kind}`, request);
      return inserted;
    });
    await this.recount();
    return flaggedOf(row);
  }

  async unflag(auth: AuthContext, key: string, id: string): Promise<void> {
    const department = await this.access.resolve(auth, key, 'evaluation.record');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
    await inTransaction(this.dataSource, async (tx) => {
      const row = uuid ? await this.flags.find(tx, department.id, id) : undefined;
      if (!row) throw new DomainError('not_found', `No flagged author ${id} in ${department.name}.`);
      await this.flags.delete(tx, department.id, id);
      await this.audit.record(tx, actorOf(auth), {
        action: 'flagged_author.delete',
        entityType: 'flagged_author',
        entityId: id,
        departmentId: department.id,
        before: {
          department: department.key,
          platform: row.platform,
          handle: row.handle,
          kind: row.kind,
          reason: row.reason,
        },
      });
      await this.rollup.requestRecount(tx, 'author unflagged', row);
    });
    await this.recount();
  }

  private async recount(): Promise<void> {
    try {
      await this.producer.recountMentions();
    } catch (error) {
      if (!isRedisUnavailable(error)) throw error;
      this.logger.warn({ message: 'mentions will be recounted at the next scheduled roll-up' });
    }
  }
}
