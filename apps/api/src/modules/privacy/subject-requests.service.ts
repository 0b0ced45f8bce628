import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type { SubjectExport, SubjectRequest, SubjectRequestCreate } from '@parley/contracts';
import {
  AuditRepository,
  DATA_SOURCE,
  PostRetirement,
  SubjectRequestRepository,
  authorToken,
  authorTokenKey,
  inTransaction,
  type Queryable,
  type Subject,
  type SubjectRequestRow,
} from '@parley/db';
import { DomainError, PLATFORMS } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { actorOf, type AuthContext } from '../auth/auth-context';

const LIST_LIMIT = 200;
/** What an erased or pseudonymised name or handle reads as in a department's notes and drafts. */
const REDACTED = { erase: '[removed at their request]', pseudonymise: '[a member of the public]' } as const;

const requestOf = (row: SubjectRequestRow): SubjectRequest => ({
  id: row.id,
  kind: row.kind,
  value: row.value,
  requestedBy: row.requestedBy,
  requestedAt: row.requestedAt.toISOString(),
  found: row.found,
  outcome: row.outcome,
  done: (row.done as SubjectRequest['done']) ?? null,
  doneBy: row.doneBy,
  doneAt: row.doneAt?.toISOString() ?? null,
});

/**
 * Subject requests (UK GDPR articles 15 and 17): what Parley holds about one public author, found by handle, name
 * or profile link across every source (their posts, retired ones by their token too; the engagements whose notes
 * name them; spam or bot flags on them; theme excerpts quoted from them), given to them as JSON, and erased or
 * pseudonymised on request. Workspace administrators (the data protection officer) only. The request row is the
 * receipt: what was asked, counts of what was found and done, by whom and when; the audit log names the request
 * by id and never repeats who it is about. Figures survive: erasing retires posts as retention does.
 */
@Injectable()
export class SubjectRequestsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly requests: SubjectRequestRepository,
    private readonly retirement: PostRetirement,
    private readonly audit: AuditRepository,
  ) {}

  async create(auth: AuthContext, body: SubjectRequestCreate): Promise<SubjectRequest> {
    const subject = await this.subjectOf(
      body.handle !== undefined
        ? { kind: 'handle', value: body.handle }
        : body.name !== undefined
          ? { kind: 'name', value: body.name }
          : { kind: 'profileUrl', value: body.profileUrl as string },
    );
    const id = await inTransaction(this.dataSource, async (tx) => {
      const found = await this.requests.findings(tx, subject);
      const created = await this.requests.create(tx, { ...subject, by: auth.userId, found });
      await this.audit.record(tx, actorOf(auth), {
        action: 'subject-request.create',
        entityType: 'subject_request',
        entityId: created,
        after: { by: subject.kind, found },
      });
      return created;
    });
    return this.get(id);
  }

  async list(): Promise<SubjectRequest[]> {
    return (await this.requests.list(this.dataSource, LIST_LIMIT)).map(requestOf);
  }

  async get(id: string): Promise<SubjectRequest> {
    return requestOf(await this.row(this.dataSource, id));
  }

  /** Everything held about the subject now (after an erasure: what is left, such as posts under a legal hold). */
  async export(auth: AuthContext, id: string): Promise<SubjectExport> {
    const row = await this.row(this.dataSource, id);
    const subject = await this.subjectOf(row);
    const [posts, engagements, flags] = await Promise.all([
      this.requests.posts(this.dataSource, subject),
      this.requests.engagements(this.dataSource, subject),
      this.requests.flaggedAuthors(this.dataSource, subject),
    ]);
    await this.audit.record(this.dataSource, actorOf(auth), {
      action: 'subject-request.export',
      entityType: 'subject_request',
      entityId: id,
      after: { posts: posts.length, engagements: engagements.length, flaggedAuthors: flags.length },
    });
    return {
      request: requestOf(row),
      exportedAt: new Date().toISOString(),
      posts: posts.map(({ retiredAs, held, publishedAt, fetchedAt, ...p }) => ({
        ...p,
        publishedAt: publishedAt?.toISOString() ?? null,
        fetchedAt: fetchedAt.toISOString(),
        retired: retiredAs,
        underLegalHold: held,
      })),
      engagements: engagements.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
      flaggedAuthors: flags.map(({ createdAt, ...f }) => ({ ...f, flaggedAt: createdAt.toISOString() })),
    };
  }

  /**
   * Erases (`erase`) or pseudonymises what was found, in one transaction; a request is acted on once. Posts under a
   * legal hold are left and counted in the receipt.
   */
  async act(auth: AuthContext, id: string, how: 'erase' | 'pseudonymise'): Promise<SubjectRequest> {
    await inTransaction(this.dataSource, async (tx) => {
      const row = await this.row(tx, id, true);
      if (row.outcome) {
        throw new DomainError(
          'conflict',
          `This request was already ${row.outcome} on ${row.doneAt?.toISOString()}${row.doneBy ? ` by ${row.doneBy}` : ''}.`,
        );
      }
      const key = await authorTokenKey(tx, this.config.secretKey);
      const subject = await this.subjectOf(row, key);
      const ids = await this.requests.postIds(tx, subject);
      const themeExcerpts = await this.requests.clearExcerpts(tx, ids);
      const retired = await this.retirement.retireChosen(
        tx,
        key,
        ids,
        how === 'erase' ? 'delete' : 'pseudonymise',
      );
      const posts = retired.deleted + retired.pseudonymised;
      const counts = {
        posts,
        keptUnderHold: ids.length - posts,
        engagements: await this.requests.redactEngagements(tx, subject, REDACTED[how]),
        flaggedAuthors: await this.requests.forgetFlags(
          tx,
          subject,
          how === 'erase' ? null : (platform, handle) => authorToken(key, platform, handle),
        ),
        themeExcerpts,
      };
      const outcome = how === 'erase' ? 'erased' : 'pseudonymised';
      await this.requests.complete(tx, id, { outcome, counts, by: auth.userId });
      await this.audit.record(tx, actorOf(auth), {
        action: `subject-request.${how}`,
        entityType: 'subject_request',
        entityId: id,
        after: counts,
      });
    });
    return this.get(id);
  }

  private async row(q: Queryable, id: string, lock = false) {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
    const row = uuid ? await this.requests.find(q, id, lock) : undefined;
    if (!row) throw new DomainError('not_found', `No subject request ${id}.`);
    return row;
  }

  /** The subject with the tokens their posts may carry by now: their handle or name on every platform. */
  private async subjectOf(r: Pick<Subject, 'kind' | 'value'>, key?: string): Promise<Subject> {
    if (r.kind === 'profileUrl') return { kind: r.kind, value: r.value, tokens: [] };
    const tokenKey = key ?? (await authorTokenKey(this.dataSource, this.config.secretKey));
    const values = [...new Set([r.value, r.value.replace(/^@/, '')])];
    return {
      kind: r.kind,
      value: r.value,
      tokens: PLATFORMS.flatMap((platform) => values.map((v) => authorToken(tokenKey, platform, v))),
    };
  }
}
