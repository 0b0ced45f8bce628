import type { Queryable } from '../queryable';

export type LegalHoldRow = {
  id: string;
  conversationId: string | null;
  /** The held department's key, for a hold on a department. */
  department: string | null;
  departmentId: string | null;
  reason: string;
  placedBy: string | null;
  placedAt: Date;
  releasedBy: string | null;
  releasedAt: Date | null;
  releaseReason: string | null;
};

const COLUMNS = `h.id, h.conversation_id::text AS "conversationId", d.key AS department, h.department_id AS "departmentId",
  h.reason, pu.name AS "placedBy", h.placed_at AS "placedAt", ru.name AS "releasedBy", h.released_at AS "releasedAt",
  h.release_reason AS "releaseReason"`;
const FROM = `legal_hold h LEFT JOIN department d ON d.id = h.department_id
  LEFT JOIN app_user pu ON pu.id = h.placed_by LEFT JOIN app_user ru ON ru.id = h.released_by`;

/** Holds that keep a conversation's or a department's posts from retention (an FOI or litigation case). */
export class LegalHoldRepository {
  async place(
    q: Queryable,
    hold: { conversationId: string | null; departmentId: string | null; reason: string; by: string | null },
  ): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO legal_hold (conversation_id, department_id, reason, placed_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [hold.conversationId, hold.departmentId, hold.reason, hold.by],
    );
    return rows[0].id;
  }

  /** Ends a hold in force; false when there is none by that id (or it was already released). */
  async release(q: Queryable, id: string, by: string | null, reason: string): Promise<boolean> {
    // An UPDATE answers its rows and its count.
    const [rows]: [unknown[], number] = await q.query(
      `UPDATE legal_hold SET released_at = now(), released_by = $2, release_reason = $3
       WHERE id = $1 AND released_at IS NULL RETURNING id`,
      [id, by, reason],
    );
    return rows.length > 0;
  }

  find(q: Queryable, id: string): Promise<LegalHoldRow | undefined> {
    return q
      .query(`SELECT ${COLUMNS} FROM ${FROM} WHERE h.id = $1`, [id])
      .then((rows: LegalHoldRow[]) => rows[0]);
  }

  /**
   * Holds in force, then released ones, newest first; `departmentIds` (null: every hold) limits them to the holds
   * on those departments and on conversations that belong to one of them.
   */
  list(q: Queryable, departmentIds: string[] | null, limit: number): Promise<LegalHoldRow[]> {
    return q.query(
      `SELECT ${COLUMNS} FROM ${FROM}
       WHERE $1::uuid[] IS NULL OR h.department_id = ANY($1::uuid[])
         OR EXISTS (SELECT 1 FROM conversation c JOIN source s ON s.id = c.source_id
           WHERE c.id = h.conversation_id AND s.department_id = ANY($1::uuid[]))
         OR EXISTS (SELECT 1 FROM opportunity o WHERE o.conversation_id = h.conversation_id AND o.department_id = ANY($1::uuid[]))
       ORDER BY h.released_at IS NOT NULL, h.placed_at DESC LIMIT $2`,
      [departmentIds, limit],
    );
  }

  /**
   * The departments a conversation belongs to: its source's, and those with an opportunity or an engagement in it.
   * Null when there is no such conversation.
   */
  async departmentsOfConversation(q: Queryable, conversationId: string): Promise<string[] | null> {
    const rows: { ids: string[] | null }[] = await q.query(
      `SELECT ARRAY(
         SELECT s.department_id FROM source s WHERE s.id = c.source_id AND s.department_id IS NOT NULL
         UNION SELECT o.department_id FROM opportunity o WHERE o.conversation_id = c.id
         UNION SELECT e.department_id FROM engagement e WHERE e.conversation_id = c.id) AS ids
       FROM conversation c WHERE c.id = $1`,
      [conversationId],
    );
    return rows.length ? (rows[0].ids ?? []) : null;
  }
}
