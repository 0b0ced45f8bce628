import type { Queryable } from '../queryable';

/** Which of a department's counted mentions a drill-down reads; more filters join here as their tables land. */
export type MentionPostFilter = { departmentId: string; from: Date; to: Date; platform?: string };

/** Where a page starts: the last row of the page before it (newest first). */
export type MentionPostCursor = { publishedAt: Date; postId: string };

export type MentionPostRow = {
  id: string;
  conversationId: string | null;
  url: string | null;
  platform: string;
  authorName: string | null;
  authorHandle: string | null;
  text: string;
  title: string | null;
  publishedAt: Date;
};

/**
 * The WHERE of a drill-down over `mention_post m`, in one place so each new filter is one more line. Reads the
 * (department, published_at, post_id) index of counted mentions; flagged authors' posts are never shown.
 */
const conditionsOf = (filter: MentionPostFilter, params: unknown[]): string[] => {
  const param = (value: unknown) => `$${params.push(value)}`;
  const conditions = [
    `m.department_id = ${param(filter.departmentId)}`,
    `NOT m.excluded`,
    `m.published_at >= ${param(filter.from)}`,
    `m.published_at < ${param(filter.to)}`,
  ];
  if (filter.platform) conditions.push(`m.platform = ${param(filter.platform)}`);
  return conditions;
};

/** The posts behind a department's mention counts, read through `mention_post` (written with the roll-up). */
export class MentionPostRepository {
  async count(q: Queryable, filter: MentionPostFilter): Promise<number> {
    const params: unknown[] = [];
    const rows: { total: number }[] = await q.query(
      `SELECT count(*)::int AS total FROM mention_post m WHERE ${conditionsOf(filter, params).join(' AND ')}`,
      params,
    );
    return rows[0].total;
  }

  /** Newest first, `limit` rows after `cursor`. */
  async page(
    q: Queryable,
    filter: MentionPostFilter,
    cursor: MentionPostCursor | null,
    limit: number,
  ): Promise<MentionPostRow[]> {
    const params: unknown[] = [];
    const conditions = conditionsOf(filter, params);
    if (cursor) {
      params.push(cursor.publishedAt, cursor.postId);
      conditions.push(`(m.published_at, m.post_id) < ($${params.length - 1}, $${params.length}::bigint)`);
    }
    params.push(limit);
    return q.query(
      `SELECT p.id::text AS id, p.conversation_id::text AS "conversationId", p.url, p.platform,
         p.author_name AS "authorName", p.author_handle AS "authorHandle", p.text, p.title,
         m.published_at AS "publishedAt"
       FROM mention_post m JOIN post p ON p.id = m.post_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY m.published_at DESC, m.post_id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
