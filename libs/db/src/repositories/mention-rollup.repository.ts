import type { Queryable } from '../queryable';

export type MentionHourRow = { hour: Date; sourceId: string; platform: string; mentions: number };

/** Hour buckets are UTC whatever the session's time zone (date_trunc on timestamptz would follow it). */
export const HOUR_OF = (at: string) => `date_bin('1 hour', ${at}, timestamptz '2000-01-01 00:00:00+00')`;

/**
 * What each department is called in public, as phrase queries over post.search_vector: its name, its aliases and
 * its account handles (the English configuration splits `@DfE_Official` into `dfe <-> offici`, so a handle written
 * in a post matches its phrase). Terms that are all stop words give an empty query and are dropped. `accounts`
 * (`platform handle`, lower case) recognises the department's own posts before the tagger has marked them.
 */
const DEPARTMENT_NAMES = `
  SELECT d.id AS department_id,
    ARRAY(
      SELECT query FROM unnest(ARRAY[d.name] || d.aliases || ARRAY(SELECT a.handle FROM department_account a WHERE a.department_id = d.id)) AS term,
        LATERAL phraseto_tsquery('english', term) AS query
      WHERE numnode(query) > 0
    ) AS queries,
    ARRAY(SELECT a.platform || ' ' || lower(a.handle) FROM department_account a WHERE a.department_id = d.id) AS accounts
  FROM department d`;

/**
 * The hourly mentions roll-up. A run locks its watermark, recounts every hour that posts fetched since then were
 * published in, and moves the watermark, all in one transaction: a crash leaves the roll-up as it was before.
 */
export class MentionRollupRepository {
  /**
   * Locks the roll-up's watermark for this transaction (a second run waits, then sees the first one's), created
   * at the oldest post's fetch time on the first run. `now` is the database's, the clock posts' fetched_at uses.
   */
  async lockWatermark(q: Queryable, name: string): Promise<{ countedTo: Date; now: Date }> {
    await q.query(
      `INSERT INTO rollup_watermark (name, counted_to)
       VALUES ($1, coalesce((SELECT min(fetched_at) FROM post), now())) ON CONFLICT (name) DO NOTHING`,
      [name],
    );
    const rows: { countedTo: Date; now: Date }[] = await q.query(
      `SELECT counted_to AS "countedTo", now() AS now FROM rollup_watermark WHERE name = $1 FOR UPDATE`,
      [name],
    );
    return rows[0];
  }

  async setWatermark(q: Queryable, name: string, countedTo: Date): Promise<void> {
    await q.query(`UPDATE rollup_watermark SET counted_to = $2, updated_at = now() WHERE name = $1`, [
      name,
      countedTo,
    ]);
  }

  /** The publication hours of the posts fetched in [from, to): the buckets those posts count in. */
  async hoursFetchedIn(q: Queryable, from: Date, to: Date): Promise<Date[]> {
    const rows: { hour: Date }[] = await q.query(
      `SELECT DISTINCT ${HOUR_OF('coalesce(published_at, fetched_at)')} AS hour
       FROM post WHERE fetched_at >= $1 AND fetched_at < $2 ORDER BY hour`,
      [from, to],
    );
    return rows.map((r) => r.hour);
  }

  /**
   * Recounts whole hours for every department from the posts themselves: a post is counted once per department it
   * names, never in the department's own posts (marked by the tagger, or written from one of its accounts on that
   * platform, whichever site: stricter than the tagger, so a post can be left out but never counted wrongly), never
   * once deleted. Returns the number of buckets written. Call it
   * in a transaction, so the delete and the recount land together.
   */
  async recountHours(q: Queryable, hours: Date[]): Promise<number> {
    if (hours.length === 0) return 0;
    // The planner cannot estimate the phrase matches and overestimates the join a thousandfold, which turns on JIT
    // compilation: measured at 1.8 s of a 2.1 s recount of 5,000 posts. Off for this transaction only.
    await q.query(`SET LOCAL jit = off`);
    await q.query(`DELETE FROM mention_hour WHERE hour = ANY($1::timestamptz[])`, [hours]);
    // Each hour's posts read through an index (LATERAL, so the planner cannot swap it for a scan of every post):
    // by publication time, and the few posts without one by fetch time.
    const rows: unknown[] = await q.query(
      `WITH posts AS (
         SELECT h.hour, hp.* FROM unnest($1::timestamptz[]) AS h(hour) CROSS JOIN LATERAL (
           SELECT p.source_id, p.platform, p.search_vector, p.by_department_id, p.author_handle, p.author_name
           FROM post p WHERE p.published_at >= h.hour AND p.published_at < h.hour + interval '1 hour' AND p.deleted_at IS NULL
           UNION ALL
           SELECT p.source_id, p.platform, p.search_vector, p.by_department_id, p.author_handle, p.author_name
           FROM post p WHERE p.fetched_at >= h.hour AND p.fetched_at < h.hour + interval '1 hour'
             AND p.published_at IS NULL AND p.deleted_at IS NULL
         ) hp
       ),
       -- Built once: inlined, its ARRAY subqueries ran again for every post (5x slower measured).
       names AS MATERIALIZED (${DEPARTMENT_NAMES})
       INSERT INTO mention_hour (department_id, hour, source_id, platform, mentions)
       SELECT n.department_id, p.hour, p.source_id, p.platform, count(*)
       FROM posts p JOIN names n
         ON p.by_department_id IS DISTINCT FROM n.department_id
        AND NOT (p.platform || ' ' || lower(coalesce(p.author_handle, '')) = ANY(n.accounts))
        AND NOT (p.platform || ' ' || lower(coalesce(p.author_name, '')) = ANY(n.accounts))
        AND EXISTS (SELECT 1 FROM unnest(n.queries) AS query WHERE p.search_vector @@ query)
       GROUP BY n.department_id, p.hour, p.source_id, p.platform
       RETURNING 1`,
      [hours],
    );
    return rows.length;
  }

  /** A department's buckets in [from, to), by hour, source and platform (hours without mentions are absent). */
  bySource(q: Queryable, departmentId: string, from: Date, to: Date): Promise<MentionHourRow[]> {
    return q.query(
      `SELECT hour, source_id AS "sourceId", platform, mentions FROM mention_hour
       WHERE department_id = $1 AND hour >= $2 AND hour < $3 ORDER BY hour, source_id, platform`,
      [departmentId, from, to],
    );
  }

  /** A department's mentions per hour in [from, to), every source together; hours without mentions are absent. */
  hourly(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
  ): Promise<{ hour: Date; mentions: number }[]> {
    return q.query(
      `SELECT hour, sum(mentions)::int AS mentions FROM mention_hour
       WHERE department_id = $1 AND hour >= $2 AND hour < $3 GROUP BY hour ORDER BY hour`,
      [departmentId, from, to],
    );
  }
}
