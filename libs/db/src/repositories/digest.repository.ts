import type { Queryable } from '../queryable';

export type DueDigest = { userId: string; departmentId: string };

/** Weekly digest subscriptions, and the weeks each has been sent for. */
export class DigestRepository {
  async subscribe(q: Queryable, userId: string, departmentId: string): Promise<boolean> {
    const rows: unknown[] = await q.query(
      `INSERT INTO digest_subscription (user_id, department_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [userId, departmentId],
    );
    return rows.length > 0;
  }

  async unsubscribe(q: Queryable, userId: string, departmentId: string): Promise<boolean> {
    const [, deleted]: [unknown, number] = await q.query(
      `DELETE FROM digest_subscription WHERE user_id = $1 AND department_id = $2`,
      [userId, departmentId],
    );
    return deleted > 0;
  }

  async isSubscribed(q: Queryable, userId: string, departmentId: string): Promise<boolean> {
    const rows: unknown[] = await q.query(
      `SELECT 1 FROM digest_subscription WHERE user_id = $1 AND department_id = $2`,
      [userId, departmentId],
    );
    return rows.length > 0;
  }

  async lastSentWeek(q: Queryable, userId: string, departmentId: string): Promise<Date | null> {
    const rows: { week: Date | null }[] = await q.query(
      `SELECT max(week_start) AS week FROM digest_delivery WHERE user_id = $1 AND department_id = $2`,
      [userId, departmentId],
    );
    return rows[0]?.week ?? null;
  }

  /** Up to `limit` subscriptions not yet sent the digest of the week starting `weekStart`. */
  async due(q: Queryable, weekStart: Date, limit: number): Promise<DueDigest[]> {
    return q.query(
      `SELECT s.user_id AS "userId", s.department_id AS "departmentId" FROM digest_subscription s
       WHERE NOT EXISTS (SELECT 1 FROM digest_delivery d WHERE d.user_id = s.user_id
         AND d.department_id = s.department_id AND d.week_start = $1)
       ORDER BY s.user_id, s.department_id LIMIT $2`,
      [weekStart, limit],
    );
  }

  async markSent(q: Queryable, digest: DueDigest, weekStart: Date): Promise<void> {
    await q.query(
      `INSERT INTO digest_delivery (user_id, department_id, week_start) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [digest.userId, digest.departmentId, weekStart],
    );
  }
}
