import type { Queryable } from '../queryable';

/** One of a department's own posts with its public counters and the direct replies Parley holds under it. */
export type OwnPostRow = {
  id: string;
  platform: string;
  url: string | null;
  text: string;
  publishedAt: Date;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  followers: number | null;
  countersAt: Date | null;
  ownReplies: number;
  storedRepliesByOthers: number;
};

/**
 * The department's own posts (`by_department_id`, set when tagging recognises one of its accounts). They are few
 * (thousands a year), so a window is read through `post_by_department_published` without a roll-up.
 */
export class OwnPostRepository {
  /**
   * Own posts published in [from, to), oldest first, not deleted. Direct replies are found within the post's
   * conversation (`post_conversation`), so counting them reads one thread, never the table.
   */
  async inWindow(q: Queryable, departmentId: string, from: Date, to: Date): Promise<OwnPostRow[]> {
    return q.query(
      `SELECT p.id::text, p.platform, p.url, p.text, p.published_at AS "publishedAt",
         p.like_count AS likes, p.repost_count AS reposts, p.reply_count AS replies,
         p.author_followers AS followers, p.counters_at AS "countersAt",
         r.own AS "ownReplies", r.others AS "storedRepliesByOthers"
       FROM post p
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE c.by_department_id = p.by_department_id)::int AS own,
                count(*) FILTER (WHERE c.by_department_id IS DISTINCT FROM p.by_department_id)::int AS others
         FROM post c
         WHERE c.conversation_id = p.conversation_id AND c.in_reply_to = p.external_id AND c.deleted_at IS NULL
       ) r
       WHERE p.by_department_id = $1 AND p.published_at >= $2 AND p.published_at < $3 AND p.deleted_at IS NULL
       ORDER BY p.published_at, p.id`,
      [departmentId, from, to],
    );
  }
}
