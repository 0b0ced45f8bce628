import type { SentimentLabel } from '@parley/domain';
import type { Queryable } from '../queryable';
import { withoutRetiredHours } from './retired-hours';
import {
  DEPARTMENT_NAMES,
  FLAGGED_AUTHOR,
  HOUR_OF,
  MENTIONS_DEPARTMENT,
  NOT_OWN_POST,
} from './mention-rollup.repository';

export type PostToClassify = { id: string; text: string };
export type ClassifiedPost = { postId: string; label: SentimentLabel; score: number };
export type SentimentTotals = Record<SentimentLabel, number> & { excluded: number };
/** One engaged conversation's public posts, by class, before the department's first reply and in the 48 h after. */
export type ConversationAroundReply = {
  conversationId: string;
  before: Record<SentimentLabel, number>;
  after: Record<SentimentLabel, number>;
};
export type SamplePost = {
  id: string;
  url: string | null;
  platform: string;
  author: string;
  text: string;
  publishedAt: Date;
};

/**
 * Per-post sentiment, people's labels and the hourly roll-up of a department's public mentions by class. The
 * effective class of a post for a department is that department's person's label if there is one, else the
 * classifier's.
 */
export class SentimentRepository {
  /** Posts fetched in [from, to) that the classifier of `version` has not read yet, oldest first, at most `limit`. */
  unclassified(
    q: Queryable,
    from: Date,
    to: Date,
    version: string,
    limit: number,
  ): Promise<PostToClassify[]> {
    return q.query(
      `SELECT p.id::text AS id, concat_ws(' ', p.title, p.text) AS text
       FROM post p LEFT JOIN post_sentiment s ON s.post_id = p.id
       WHERE p.fetched_at >= $1 AND p.fetched_at < $2 AND p.deleted_at IS NULL AND p.retired_at IS NULL
         AND (s.post_id IS NULL OR s.classifier_version <> $3)
       ORDER BY p.id LIMIT $4`,
      [from, to, version, limit],
    );
  }

  async saveClassified(q: Queryable, version: string, posts: ClassifiedPost[]): Promise<void> {
    if (posts.length === 0) return;
    await q.query(
      `INSERT INTO post_sentiment (post_id, label, score, classifier_version)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::real[], array_fill($4::text, ARRAY[$5::int]))
       ON CONFLICT (post_id) DO UPDATE
         SET label = excluded.label, score = excluded.score, classifier_version = excluded.classifier_version,
             classified_at = now()`,
      [
        posts.map((p) => p.postId),
        posts.map((p) => p.label),
        posts.map((p) => p.score),
        version,
        posts.length,
      ],
    );
  }

  /**
   * Recounts whole hours for every department: each classified public mention once per department it names, in
   * that department's effective class; a flagged author's posts counted as excluded. Call it in a transaction
   * holding the sentiment watermark, so the delete and the recount land together and never race another recount.
   */
  async recountHours(q: Queryable, every: Date[]): Promise<void> {
    // A retired post's class stays as it was counted: its hour is left as it stands.
    const hours = await withoutRetiredHours(q, every);
    if (hours.length === 0) return;
    // As in the mentions roll-up: the planner misjudges the phrase matches and would JIT-compile the join.
    await q.query(`SET LOCAL jit = off`);
    await q.query(`DELETE FROM sentiment_hour WHERE hour = ANY($1::timestamptz[])`, [hours]);
    await q.query(
      `WITH posts AS (
         SELECT h.hour, hp.* FROM unnest($1::timestamptz[]) AS h(hour) CROSS JOIN LATERAL (
           SELECT p.id, p.platform, p.search_vector, p.by_department_id, p.author_handle, p.author_name
           FROM post p WHERE p.published_at >= h.hour AND p.published_at < h.hour + interval '1 hour' AND p.deleted_at IS NULL
           UNION ALL
           SELECT p.id, p.platform, p.search_vector, p.by_department_id, p.author_handle, p.author_name
           FROM post p WHERE p.fetched_at >= h.hour AND p.fetched_at < h.hour + interval '1 hour'
             AND p.published_at IS NULL AND p.deleted_at IS NULL
         ) hp
       ),
       names AS MATERIALIZED (${DEPARTMENT_NAMES})
       INSERT INTO sentiment_hour (department_id, hour, label, posts, excluded)
       SELECT n.department_id, p.hour, coalesce(l.label, s.label),
              count(*) FILTER (WHERE NOT ${FLAGGED_AUTHOR('p', 'n.department_id')}),
              count(*) FILTER (WHERE ${FLAGGED_AUTHOR('p', 'n.department_id')})
       FROM posts p JOIN post_sentiment s ON s.post_id = p.id
       JOIN names n ON ${MENTIONS_DEPARTMENT('p', 'n')}
       LEFT JOIN sentiment_label l ON l.department_id = n.department_id AND l.post_id = p.id
       GROUP BY n.department_id, p.hour, coalesce(l.label, s.label)`,
      [hours],
    );
  }

  /** The hour bucket a post counts in, or null when there is no such post. */
  async hourOfPost(q: Queryable, postId: string): Promise<Date | null> {
    const rows: { hour: Date }[] = await q.query(
      `SELECT ${HOUR_OF('coalesce(published_at, fetched_at)')} AS hour FROM post WHERE id = $1`,
      [postId],
    );
    return rows[0]?.hour ?? null;
  }

  /** A department's effective counts by class in [from, to), from the roll-up. */
  async counts(q: Queryable, departmentId: string, from: Date, to: Date): Promise<SentimentTotals> {
    const rows: { label: SentimentLabel; posts: number; excluded: number }[] = await q.query(
      `SELECT label, sum(posts)::int AS posts, sum(excluded)::int AS excluded FROM sentiment_hour
       WHERE department_id = $1 AND hour >= $2 AND hour < $3 GROUP BY label`,
      [departmentId, from, to],
    );
    const counts: SentimentTotals = { negative: 0, neutral: 0, positive: 0, excluded: 0 };
    for (const r of rows) {
      counts[r.label] = r.posts;
      counts.excluded += r.excluded;
    }
    return counts;
  }

  /** A department's counts per hour and class in [from, to) (hours without posts are absent). */
  hourly(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
  ): Promise<{ hour: Date; label: SentimentLabel; posts: number; excluded: number }[]> {
    return q.query(
      `SELECT hour, label, posts, excluded FROM sentiment_hour
       WHERE department_id = $1 AND hour >= $2 AND hour < $3 ORDER BY hour`,
      [departmentId, from, to],
    );
  }

  /** Whether the post is one of the department's public mentions (never its own post, never deleted). */
  async isPublicMention(q: Queryable, departmentId: string, postId: string): Promise<boolean> {
    const rows: unknown[] = await q.query(
      `WITH names AS (${DEPARTMENT_NAMES})
       SELECT 1 FROM post p JOIN names n ON n.department_id = $1 AND ${MENTIONS_DEPARTMENT('p', 'n')}
       WHERE p.id = $2 AND p.deleted_at IS NULL`,
      [departmentId, postId],
    );
    return rows.length > 0;
  }

  /** Sets a person's label; returns the label it replaced (null when there was none). */
  async saveLabel(
    q: Queryable,
    departmentId: string,
    postId: string,
    label: SentimentLabel,
    userId: string | null,
  ): Promise<SentimentLabel | null> {
    const before: { label: SentimentLabel }[] = await q.query(
      `SELECT label FROM sentiment_label WHERE department_id = $1 AND post_id = $2 FOR UPDATE`,
      [departmentId, postId],
    );
    await q.query(
      `INSERT INTO sentiment_label (department_id, post_id, label, labelled_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (department_id, post_id) DO UPDATE
         SET label = excluded.label, labelled_by = excluded.labelled_by, labelled_at = now()`,
      [departmentId, postId, label, userId],
    );
    return before[0]?.label ?? null;
  }

  /** People's labels against the classifier's reading of `version`, counted by pair: what accuracy is measured on. */
  labelPairs(
    q: Queryable,
    departmentId: string,
    version: string,
  ): Promise<{ gold: SentimentLabel; predicted: SentimentLabel; count: number }[]> {
    return q.query(
      `SELECT l.label AS gold, s.label AS predicted, count(*)::int AS count
       FROM sentiment_label l JOIN post_sentiment s ON s.post_id = l.post_id AND s.classifier_version = $2
       WHERE l.department_id = $1 GROUP BY l.label, s.label`,
      [departmentId, version],
    );
  }

  /**
   * A random sample of the department's public mentions published since `since` that nobody in it has labelled,
   * without scanning every recent post: hours of its roll-up drawn with probability in proportion to their posts
   * (Efraimidis–Spirakis keys), then random mentions from each drawn hour (one each when there are enough hours),
   * so each post is about equally likely to be drawn. The rare post without a publication time is never drawn.
   */
  sample(q: Queryable, departmentId: string, since: Date, size: number): Promise<SamplePost[]> {
    return q.query(
      `WITH names AS MATERIALIZED (${DEPARTMENT_NAMES}),
       hours AS MATERIALIZED (
         SELECT hour FROM sentiment_hour WHERE department_id = $1 AND hour >= $2
         GROUP BY hour HAVING sum(posts) > 0
         ORDER BY -ln(1 - random()) / sum(posts) LIMIT $3
       ),
       per_hour AS (SELECT ceil($3::numeric / greatest(count(*), 1))::int AS k FROM hours)
       SELECT pick.* FROM hours h CROSS JOIN per_hour CROSS JOIN LATERAL (
         SELECT p.id::text AS id, p.url, p.platform, coalesce(p.author_name, p.author_handle, '') AS author,
                concat_ws(' — ', p.title, p.text) AS text, p.published_at AS "publishedAt"
         FROM post p JOIN names n ON n.department_id = $1 AND ${MENTIONS_DEPARTMENT('p', 'n')}
         WHERE p.published_at >= h.hour AND p.published_at < h.hour + interval '1 hour'
           AND p.deleted_at IS NULL AND NOT ${FLAGGED_AUTHOR('p', '$1')}
           AND NOT EXISTS (SELECT 1 FROM sentiment_label l WHERE l.department_id = $1 AND l.post_id = p.id)
         ORDER BY random() LIMIT per_hour.k
       ) pick ORDER BY random() LIMIT $3`,
      [departmentId, since, size],
    );
  }

  /**
   * For `sentiment_shift`: the conversations whose first reply by the department (an engagement it recorded or
   * Parley detected) falls in [from, to), each with its classified public posts by effective class, before that
   * reply and in the 48 hours after it. Reads Parley's log by index, then each conversation's posts by index.
   */
  async aroundFirstReply(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
  ): Promise<{ conversations: ConversationAroundReply[]; excluded: number }> {
    const rows: {
      conversationId: string;
      side: 'before' | 'after';
      label: SentimentLabel;
      posts: number;
      excluded: number;
    }[] = await q.query(
      `WITH names AS (${DEPARTMENT_NAMES}),
       -- First replied to within the window: a reply in it and none before it. Read through the window's index
       -- (grouping every reply the department ever made was most of a year's dashboard time at 3M posts).
       engaged AS (
         SELECT e.conversation_id, min(e.occurred_at) AS replied_at FROM engagement e
         WHERE e.department_id = $1 AND e.kind IN ('reply', 'detected') AND e.occurred_at >= $2 AND e.occurred_at < $3
           AND NOT EXISTS (
             SELECT 1 FROM engagement b WHERE b.conversation_id = e.conversation_id AND b.department_id = $1
               AND b.kind IN ('reply', 'detected') AND b.occurred_at < $2)
         GROUP BY e.conversation_id
       )
       SELECT e.conversation_id::text AS "conversationId",
              CASE WHEN p.published_at < e.replied_at THEN 'before' ELSE 'after' END AS side,
              coalesce(l.label, s.label) AS label,
              count(*) FILTER (WHERE NOT ${FLAGGED_AUTHOR('p', '$1')})::int AS posts,
              count(*) FILTER (WHERE ${FLAGGED_AUTHOR('p', '$1')})::int AS excluded
       FROM engaged e JOIN names n ON n.department_id = $1
       JOIN post p ON p.conversation_id = e.conversation_id AND p.published_at < e.replied_at + interval '48 hours'
        AND p.deleted_at IS NULL AND ${NOT_OWN_POST('p', 'n')}
       JOIN post_sentiment s ON s.post_id = p.id
       LEFT JOIN sentiment_label l ON l.department_id = $1 AND l.post_id = p.id
       GROUP BY 1, 2, 3`,
      [departmentId, from, to],
    );
    const byConversation = new Map<string, ConversationAroundReply>();
    let excluded = 0;
    for (const r of rows) {
      const c = byConversation.get(r.conversationId) ?? {
        conversationId: r.conversationId,
        before: { negative: 0, neutral: 0, positive: 0 },
        after: { negative: 0, neutral: 0, positive: 0 },
      };
      c[r.side][r.label] += r.posts;
      excluded += r.excluded;
      byConversation.set(r.conversationId, c);
    }
    return { conversations: [...byConversation.values()], excluded };
  }
}
