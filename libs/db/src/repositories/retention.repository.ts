import type { RetentionAction, RetentionPolicy } from '@parley/domain';
import type { Queryable } from '../queryable';
import {
  HOUR_OF,
  MENTIONS_WATERMARK,
  SENTIMENT_WATERMARK,
  THEMES_WATERMARK,
} from './mention-rollup.repository';

/** A source whose posts are kept for a while: its own setting, or the workspace's default. */
export type SourcePolicy = RetentionPolicy & { sourceId: string; sourceKey: string; own: boolean };

/**
 * A post about to be retired, as the roll-ups know its author: `author` is the key they count the author by (a token
 * already, or the handle or name in lower case; '' for nobody), `handle` whether the post names a handle.
 */
export type PostToRetire = {
  id: string;
  platform: string;
  author: string;
  handle: boolean;
  /** The token the author already has (an earlier retirement), else null. */
  token: string | null;
};

export type RetentionRunRow = {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  asOf: Date;
  pseudonymised: number;
  deleted: number;
  held: number;
  more: boolean;
  error: string | null;
};

/**
 * Post `p` is under a legal hold that is in force: on its conversation, or on a department it belongs to (the
 * department's source, an opportunity or engagement of its conversation, or a mention of the department).
 */
export const HELD = (p: string) => `EXISTS (
  SELECT 1 FROM legal_hold h WHERE h.released_at IS NULL AND (
    h.conversation_id = ${p}.conversation_id
    OR h.department_id = (SELECT s.department_id FROM source s WHERE s.id = ${p}.source_id)
    OR EXISTS (SELECT 1 FROM opportunity o WHERE o.conversation_id = ${p}.conversation_id AND o.department_id = h.department_id)
    OR EXISTS (SELECT 1 FROM engagement e WHERE e.conversation_id = ${p}.conversation_id AND e.department_id = h.department_id)
    OR EXISTS (SELECT 1 FROM mention_post m WHERE m.department_id = h.department_id AND m.post_id = ${p}.id)))`;

const AUTHOR_KEY = (p: string) =>
  `coalesce(${p}.author_token, lower(coalesce(${p}.author_handle, ${p}.author_name, '')))`;

/**
 * Posts are retired only once every roll-up has counted them (a post fetched after a watermark is still to be
 * counted, and its hour would be left out if it froze first), with an hour's margin over the roll-ups' look-back
 * for late commits. No watermark yet: nothing has been counted.
 */
const COUNTED_BEFORE = `(SELECT CASE WHEN count(*) = 3 THEN min(counted_to) - interval '1 hour' END FROM rollup_watermark
  WHERE name IN ('${MENTIONS_WATERMARK}', '${SENTIMENT_WATERMARK}', '${THEMES_WATERMARK}'))`;

const RUN_COLUMNS = `id::text, started_at AS "startedAt", finished_at AS "finishedAt", as_of AS "asOf", pseudonymised,
  deleted, held, more, error`;

/** How long public posts are kept, which are due, and the retiring of them (see the retention migration). */
export class RetentionRepository {
  async workspaceDefault(q: Queryable): Promise<RetentionPolicy | null> {
    const rows: RetentionPolicy[] = await q.query(`SELECT days, action FROM workspace_retention`);
    return rows[0] ?? null;
  }

  async setWorkspaceDefault(q: Queryable, policy: RetentionPolicy | null): Promise<void> {
    if (policy === null) {
      await q.query(`DELETE FROM workspace_retention`);
      return;
    }
    await q.query(
      `INSERT INTO workspace_retention (days, action) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET days = excluded.days, action = excluded.action, updated_at = now()`,
      [policy.days, policy.action],
    );
  }

  /** Every source whose posts are kept for a limited time, with the setting that applies to it. */
  policies(q: Queryable): Promise<SourcePolicy[]> {
    return q.query(
      `SELECT s.id AS "sourceId", s.key AS "sourceKey", coalesce(s.retention_days, w.days) AS days,
         coalesce(s.retention_action, w.action) AS action, s.retention_days IS NOT NULL AS own
       FROM source s LEFT JOIN workspace_retention w ON true
       WHERE coalesce(s.retention_days, w.days) IS NOT NULL ORDER BY s.key`,
    );
  }

  /**
   * Up to `limit` of a source's public posts published (or, without a date, fetched) before `cutoff`, counted by
   * every roll-up, not yet retired and not held, oldest first, locked: a second run at once takes the next ones.
   */
  due(q: Queryable, sourceId: string, cutoff: Date, limit: number): Promise<PostToRetire[]> {
    return q.query(
      `SELECT p.id::text, p.platform, ${AUTHOR_KEY('p')} AS author, p.author_handle IS NOT NULL AS handle,
         p.author_token AS token
       FROM post p
       WHERE p.source_id = $1 AND p.retired_at IS NULL AND p.by_department_id IS NULL
         AND coalesce(p.published_at, p.fetched_at) < $2 AND p.fetched_at < ${COUNTED_BEFORE}
         AND NOT ${HELD('p')}
       ORDER BY coalesce(p.published_at, p.fetched_at), p.id LIMIT $3
       FOR UPDATE OF p SKIP LOCKED`,
      [sourceId, cutoff, limit],
    );
  }

  /** How many of a source's posts past `cutoff` a legal hold keeps, counting to `cap` at most. */
  async held(q: Queryable, sourceId: string, cutoff: Date, cap: number): Promise<number> {
    const rows: { n: number }[] = await q.query(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM post p
         WHERE p.source_id = $1 AND p.retired_at IS NULL AND p.by_department_id IS NULL
           AND coalesce(p.published_at, p.fetched_at) < $2 AND ${HELD('p')}
         LIMIT $3) x`,
      [sourceId, cutoff, cap],
    );
    return rows[0].n;
  }

  /** The posts of `ids` with their authors as the roll-ups key them, locked for retiring (any held are left out). */
  authorsOf(q: Queryable, ids: string[]): Promise<PostToRetire[]> {
    return q.query(
      `SELECT p.id::text, p.platform, ${AUTHOR_KEY('p')} AS author, p.author_handle IS NOT NULL AS handle,
         p.author_token AS token
       FROM post p WHERE p.id = ANY($1::bigint[]) AND NOT ${HELD('p')} ORDER BY p.id FOR UPDATE OF p`,
      [ids],
    );
  }

  /**
   * Retires posts: the author's handle and name become their token (null where the post had none), profile link
   * and follower count go. Deleted, the text, title, markup and links go too; pseudonymised, the text stays where
   * the department took part in the conversation (it is the context of a record). The hours they count in are
   * frozen with them. `tokens` runs beside `ids` (null: a post with no author). Retiring a post again (a subject's
   * erasure of a post retention pseudonymised) clears what pseudonymising kept.
   */
  async retire(
    q: Queryable,
    ids: string[],
    tokens: (string | null)[],
    action: RetentionAction,
  ): Promise<void> {
    if (ids.length === 0) return;
    await q.query(
      `INSERT INTO retired_hour (hour)
       SELECT DISTINCT ${HOUR_OF('coalesce(published_at, fetched_at)')} FROM post WHERE id = ANY($1::bigint[])
       ON CONFLICT (hour) DO NOTHING`,
      [ids],
    );
    // Pseudonymised, a post of a conversation the department took part in keeps its text.
    const keep = `($3 = 'pseudonymise' AND EXISTS (SELECT 1 FROM engagement e WHERE e.conversation_id = p.conversation_id))`;
    await q.query(
      `UPDATE post p SET retired_at = now(), retired_as = CASE $3 WHEN 'delete' THEN 'deleted' ELSE 'pseudonymised' END,
         author_token = t.token,
         author_handle = CASE WHEN p.author_handle IS NULL THEN NULL ELSE t.token END,
         author_name = CASE WHEN p.author_name IS NULL THEN NULL ELSE t.token END,
         author_profile_url = NULL, author_followers = NULL, url = NULL, canonical_url = NULL,
         text = CASE WHEN ${keep} THEN p.text ELSE '' END,
         title = CASE WHEN ${keep} THEN p.title END,
         html = CASE WHEN ${keep} THEN p.html END
       FROM unnest($1::bigint[], $2::text[]) AS t(id, token)
       WHERE p.id = t.id`,
      [ids, tokens, action],
    );
    // A conversation's title and link are its first post's: they go once none of its posts is left as it was.
    await q.query(
      `UPDATE conversation c SET title = NULL, url = NULL
       WHERE c.id IN (SELECT conversation_id FROM post WHERE id = ANY($1::bigint[]))
         AND (c.title IS NOT NULL OR c.url IS NOT NULL)
         AND NOT EXISTS (SELECT 1 FROM post p WHERE p.conversation_id = c.id AND p.retired_at IS NULL)
         AND ($2 = 'delete' OR NOT EXISTS (SELECT 1 FROM engagement e WHERE e.conversation_id = c.id))`,
      [ids, action],
    );
  }

  /**
   * Gives the token to the authors' posts not retired yet, so they are counted by it from now on (in the roll-ups
   * and in the people the department engaged with) as their retired posts are. An author with a handle is found by
   * it; one known by name alone through the mentions they were counted in (the only place that keys them).
   */
  async tokeniseAuthors(
    q: Queryable,
    authors: { platform: string; author: string; handle: boolean; token: string }[],
  ): Promise<void> {
    const byHandle = authors.filter((a) => a.handle);
    const byName = authors.filter((a) => !a.handle);
    const params = (list: typeof authors) => [
      list.map((a) => a.platform),
      list.map((a) => a.author),
      list.map((a) => a.token),
    ];
    if (byHandle.length) {
      await q.query(
        `UPDATE post p SET author_token = a.token
         FROM unnest($1::text[], $2::text[], $3::text[]) AS a(platform, author, token)
         WHERE p.platform = a.platform AND lower(p.author_handle) = a.author
           AND p.author_token IS DISTINCT FROM a.token`,
        params(byHandle),
      );
    }
    if (byName.length) {
      await q.query(
        `UPDATE post p SET author_token = a.token
         FROM unnest($1::text[], $2::text[], $3::text[]) AS a(platform, author, token), mention_post m, department d
         WHERE m.department_id = d.id AND m.platform = a.platform AND m.author = a.author AND p.id = m.post_id
           AND p.author_handle IS NULL AND p.author_token IS DISTINCT FROM a.token`,
        params(byName),
      );
    }
  }

  async startRun(q: Queryable, asOf: Date): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO retention_run (as_of) VALUES ($1) RETURNING id::text`,
      [asOf],
    );
    return rows[0].id;
  }

  async addToRun(
    q: Queryable,
    id: string,
    counts: { pseudonymised: number; deleted: number },
  ): Promise<void> {
    await q.query(
      `UPDATE retention_run SET pseudonymised = pseudonymised + $2, deleted = deleted + $3 WHERE id = $1`,
      [id, counts.pseudonymised, counts.deleted],
    );
  }

  async finishRun(q: Queryable, id: string, end: { held: number; more: boolean; error: string | null }) {
    await q.query(
      `UPDATE retention_run SET finished_at = now(), held = $2, more = $3, error = $4 WHERE id = $1`,
      [id, end.held, end.more, end.error],
    );
  }

  /** The newest runs, newest first. */
  lastRuns(q: Queryable, limit: number): Promise<RetentionRunRow[]> {
    return q.query(`SELECT ${RUN_COLUMNS} FROM retention_run ORDER BY id DESC LIMIT $1`, [limit]);
  }
}
