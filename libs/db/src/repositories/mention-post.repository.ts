import type { SentimentLabel } from '@parley/domain';
import type { Queryable } from '../queryable';
import { FLAGGED_AUTHOR, HOUR_OF } from './mention-rollup.repository';

/**
 * Which posts a drill-down reads: a department's counted mentions, or with `themeId` the on-topic posts placed in
 * that theme (on topic is not the same as a mention); either narrowed by platform and by effective sentiment.
 */
export type MentionPostFilter = {
  departmentId: string;
  from: Date;
  to: Date;
  platform?: string;
  sentiment?: SentimentLabel;
  themeId?: string;
};

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
  sentiment: SentimentLabel | null;
  theme: string | null;
};

/** A post's class for the department: a person's label there, else the classifier's (as the roll-up counts it). */
const SENTIMENT_JOINS = (
  postId: string,
) => `LEFT JOIN sentiment_label l ON l.department_id = $1 AND l.post_id = ${postId}
  LEFT JOIN post_sentiment s ON s.post_id = ${postId}`;
const SENTIMENT = `coalesce(l.label, s.label)`;

/**
 * The FROM, the time a post is ordered by and the WHERE of a drill-down, in one place so each filter is one line.
 * Mentions read the (department, published_at, post_id) index of `mention_post`, flagged authors already marked;
 * a theme reads `post_theme` by (department, theme, hour), then its posts, leaving out flagged authors as the
 * theme counts do. $1 is always the department.
 */
const sourceOf = (filter: MentionPostFilter, params: unknown[]) => {
  params.push(filter.departmentId);
  const param = (value: unknown) => `$${params.push(value)}`;
  let from: string;
  let at: string;
  let key: string;
  let conditions: string[];
  if (filter.themeId) {
    at = `coalesce(p.published_at, p.fetched_at)`;
    key = 'p.id';
    from = `post_theme pt JOIN post p ON p.id = pt.post_id`;
    const start = param(filter.from);
    const end = param(filter.to);
    conditions = [
      `pt.department_id = $1`,
      `pt.theme_id = ${param(filter.themeId)}`,
      `pt.hour >= ${HOUR_OF(`${start}::timestamptz`)}`,
      `pt.hour < ${end}`,
      `${at} >= ${start}`,
      `${at} < ${end}`,
      `p.deleted_at IS NULL`,
      `NOT ${FLAGGED_AUTHOR('p', '$1')}`,
    ];
    if (filter.platform) conditions.push(`p.platform = ${param(filter.platform)}`);
  } else {
    at = `m.published_at`;
    key = 'm.post_id';
    // Mentions are filtered and ordered without reading posts; the page reads only its own rows' posts.
    from = 'mention_post m';
    conditions = [
      `m.department_id = $1`,
      `NOT m.excluded`,
      `m.published_at >= ${param(filter.from)}`,
      `m.published_at < ${param(filter.to)}`,
    ];
    if (filter.platform) conditions.push(`m.platform = ${param(filter.platform)}`);
  }
  if (filter.sentiment) conditions.push(`${SENTIMENT} = ${param(filter.sentiment)}`);
  return { from: `${from} ${SENTIMENT_JOINS(key)}`, at, key, conditions };
};

/**
 * The posts behind a department's mention counts (read through `mention_post`, written with the roll-up) or behind
 * a theme's (read through `post_theme`), each with its effective sentiment and its theme where known.
 */
export class MentionPostRepository {
  async count(q: Queryable, filter: MentionPostFilter): Promise<number> {
    const params: unknown[] = [];
    const { from, conditions } = sourceOf(filter, params);
    const rows: { total: number }[] = await q.query(
      `SELECT count(*)::int AS total FROM ${from} WHERE ${conditions.join(' AND ')}`,
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
    const { from, at, key, conditions } = sourceOf(filter, params);
    if (cursor) {
      params.push(cursor.publishedAt, cursor.postId);
      conditions.push(`(${at}, ${key}) < ($${params.length - 1}, $${params.length}::bigint)`);
    }
    params.push(limit);
    // The page's rows first (the index walked newest first), then only their posts: joining every matching post
    // before the LIMIT read thousands of posts for a page of 25 (measured on a day of 10,000 mentions).
    return q.query(
      `SELECT p.id::text AS id, p.conversation_id::text AS "conversationId", p.url, p.platform,
         p.author_name AS "authorName", p.author_handle AS "authorHandle", p.text, p.title,
         r.at AS "publishedAt", r.sentiment,
         (SELECT t.label FROM post_theme pt2 JOIN theme t ON t.id = pt2.theme_id
          WHERE pt2.post_id = p.id AND pt2.department_id = $1) AS theme
       FROM (
         SELECT ${key} AS post_id, ${at} AS at, ${SENTIMENT} AS sentiment FROM ${from}
         WHERE ${conditions.join(' AND ')}
         ORDER BY ${at} DESC, ${key} DESC LIMIT $${params.length}
       ) r JOIN post p ON p.id = r.post_id
       ORDER BY r.at DESC, r.post_id DESC`,
      params,
    );
  }

  /** The label of the department's theme `id`, or null when it has none such (another department's, or none). */
  async themeLabel(q: Queryable, departmentId: string, id: string): Promise<string | null> {
    const rows: { label: string }[] = await q.query(
      `SELECT label FROM theme WHERE department_id = $1 AND id::text = $2`,
      [departmentId, id],
    );
    return rows[0]?.label ?? null;
  }
}
