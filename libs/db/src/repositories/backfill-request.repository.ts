import type { Queryable } from '../queryable';

export type BackfillRequestRow = {
  id: string;
  since: Date;
  reason: string;
  departmentIds: string[] | null;
  queuedAt: Date | null;
};

const COLUMNS = `id, since, reason, department_ids AS "departmentIds", queued_at AS "queuedAt"`;

/** The re-tagging outbox: requests recorded with the change that made them, then handed to the queue. */
export class BackfillRequestRepository {
  async insert(
    q: Queryable,
    request: { since: Date; reason: string; departmentIds: string[] | null },
  ): Promise<BackfillRequestRow> {
    const rows: BackfillRequestRow[] = await q.query(
      `INSERT INTO backfill_request (since, reason, department_ids) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
      [request.since, request.reason, request.departmentIds],
    );
    return rows[0];
  }

  async find(q: Queryable, id: string): Promise<BackfillRequestRow | undefined> {
    const rows: BackfillRequestRow[] = await q.query(
      `SELECT ${COLUMNS} FROM backfill_request WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Oldest first, so re-tags run in the order their changes were made. */
  unqueued(q: Queryable, limit: number): Promise<BackfillRequestRow[]> {
    return q.query(
      `SELECT ${COLUMNS} FROM backfill_request WHERE queued_at IS NULL ORDER BY requested_at LIMIT $1`,
      [limit],
    );
  }

  async markQueued(q: Queryable, id: string): Promise<void> {
    await q.query(`UPDATE backfill_request SET queued_at = now() WHERE id = $1 AND queued_at IS NULL`, [id]);
  }
}
