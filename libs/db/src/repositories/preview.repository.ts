import type { Queryable } from '../queryable';

/** A compiled rule condition over `post p JOIN source s`, with its parameters numbered from $4. */
export type CompiledCondition = { sql: string; params: unknown[] };
export type PreviewWindow = { departmentId: string; from: Date; to: Date };
export type PreviewSampleRow = {
  id: string;
  title: string | null;
  url: string | null;
  source: string;
  lastActivityAt: Date | null;
};

export const PREVIEW_FIRST_PARAMETER = 4;

const MATCHING_POSTS = (condition: string) => `
  FROM post p JOIN source s ON s.id = p.source_id
  WHERE p.published_at >= $1 AND p.published_at < $2 AND (s.department_id IS NULL OR s.department_id = $3)
    AND p.deleted_at IS NULL AND (${condition})`;

/** "This rule would have matched N conversations": the rule's Postgres compilation run over the past. */
export class PreviewRepository {
  async countConversations(
    q: Queryable,
    window: PreviewWindow,
    condition: CompiledCondition,
  ): Promise<number> {
    const rows: { n: number }[] = await q.query(
      `SELECT count(DISTINCT p.conversation_id)::int AS n ${MATCHING_POSTS(condition.sql)}`,
      [window.from, window.to, window.departmentId, ...condition.params],
    );
    return rows[0].n;
  }

  sample(
    q: Queryable,
    window: PreviewWindow,
    condition: CompiledCondition,
    limit: number,
  ): Promise<PreviewSampleRow[]> {
    return q.query(
      `SELECT c.id::text, c.title, c.url, s.key AS source, c.last_activity_at AS "lastActivityAt"
       FROM conversation c JOIN source s ON s.id = c.source_id
       WHERE c.id IN (SELECT p.conversation_id ${MATCHING_POSTS(condition.sql)})
       ORDER BY c.last_activity_at DESC NULLS LAST LIMIT ${Number(limit)}`,
      [window.from, window.to, window.departmentId, ...condition.params],
    );
  }

  /** Keeps a pathological query from holding a connection: the preview gives up rather than queue behind it. */
  async limitStatementTime(q: Queryable, ms: number): Promise<void> {
    await q.query(`SET LOCAL statement_timeout = ${Number(ms)}`);
  }
}
