import { Inject, Injectable } from '@nestjs/common';
import type { Draft, DraftDiff, DraftOverrideRequest, DraftSave, DraftVersion } from '@parley/contracts';
import {
  DATA_SOURCE,
  DraftRepository,
  type DraftAccountRow,
  type DraftRow,
  type StoredOverride,
  WorkspaceRepository,
} from '@parley/db';
import {
  carryOverrides,
  checkPropriety,
  DomainError,
  isOverridden,
  mayInDepartment,
  type Permission,
} from '@parley/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { parseId } from '../../common/parse-id';
import type { AuthContext } from '../auth/auth-context';
import { wordDiff } from './draft-diff';
import { DraftPresenter, versionOf } from './draft-presenter.service';
import { defaultAccount, subjectOf, type DraftSubject } from './draft-subject';
import { ElectionPeriodsService } from '../propriety/election-periods.service';

const NOT_FOUND = (id: string) => `No opportunity ${id} that you can see.`;

/** Refuses a change made from a draft version that is no longer the current one; nothing is kept. */
export const checkDraftVersion = (expected: number, current: number): void => {
  if (expected === current) return;
  const message =
    current === 0
      ? `There is no version ${expected} of this draft: it has not been saved yet. Save it as a new draft (expectedVersion 0).`
      : `Someone saved version ${current} of this draft while you were working from version ${expected}: read their version, then make your change again.`;
  throw new DomainError('conflict', message, [{ path: 'expectedVersion', message }]);
};

const sameAccount = (a: DraftAccountRow, b: { platform: string; handle: string; site?: string | null }) =>
  a.platform === b.platform &&
  a.handle.toLowerCase() === b.handle.toLowerCase() &&
  (a.site ?? '').toLowerCase() === (b.site ?? '').toLowerCase();

/** Draft replies: saving versions with their propriety findings, setting findings aside, and the history. */
@Injectable()
export class DraftsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly drafts: DraftRepository,
    private readonly workspace: WorkspaceRepository,
    private readonly access: DepartmentAccess,
    private readonly presenter: DraftPresenter,
    private readonly elections: ElectionPeriodsService,
  ) {}

  /** The opportunity, if the caller may read its department (404 otherwise) and do `permission` there (403). */
  async subject(
    auth: AuthContext,
    rawId: string,
    permission: Permission = 'department.read',
  ): Promise<DraftSubject> {
    const id = parseId(rawId, NOT_FOUND(rawId));
    const row = await this.drafts.subject(this.dataSource, id);
    if (!row || !mayInDepartment(auth, row.departmentId, 'department.read')) {
      throw new DomainError('not_found', NOT_FOUND(rawId));
    }
    this.access.assertAllowed(auth, { id: row.departmentId, name: row.departmentName }, permission);
    return subjectOf(row);
  }

  async get(auth: AuthContext, id: string): Promise<Draft> {
    const subject = await this.subject(auth, id);
    return this.presenter.present(subject, (await this.elections.current()) !== null);
  }

  async versions(auth: AuthContext, id: string): Promise<DraftVersion[]> {
    const subject = await this.subject(auth, id);
    const draft = await this.drafts.find(this.dataSource, subject.id);
    if (!draft) return [];
    return (await this.drafts.versions(this.dataSource, draft.id)).map(versionOf);
  }

  /** Two versions word by word; version 0 is the empty text before the first save. */
  async diff(auth: AuthContext, id: string, from: number, to: number): Promise<DraftDiff> {
    const subject = await this.subject(auth, id);
    const draft = await this.drafts.find(this.dataSource, subject.id);
    const textOf = async (version: number): Promise<string> => {
      if (version === 0) return '';
      const row = draft ? await this.drafts.version(this.dataSource, draft.id, version) : undefined;
      if (!row) throw new DomainError('not_found', `This draft has no version ${version}.`);
      return row.text;
    };
    return { from, to, parts: wordDiff(await textOf(from), await textOf(to)) };
  }

  /**
   * Keeps the text as a new version with its findings, in the caller's transaction (which holds the opportunity
   * locked). Returns what the opportunity's timeline and the audit log record of it.
   */
  async saveIn(
    tx: EntityManager,
    auth: AuthContext,
    subject: DraftSubject,
    request: DraftSave,
  ): Promise<Record<string, unknown>> {
    const existing = await this.drafts.findForUpdate(tx, subject.id);
    checkDraftVersion(request.expectedVersion, existing?.version ?? 0);
    const draftId =
      existing?.id ??
      (await this.drafts.insert(tx, { opportunityId: subject.id, departmentId: subject.departmentId }));
    const account = await this.accountFor(tx, subject, existing, request.account);
    const findings = checkPropriety(request.text, { electionPeriod: await this.elections.current() });
    const previous = existing ? await this.drafts.version(tx, draftId, existing.version) : undefined;
    const version = (existing?.version ?? 0) + 1;
    await this.drafts.insertVersion(tx, {
      draftId,
      version,
      text: request.text,
      findings,
      overrides: carryOverrides(previous?.overrides ?? [], findings),
      savedBy: auth.userId,
    });
    await this.drafts.update(tx, draftId, { version, account });
    // A new version needs clearance afresh: the approvals given to the one before no longer count.
    const open = await this.drafts.latestClearance(tx, draftId);
    const supersededSubmission = open !== undefined && open.closedAt === null;
    if (open && supersededSubmission) await this.drafts.closeClearance(tx, open.id, 'superseded');
    return { draftVersion: version, findings: findings.map((f) => f.kind), account, supersededSubmission };
  }

  /** The account named, which must be one of the department's; left out, the draft's own or a sensible default. */
  private async accountFor(
    tx: EntityManager,
    subject: DraftSubject,
    existing: DraftRow | undefined,
    requested: DraftSave['account'],
  ): Promise<DraftAccountRow | null> {
    if (requested === null) return null;
    const accounts = await this.workspace.accountsOf(tx, subject.departmentId);
    if (requested === undefined) {
      return existing ? existing.account : defaultAccount(accounts, subject);
    }
    const account = accounts.find((a) => sameAccount(a, requested));
    if (!account) {
      const message = `${requested.handle} is not one of ${subject.departmentName}’s accounts: choose one the workspace lists.`;
      throw new DomainError('invalid', message, [{ path: 'account', message }]);
    }
    return account;
  }

  /**
   * Sets a finding of the latest version aside; the reason is kept with the version, and (returned for the
   * timeline) in the audit log.
   */
  async overrideIn(
    tx: EntityManager,
    auth: AuthContext,
    subject: DraftSubject,
    request: DraftOverrideRequest,
  ): Promise<Record<string, unknown>> {
    const draft = await this.drafts.findForUpdate(tx, subject.id);
    checkDraftVersion(request.expectedVersion, draft?.version ?? 0);
    const latest = draft ? await this.drafts.version(tx, draft.id, draft.version) : undefined;
    const finding = latest?.findings.find(
      (f) => f.kind === request.kind && f.start === request.start && f.end === request.end,
    );
    if (!draft || !latest || !finding) {
      const message = `Version ${request.expectedVersion} of this draft has no ${request.kind} finding at characters ${request.start}–${request.end}.`;
      throw new DomainError('invalid', message, [{ path: 'kind', message }]);
    }
    const detail = {
      draftVersion: latest.version,
      kind: finding.kind,
      text: finding.text,
      reason: request.reason,
    };
    if (isOverridden(finding, latest.overrides)) return detail;
    const override: StoredOverride = {
      kind: finding.kind,
      start: finding.start,
      end: finding.end,
      text: finding.text,
      reason: request.reason,
      byId: auth.userId,
      byName: auth.name,
      at: new Date().toISOString(),
    };
    await this.drafts.setOverrides(tx, draft.id, latest.version, [...latest.overrides, override]);
    return detail;
  }
}
