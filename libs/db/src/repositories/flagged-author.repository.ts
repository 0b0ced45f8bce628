import type { Queryable } from '../queryable';

export type FlaggedAuthorRow = {
  id: string;
  platform: string;
  handle: string;
  kind: 'spam' | 'bot';
  reason: string;
  flaggedBy: string | null;
  createdAt: Date;
};

const COLUMNS = `id, platform, handle, kind, reason, flagged_by AS "flaggedBy", created_at AS "createdAt"`;

/** Authors a department leaves out of its public mentions (spam or bots). Handles match in any case. */
export class FlaggedAuthorRepository {
  list(q: Queryable, departmentId: string): Promise<FlaggedAuthorRow[]> {
    return q.query(
      `SELECT ${COLUMNS} FROM flagged_author WHERE department_id = $1 ORDER BY created_at DESC, id`,
      [departmentId],
    );
  }

  find(q: Queryable, departmentId: string, id: string): Promise<FlaggedAuthorRow | undefined> {
    return q
      .query(`SELECT ${COLUMNS} FROM flagged_author WHERE department_id = $1 AND id = $2`, [departmentId, id])
      .then((rows: FlaggedAuthorRow[]) => rows[0]);
  }

  /** Null when the author is already flagged in this department. */
  async insert(
    q: Queryable,
    departmentId: string,
    flag: {
      platform: string;
      handle: string;
      kind: 'spam' | 'bot';
      reason: string;
      flaggedBy: string | null;
    },
  ): Promise<FlaggedAuthorRow | null> {
    const rows: FlaggedAuthorRow[] = await q.query(
      `INSERT INTO flagged_author (department_id, platform, handle, kind, reason, flagged_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [departmentId, flag.platform, flag.handle, flag.kind, flag.reason, flag.flaggedBy],
    );
    return rows[0] ?? null;
  }

  async delete(q: Queryable, departmentId: string, id: string): Promise<void> {
    await q.query(`DELETE FROM flagged_author WHERE department_id = $1 AND id = $2`, [departmentId, id]);
  }
}
