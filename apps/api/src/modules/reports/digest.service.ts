import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type { DigestSubscription, DigestSubscriptionInput } from '@parley/contracts';
import {
  AuditRepository,
  DATA_SOURCE,
  DigestRepository,
  WorkspaceRepository,
  inTransaction,
  type DueDigest,
} from '@parley/db';
import { digestEmail, digestLink, digestWeek, mayInDepartment } from '@parley/domain';
import { Mailer } from '@parley/jobs';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { AuthService } from '../auth/auth.service';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { ImpactReportService } from './impact-report.service';

/** Subscriptions handled per read: each one composes a report, so a run's memory stays flat. */
const BATCH = 20;

/**
 * The weekly digest: a person subscribes to a department's overview, and once per London week each subscription
 * is sent the overview of the seven days before. A delivery row per subscription and week, written as each email
 * goes, is what a retried run reads to send nothing twice.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly digests: DigestRepository,
    private readonly workspace: WorkspaceRepository,
    private readonly audit: AuditRepository,
    private readonly access: DepartmentAccess,
    private readonly auth: AuthService,
    private readonly reports: ImpactReportService,
    private readonly mailer: Mailer,
  ) {}

  async subscription(auth: AuthContext, key: string): Promise<DigestSubscription> {
    const department = await this.access.resolve(auth, key, 'evaluation.read');
    const [subscribed, last] = await Promise.all([
      this.digests.isSubscribed(this.dataSource, auth.userId, department.id),
      this.digests.lastSentWeek(this.dataSource, auth.userId, department.id),
    ]);
    return { department: department.key, subscribed, lastSentWeek: last?.toISOString() ?? null };
  }

  async setSubscription(auth: AuthContext, input: DigestSubscriptionInput): Promise<DigestSubscription> {
    const department = await this.access.resolve(auth, input.department, 'evaluation.read');
    await inTransaction(this.dataSource, async (tx) => {
      const changed = input.subscribed
        ? await this.digests.subscribe(tx, auth.userId, department.id)
        : await this.digests.unsubscribe(tx, auth.userId, department.id);
      if (!changed) return;
      await this.audit.record(tx, actorOf(auth), {
        action: 'report.digest-subscription',
        entityType: 'department',
        entityId: department.id,
        departmentId: department.id,
        after: { userId: auth.userId, subscribed: input.subscribed },
      });
    });
    const last = input.subscribed
      ? await this.digests.lastSentWeek(this.dataSource, auth.userId, department.id)
      : null;
    return {
      department: department.key,
      subscribed: input.subscribed,
      lastSentWeek: last?.toISOString() ?? null,
    };
  }

  /** Sends this week's digest to every subscription not yet sent it; returns how many emails went. */
  async sendDue(now: Date): Promise<number> {
    if (!this.mailer.enabled) return 0;
    const week = digestWeek(now);
    let sent = 0;
    for (;;) {
      const due = await this.digests.due(this.dataSource, week.weekStart, BATCH);
      for (const digest of due) {
        if (await this.sendOne(digest, week, now)) sent += 1;
        await this.digests.markSent(this.dataSource, digest, week.weekStart);
      }
      if (due.length < BATCH) return sent;
    }
  }

  /**
   * One subscription's email, with the subscriber's rights as they are now: someone who may no longer read the
   * department's evaluation gets nothing (and the week is marked handled, so the run moves on).
   */
  private async sendOne(digest: DueDigest, week: { from: Date; to: Date }, now: Date): Promise<boolean> {
    const [auth, departments] = await Promise.all([
      this.auth.forUser(digest.userId),
      this.workspace.allDepartments(this.dataSource),
    ]);
    const department = departments.find((d) => d.id === digest.departmentId);
    if (!auth || !department || !mayInDepartment(auth, department.id, 'evaluation.read')) return false;
    const report = await this.reports.compose(
      auth,
      department,
      { from: week.from.toISOString(), to: week.to.toISOString(), level: 'overview' },
      now,
    );
    const email = digestEmail(report, digestLink(this.config.publicUrl, department.key, week));
    await this.mailer.send({ to: auth.email, ...email });
    this.logger.log({ message: 'digest sent', userId: digest.userId, department: department.key });
    return true;
  }
}
