import type { DepartmentPost, EngagementLink, RecordedEngagement } from '@parley/domain';
import type { Queryable } from '../queryable';

export type PublishState = 'pending' | 'published' | 'failed';
export type NewEngagement = {
  opportunityId: string;
  conversationId: string;
  departmentId: string;
  kind: string;
  mode: string;
  route: string;
  url: string | null;
  externalId: string | null;
  occurredAt: Date;
  accountId: string | null;
  accountHandle: string | null;
  platform: string | null;
  text: string | null;
  outcome: string | null;
  closesLoop: boolean;
  draftId: string | null;
  recordedBy: string;
  publishState: PublishState | null;
};
export type EngagementRow = Omit<NewEngagement, 'recordedBy'> & {
  id: string;
  postId: string | null;
  recordedBy: string | null;
  publishError: string | null;
  createdAt: Date;
};
/** A department account with its publish credential as stored (sealed). */
export type PublishAccountRow = {
  id: string;
  platform: string;
  handle: string;
  site: string | null;
  secret: string | null;
};
/** The post a reply answers: the one that started the conversation, and where it was fetched from. */
export type ReplyTargetRow = { externalId: string; url: string | null; platform: string; sourceUrl: string };

const COLUMNS = `e.id, e.opportunity_id AS "opportunityId", e.conversation_id::text AS "conversationId",
  e.department_id AS "departmentId", e.kind, e.mode, e.route, e.url, e.external_id AS "externalId",
  e.occurred_at AS "occurredAt", e.account_id AS "accountId", e.account_handle AS "accountHandle", e.platform,
  e.draft AS text, e.outcome_notes AS outcome, e.closes_loop AS "closesLoop", e.draft_id AS "draftId",
  e.recorded_by AS "recordedBy", e.publish_state AS "publishState", e.publish_error AS "publishError",
  e.post_id::text AS "postId", e.created_at AS "createdAt"`;

/** Engagements recorded or published from Parley, and their link to the department's posts as fetched. */
export class EngagementRepository {
  async insert(q: Queryable, e: NewEngagement): Promise<EngagementRow> {
    const rows: EngagementRow[] = await q.query(
      `INSERT INTO engagement AS e (opportunity_id, conversation_id, department_id, kind, mode, route, url, external_id,
         occurred_at, account_id, account_handle, platform, draft, outcome_notes, closes_loop, draft_id, recorded_by,
         published_by, publish_state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
         CASE WHEN $18::text IS NULL THEN NULL ELSE $17::uuid END, $18)
       RETURNING ${COLUMNS}`,
      [
        e.opportunityId,
        e.conversationId,
        e.departmentId,
        e.kind,
        e.mode,
        e.route,
        e.url,
        e.externalId,
        e.occurredAt,
        e.accountId,
        e.accountHandle,
        e.platform,
        e.text,
        e.outcome,
        e.closesLoop,
        e.draftId,
        e.recordedBy,
        e.publishState,
      ],
    );
    return rows[0];
  }

  async find(q: Queryable, id: string): Promise<EngagementRow | undefined> {
    const rows: EngagementRow[] = await q.query(`SELECT ${COLUMNS} FROM engagement e WHERE e.id = $1`, [id]);
    return rows[0];
  }

  ofOpportunity(q: Queryable, opportunityId: string): Promise<EngagementRow[]> {
    return q.query(
      `SELECT ${COLUMNS} FROM engagement e WHERE e.opportunity_id = $1 ORDER BY e.created_at, e.id`,
      [opportunityId],
    );
  }

  /** A publish that has not gone through (pending, or failed and waiting for a retry), locked for this attempt. */
  async unfinishedPublish(q: Queryable, opportunityId: string): Promise<EngagementRow | undefined> {
    const rows: EngagementRow[] = await q.query(
      `SELECT ${COLUMNS} FROM engagement e WHERE e.opportunity_id = $1 AND e.publish_state IN ('pending', 'failed')
       ORDER BY e.created_at DESC LIMIT 1 FOR UPDATE`,
      [opportunityId],
    );
    return rows[0];
  }

  /** A retry takes the failed attempt up again: its id stays the key the platform knows it by. */
  async retryPublish(
    q: Queryable,
    id: string,
    e: Pick<NewEngagement, 'mode' | 'outcome' | 'closesLoop' | 'recordedBy'>,
  ) {
    await q.query(
      `UPDATE engagement SET publish_state = 'pending', publish_error = NULL, mode = $2, outcome_notes = $3,
         closes_loop = $4, published_by = $5 WHERE id = $1`,
      [id, e.mode, e.outcome, e.closesLoop, e.recordedBy],
    );
  }

  async markPublished(
    q: Queryable,
    id: string,
    p: { externalId: string; url: string | null; occurredAt: Date },
  ) {
    await q.query(
      `UPDATE engagement SET publish_state = 'published', publish_error = NULL, external_id = $2, url = $3,
         occurred_at = $4 WHERE id = $1`,
      [id, p.externalId, p.url, p.occurredAt],
    );
  }

  async markFailed(q: Queryable, id: string, error: string): Promise<void> {
    await q.query(`UPDATE engagement SET publish_state = 'failed', publish_error = $2 WHERE id = $1`, [
      id,
      error,
    ]);
  }

  /** Recorded engagements of these conversations that no fetched post is linked to yet. */
  unlinked(q: Queryable, conversationIds: string[]): Promise<RecordedEngagement[]> {
    return q.query(
      `SELECT e.id, e.department_id AS "departmentId", e.conversation_id::text AS "conversationId", e.platform,
         e.account_handle AS "accountHandle", e.url, e.external_id AS "externalId", e.occurred_at AS "occurredAt",
         e.draft AS text
       FROM engagement e WHERE e.conversation_id = ANY($1::bigint[]) AND e.post_id IS NULL AND e.kind <> 'detected'
         AND e.publish_state IS DISTINCT FROM 'failed' AND e.publish_state IS DISTINCT FROM 'pending'
       ORDER BY e.created_at`,
      [conversationIds],
    );
  }

  /** The department's own posts in these conversations, with the department tagging attributed them to. */
  departmentPosts(q: Queryable, conversationIds: string[]): Promise<DepartmentPost[]> {
    return q.query(
      `SELECT p.id::text, p.by_department_id AS "departmentId", p.conversation_id::text AS "conversationId", p.platform,
         p.author_handle AS "authorHandle", p.url, p.external_id AS "externalId", p.published_at AS "publishedAt", p.text
       FROM post p WHERE p.conversation_id = ANY($1::bigint[]) AND p.by_department_id IS NOT NULL
         AND p.deleted_at IS NULL`,
      [conversationIds],
    );
  }

  /** Links posts to the engagements they are; a detected engagement already made for such a post goes. */
  async link(q: Queryable, links: EngagementLink[]): Promise<void> {
    if (links.length === 0) return;
    const rows = JSON.stringify(links);
    await q.query(
      `DELETE FROM engagement d USING jsonb_to_recordset($1::jsonb) AS l("engagementId" uuid, "postId" bigint),
         engagement e
       WHERE d.kind = 'detected' AND d.post_id = l."postId" AND e.id = l."engagementId"
         AND d.department_id = e.department_id`,
      [rows],
    );
    await q.query(
      `UPDATE engagement e SET post_id = l."postId"
       FROM jsonb_to_recordset($1::jsonb) AS l("engagementId" uuid, "postId" bigint) WHERE e.id = l."engagementId"`,
      [rows],
    );
  }

  publishAccounts(q: Queryable, departmentId: string): Promise<PublishAccountRow[]> {
    return q.query(
      `SELECT id, platform, handle, site, secret FROM department_account WHERE department_id = $1
       ORDER BY platform, handle`,
      [departmentId],
    );
  }

  async replyTarget(q: Queryable, conversationId: string): Promise<ReplyTargetRow | undefined> {
    const rows: ReplyTargetRow[] = await q.query(
      `SELECT p.external_id AS "externalId", p.url, p.platform, s.url AS "sourceUrl"
       FROM conversation c JOIN post p ON p.source_id = c.source_id AND p.external_id = c.root_external_id
       JOIN source s ON s.id = c.source_id WHERE c.id = $1`,
      [conversationId],
    );
    return rows[0];
  }
}
