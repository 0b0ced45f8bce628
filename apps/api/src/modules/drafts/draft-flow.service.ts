import { Inject, Injectable } from '@nestjs/common';
import type {
  ClearanceItem,
  Draft,
  DraftDiff,
  DraftOverrideRequest,
  DraftReviewRequest,
  DraftSave,
  DraftSubmit,
  DraftVersion,
} from '@parley/contracts';
import { DATA_SOURCE, inTransaction } from '@parley/db';
import type { Permission } from '@parley/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { ClearanceService } from './clearance.service';
import { DraftPresenter } from './draft-presenter.service';
import type { DraftSubject } from './draft-subject';
import { DraftsService } from './drafts.service';
import { ElectionPeriods } from './election-periods.service';

/**
 * Each draft change in one transaction with the opportunity's status move and its timeline entry, then the
 * draft as it now stands.
 */
@Injectable()
export class DraftFlow {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly drafts: DraftsService,
    private readonly clearance: ClearanceService,
    private readonly presenter: DraftPresenter,
    private readonly elections: ElectionPeriods,
  ) {}

  get(auth: AuthContext, id: string): Promise<Draft> {
    return this.drafts.get(auth, id);
  }

  versions(auth: AuthContext, id: string): Promise<DraftVersion[]> {
    return this.drafts.versions(auth, id);
  }

  diff(auth: AuthContext, id: string, from: number, to: number): Promise<DraftDiff> {
    return this.drafts.diff(auth, id, from, to);
  }

  queue(auth: AuthContext, department: string): Promise<ClearanceItem[]> {
    return this.clearance.queue(auth, department);
  }

  async save(auth: AuthContext, id: string, request: DraftSave): Promise<Draft> {
    return this.change(auth, id, 'conversation.act', async (tx, subject) => {
      await this.drafts.saveIn(tx, auth, subject, request);
      return ['new', 'assigned', 'in-clearance', 'approved'].includes(subject.status) ? 'drafting' : null;
    });
  }

  async override(auth: AuthContext, id: string, request: DraftOverrideRequest): Promise<Draft> {
    return this.change(auth, id, 'conversation.act', async (tx, subject) => {
      await this.drafts.overrideIn(tx, auth, subject, request);
      return null;
    });
  }

  async submit(auth: AuthContext, id: string, request: DraftSubmit): Promise<Draft> {
    return this.change(auth, id, 'conversation.act', async (tx, subject) => {
      await this.clearance.submitIn(tx, auth, subject, request);
      return 'in-clearance';
    });
  }

  async review(auth: AuthContext, id: string, request: DraftReviewRequest): Promise<Draft> {
    return this.change(auth, id, 'department.read', async (tx, subject) => {
      const { outcome } = await this.clearance.reviewIn(tx, auth, subject, request);
      return outcome === 'approved' ? 'approved' : outcome === 'changes-requested' ? 'drafting' : null;
    });
  }

  // TEMPORARY until the workflow spine lands: locks the opportunity and sets its status directly.
  private async change(
    auth: AuthContext,
    id: string,
    permission: Permission,
    work: (tx: EntityManager, subject: DraftSubject) => Promise<string | null>,
  ): Promise<Draft> {
    const subject = await this.drafts.subject(auth, id, permission);
    await inTransaction(this.dataSource, async (tx) => {
      await tx.query(`SELECT 1 FROM opportunity WHERE id = $1 FOR UPDATE`, [subject.id]);
      const status = await work(tx, subject);
      if (status) await tx.query(`UPDATE opportunity SET status = $2 WHERE id = $1`, [subject.id, status]);
    });
    return this.presenter.present(
      await this.drafts.subject(auth, id),
      (await this.elections.active()) !== null,
    );
  }
}
