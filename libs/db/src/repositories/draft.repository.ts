import type { ProprietyFinding, ProprietyKind } from '@parley/domain';
import type { Queryable } from '../queryable';

export type DraftSubjectRow = {
  id: string;
  departmentId: string;
  departmentKey: string;
  departmentName: string;
  route: string;
  status: string;
  /** The opportunity's version, which every workflow change bumps. */
  version: number;
  conversationId: string;
  sourceType: string;
};
export type DraftAccountRow = { platform: string; handle: string; site: string | null };
export type DraftRow = {
  id: string;
  opportunityId: string;
  departmentId: string;
  version: number;
  account: DraftAccountRow | null;
};
/** A propriety finding as it was when the version was saved. */
export type StoredFinding = ProprietyFinding;
export type StoredOverride = {
  kind: ProprietyKind;
  start: number;
  end: number;
  text: string;
  reason: string;
  byId: string | null;
  byName: string;
  at: string;
};
export type DraftVersionRow = {
  version: number;
  text: string;
  findings: StoredFinding[];
  overrides: StoredOverride[];
  savedById: string | null;
  savedByName: string | null;
  savedAt: Date;
};
export type ClearanceRow = {
  id: string;
  draftVersion: number;
  submittedById: string | null;
  submittedByName: string | null;
  submittedAt: Date;
  closedAt: Date | null;
  outcome: 'approved' | 'changes-requested' | 'superseded' | null;
};
export type ReviewRow = {
  draftVersion: number;
  reviewerId: string | null;
  reviewerName: string | null;
  role: 'policy' | 'comms' | 'manager';
  decision: 'approve' | 'request-changes';
  comment: string;
  at: Date;
};
export type QueueRow = {
  draftId: string;
  opportunityId: string;
  conversationId: string;
  title: string | null;
  draftVersion: number;
  authorId: string | null;
  authorName: string | null;
  submittedAt: Date;
  clearanceId: string;
};

const DRAFT_COLUMNS = `id, opportunity_id AS "opportunityId", department_id AS "departmentId", version,
  CASE WHEN account_platform IS NULL THEN NULL
    ELSE jsonb_build_object('platform', account_platform, 'handle', account_handle, 'site', account_site) END AS account`;
const VERSION_COLUMNS = `v.version, v.text, v.findings, v.overrides, v.saved_by AS "savedById", u.name AS "savedByName",
  v.saved_at AS "savedAt"`;
const CLEARANCE_COLUMNS = `c.id::text, c.draft_version AS "draftVersion", c.submitted_by AS "submittedById",
  u.name AS "submittedByName", c.submitted_at AS "submittedAt", c.closed_at AS "closedAt", c.outcome`;

/** Draft replies: the draft, its kept versions, its submissions for clearance and their reviews. */
export class DraftRepository {
  /** What a draft needs to know of its opportunity: department, route, status and the platform of its thread. */
  subject(q: Queryable, opportunityId: string): Promise<DraftSubjectRow | undefined> {
    return q
      .query(
        `SELECT o.id, o.department_id AS "departmentId", d.key AS "departmentKey", d.name AS "departmentName",
           o.route, o.status, o.version, o.conversation_id::text AS "conversationId", s.type AS "sourceType"
         FROM opportunity o
         JOIN department d ON d.id = o.department_id
         JOIN conversation c ON c.id = o.conversation_id
         JOIN source s ON s.id = c.source_id
         WHERE o.id = $1`,
        [opportunityId],
      )
      .then((rows: DraftSubjectRow[]) => rows[0]);
  }

  find(q: Queryable, opportunityId: string): Promise<DraftRow | undefined> {
    return q
      .query(`SELECT ${DRAFT_COLUMNS} FROM draft WHERE opportunity_id = $1`, [opportunityId])
      .then((rows: DraftRow[]) => rows[0]);
  }

  /** The draft, locked until the transaction ends (the opportunity is locked first, so this never waits long). */
  findForUpdate(q: Queryable, opportunityId: string): Promise<DraftRow | undefined> {
    return q
      .query(`SELECT ${DRAFT_COLUMNS} FROM draft WHERE opportunity_id = $1 FOR UPDATE`, [opportunityId])
      .then((rows: DraftRow[]) => rows[0]);
  }

  async insert(q: Queryable, d: { opportunityId: string; departmentId: string }): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO draft (opportunity_id, department_id) VALUES ($1, $2) RETURNING id`,
      [d.opportunityId, d.departmentId],
    );
    return rows[0].id;
  }

  async update(
    q: Queryable,
    id: string,
    d: { version: number; account: DraftAccountRow | null },
  ): Promise<void> {
    await q.query(
      `UPDATE draft SET version = $2, account_platform = $3, account_handle = $4, account_site = $5, updated_at = now()
       WHERE id = $1`,
      [id, d.version, d.account?.platform ?? null, d.account?.handle ?? null, d.account?.site ?? null],
    );
  }

  async insertVersion(
    q: Queryable,
    v: {
      draftId: string;
      version: number;
      text: string;
      findings: StoredFinding[];
      overrides: StoredOverride[];
      savedBy: string;
    },
  ): Promise<void> {
    await q.query(
      `INSERT INTO draft_version (draft_id, version, text, findings, overrides, saved_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [v.draftId, v.version, v.text, JSON.stringify(v.findings), JSON.stringify(v.overrides), v.savedBy],
    );
  }

  async setOverrides(
    q: Queryable,
    draftId: string,
    version: number,
    overrides: StoredOverride[],
  ): Promise<void> {
    await q.query(`UPDATE draft_version SET overrides = $3 WHERE draft_id = $1 AND version = $2`, [
      draftId,
      version,
      JSON.stringify(overrides),
    ]);
  }

  /** Every version, newest first. */
  versions(q: Queryable, draftId: string): Promise<DraftVersionRow[]> {
    return q.query(
      `SELECT ${VERSION_COLUMNS} FROM draft_version v LEFT JOIN app_user u ON u.id = v.saved_by
       WHERE v.draft_id = $1 ORDER BY v.version DESC`,
      [draftId],
    );
  }

  version(q: Queryable, draftId: string, version: number): Promise<DraftVersionRow | undefined> {
    return q
      .query(
        `SELECT ${VERSION_COLUMNS} FROM draft_version v LEFT JOIN app_user u ON u.id = v.saved_by
         WHERE v.draft_id = $1 AND v.version = $2`,
        [draftId, version],
      )
      .then((rows: DraftVersionRow[]) => rows[0]);
  }

  /** Everyone who saved a version of the draft. */
  authors(q: Queryable, draftId: string): Promise<{ id: string; name: string }[]> {
    return q.query(
      `SELECT DISTINCT u.id, u.name FROM draft_version v JOIN app_user u ON u.id = v.saved_by
       WHERE v.draft_id = $1 ORDER BY u.name`,
      [draftId],
    );
  }

  /** The latest submission for clearance, open or closed. */
  latestClearance(q: Queryable, draftId: string): Promise<ClearanceRow | undefined> {
    return q
      .query(
        `SELECT ${CLEARANCE_COLUMNS} FROM draft_clearance c LEFT JOIN app_user u ON u.id = c.submitted_by
         WHERE c.draft_id = $1 ORDER BY c.id DESC LIMIT 1`,
        [draftId],
      )
      .then((rows: ClearanceRow[]) => rows[0]);
  }

  async insertClearance(
    q: Queryable,
    c: { draftId: string; version: number; submittedBy: string },
  ): Promise<void> {
    await q.query(`INSERT INTO draft_clearance (draft_id, draft_version, submitted_by) VALUES ($1, $2, $3)`, [
      c.draftId,
      c.version,
      c.submittedBy,
    ]);
  }

  async closeClearance(
    q: Queryable,
    id: string,
    outcome: 'approved' | 'changes-requested' | 'superseded',
  ): Promise<void> {
    await q.query(
      `UPDATE draft_clearance SET closed_at = clock_timestamp(), outcome = $2 WHERE id = $1 AND closed_at IS NULL`,
      [id, outcome],
    );
  }

  async insertReview(
    q: Queryable,
    r: {
      clearanceId: string;
      version: number;
      reviewerId: string;
      role: string;
      decision: string;
      comment: string;
    },
  ): Promise<void> {
    await q.query(
      `INSERT INTO draft_review (clearance_id, draft_version, reviewer_id, role, decision, comment)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [r.clearanceId, r.version, r.reviewerId, r.role, r.decision, r.comment],
    );
  }

  /** A submission's reviews, oldest first. */
  reviews(q: Queryable, clearanceId: string): Promise<ReviewRow[]> {
    return q.query(
      `SELECT r.draft_version AS "draftVersion", r.reviewer_id AS "reviewerId", u.name AS "reviewerName", r.role,
         r.decision, r.comment, r.at
       FROM draft_review r LEFT JOIN app_user u ON u.id = r.reviewer_id WHERE r.clearance_id = $1 ORDER BY r.id`,
      [clearanceId],
    );
  }

  /**
   * Drafts of the department waiting for clearance, oldest submission first (a submission whose opportunity was
   * declined or referred meanwhile waits for nobody).
   */
  waiting(q: Queryable, departmentId: string): Promise<QueueRow[]> {
    return q.query(
      `SELECT d.id AS "draftId", d.opportunity_id AS "opportunityId", o.conversation_id::text AS "conversationId", cv.title,
         c.draft_version AS "draftVersion", c.submitted_by AS "authorId", u.name AS "authorName",
         c.submitted_at AS "submittedAt", c.id::text AS "clearanceId"
       FROM draft_clearance c
       JOIN draft d ON d.id = c.draft_id
       JOIN opportunity o ON o.id = d.opportunity_id
       JOIN conversation cv ON cv.id = o.conversation_id
       LEFT JOIN app_user u ON u.id = c.submitted_by
       WHERE d.department_id = $1 AND c.closed_at IS NULL AND o.status = 'in-clearance'
       ORDER BY c.submitted_at, c.id`,
      [departmentId],
    );
  }
}
