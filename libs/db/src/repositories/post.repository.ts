import type { NormalisedPost } from '@parley/domain';
import type { Queryable } from '../queryable';

export type PostToInsert = NormalisedPost & { conversationId: string; canonicalUrl: string | null };

const INSERT_COLUMNS = [
  'source_id',
  'external_id',
  'conversation_id',
  'platform',
  'url',
  'canonical_url',
  'title',
  'text',
  'html',
  'language',
  'author_handle',
  'author_name',
  'author_profile_url',
  'author_followers',
  'published_at',
  'in_reply_to',
  'kind',
] as const;

const rowOf = (sourceId: string, p: PostToInsert): unknown[] => [
  sourceId,
  p.externalId,
  p.conversationId,
  p.platform,
  p.url,
  p.canonicalUrl,
  p.title,
  p.text,
  p.html,
  p.language,
  p.author.handle,
  p.author.name,
  p.author.profileUrl ?? null,
  p.author.followers ?? null,
  p.publishedAt,
  p.inReplyTo,
  p.kind ?? 'post',
];

/** Posts, stored once per (source, external id). */
export class PostRepository {
  /** The external ids already stored, looked up before insert so duplicates never pay for the text index. */
  async knownExternalIds(
    q: Queryable,
    sourceId: string,
    externalIds: string[],
  ): Promise<Map<string, { text: string; title: string | null }>> {
    const rows: { externalId: string; text: string; title: string | null }[] = await q.query(
      `SELECT external_id AS "externalId", text, title FROM post WHERE source_id = $1 AND external_id = ANY($2::text[])`,
      [sourceId, externalIds],
    );
    return new Map(rows.map((r) => [r.externalId, { text: r.text, title: r.title }]));
  }

  /** Which of these canonical URLs another source has already stored. */
  async canonicalUrlsElsewhere(q: Queryable, sourceId: string, urls: string[]): Promise<Set<string>> {
    if (urls.length === 0) return new Set();
    const rows: { url: string }[] = await q.query(
      `SELECT DISTINCT canonical_url AS url FROM post WHERE canonical_url = ANY($1::text[]) AND source_id <> $2`,
      [urls, sourceId],
    );
    return new Set(rows.map((r) => r.url));
  }

  /** Conversations that already hold the given external ids (to thread replies under their parents). */
  async conversationsOf(q: Queryable, sourceId: string, externalIds: string[]): Promise<Map<string, string>> {
    const rows: { externalId: string; rootExternalId: string }[] = await q.query(
      `SELECT p.external_id AS "externalId", c.root_external_id AS "rootExternalId"
       FROM post p JOIN conversation c ON c.id = p.conversation_id
       WHERE p.source_id = $1 AND p.external_id = ANY($2::text[])`,
      [sourceId, externalIds],
    );
    return new Map(rows.map((r) => [r.externalId, r.rootExternalId]));
  }

  /** One multi-row statement per batch; a concurrent duplicate is skipped rather than failing the batch. */
  async insertMany(q: Queryable, sourceId: string, posts: PostToInsert[]): Promise<number> {
    if (posts.length === 0) return 0;
    const width = INSERT_COLUMNS.length;
    const values = posts
      .map((_, i) => `(${INSERT_COLUMNS.map((__, j) => `$${i * width + j + 1}`).join(', ')})`)
      .join(', ');
    const rows: unknown[] = await q.query(
      `INSERT INTO post (${INSERT_COLUMNS.join(', ')}) VALUES ${values}
       ON CONFLICT (source_id, external_id) DO NOTHING RETURNING id`,
      posts.flatMap((p) => rowOf(sourceId, p)),
    );
    return rows.length;
  }

  /** An edited post is updated in place; unchanged posts are not touched (no index churn). */
  async updateEdited(q: Queryable, sourceId: string, p: NormalisedPost): Promise<void> {
    await q.query(
      `UPDATE post SET title = $3, text = $4, html = $5, url = $6, fetched_at = now()
       WHERE source_id = $1 AND external_id = $2`,
      [sourceId, p.externalId, p.title, p.text, p.html, p.url],
    );
  }

  /** Public counters as the platform reports them now; only posts already stored are touched. */
  async setCounters(
    q: Queryable,
    sourceId: string,
    counters: { externalId: string; likes?: number; reposts?: number; replies?: number }[],
  ): Promise<void> {
    if (counters.length === 0) return;
    await q.query(
      `UPDATE post p SET like_count = coalesce(c.likes, p.like_count), repost_count = coalesce(c.reposts, p.repost_count),
         reply_count = coalesce(c.replies, p.reply_count), counters_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS c("externalId" text, likes int, reposts int, replies int)
       WHERE p.source_id = $1 AND p.external_id = c."externalId"`,
      [sourceId, JSON.stringify(counters)],
    );
  }

  /**
   * The department's own posts in a source published since `publishedAfter` whose counters were last read before
   * `readBefore` (or never), the longest unread first: the posts whose counters are due a fresh reading. Own posts
   * are few, so this reads the small `post_own_by_source` index.
   */
  async countersDue(
    q: Queryable,
    sourceId: string,
    due: { publishedAfter: Date; readBefore: Date; limit: number },
  ): Promise<string[]> {
    const rows: { externalId: string }[] = await q.query(
      `SELECT external_id AS "externalId" FROM post
       WHERE by_department_id IS NOT NULL AND published_at > $2 AND source_id = $1 AND deleted_at IS NULL
         AND (counters_at IS NULL OR counters_at < $3)
       ORDER BY counters_at NULLS FIRST, id LIMIT $4`,
      [sourceId, due.publishedAfter, due.readBefore, due.limit],
    );
    return rows.map((r) => r.externalId);
  }

  /** Engagement seen on the firehose (likes, reposts) added to posts already stored, in any source. */
  async addCounters(
    q: Queryable,
    increments: { externalId: string; likes: number; reposts: number }[],
  ): Promise<void> {
    if (increments.length === 0) return;
    await q.query(
      `UPDATE post p SET like_count = coalesce(p.like_count, 0) + c.likes, repost_count = coalesce(p.repost_count, 0) + c.reposts,
         counters_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS c("externalId" text, likes int, reposts int)
       WHERE p.platform = 'bluesky' AND p.external_id = c."externalId"`,
      [JSON.stringify(increments)],
    );
  }

  /** A post deleted by its author keeps its place in the thread but loses its words. */
  async redact(q: Queryable, platform: string, externalIds: string[]): Promise<void> {
    if (externalIds.length === 0) return;
    await q.query(
      `UPDATE post SET text = '', html = NULL, title = NULL, deleted_at = now()
       WHERE platform = $1 AND external_id = ANY($2::text[]) AND deleted_at IS NULL`,
      [platform, externalIds],
    );
  }

  /** Which of these ids are stored anywhere on the platform (to keep replies into threads we follow). */
  async knownOnPlatform(q: Queryable, platform: string, externalIds: string[]): Promise<Set<string>> {
    if (externalIds.length === 0) return new Set();
    const rows: { externalId: string }[] = await q.query(
      `SELECT external_id AS "externalId" FROM post WHERE platform = $1 AND external_id = ANY($2::text[])`,
      [platform, externalIds],
    );
    return new Set(rows.map((r) => r.externalId));
  }

  countForSource(q: Queryable, sourceId: string): Promise<number> {
    return q
      .query(`SELECT count(*)::int AS n FROM post WHERE source_id = $1`, [sourceId])
      .then((r: { n: number }[]) => r[0].n);
  }
}
