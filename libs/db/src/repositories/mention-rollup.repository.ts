import type { Queryable } from '../queryable';

/**
 * The rows of `rollup_watermark`, one per hourly roll-up of public posts: how far each has counted. A transaction
 * rewriting a roll-up's hours holds its row; the recount of changed names or flags holds all three, in this order.
 */
export const MENTIONS_WATERMARK = 'mentions';
export const SENTIMENT_WATERMARK = 'sentiment';
export const THEMES_WATERMARK = 'themes';

export type MentionHourRow = { hour: Date; sourceId: string; platform: string; mentions: number };

/** Hour buckets are UTC whatever the session's time zone (date_trunc on timestamptz would follow it). */
export const HOUR_OF = (at: string) => `date_bin('1 hour', ${at}, timestamptz '2000-01-01 00:00:00+00')`;

/**
 * What each department is called in public, as phrase queries over post.search_vector: its name, its aliases and
 * its account handles (the English configuration splits `@DfE_Official` into `dfe <-> offici`, so a handle written
 * in a post matches its phrase). Terms that are all stop words give an empty query and are dropped. `accounts`
 * (`platform handle`, lower case) recognises the department's own posts before the tagger has marked them.
 */
export const DEPARTMENT_NAMES = `
  SELECT d.id AS department_id,
    ARRAY(
      SELECT query FROM unnest(ARRAY[d.name] || d.aliases || ARRAY(SELECT a.handle FROM department_account a WHERE a.department_id = d.id)) AS term,
        LATERAL phraseto_tsquery('english', term) AS query
      WHERE numnode(query) > 0
    ) AS queries,
    ARRAY(SELECT a.platform || ' ' || lower(a.handle) FROM department_account a WHERE a.department_id = d.id) AS accounts
  FROM department d`;

/** What a peer organisation is called in public, as DEPARTMENT_NAMES: its name, aliases and handles. */
const PEER_NAMES = `
  SELECT o.id AS peer_id,
    ARRAY(
      SELECT query FROM unnest(ARRAY[o.name] || o.aliases || o.handles) AS term,
        LATERAL phraseto_tsquery('english', term) AS query
      WHERE numnode(query) > 0
    ) AS queries
  FROM peer_organisation o`;

/**
 * The posts of each hour in $1, read through an index: by publication time, and the few posts without one by fetch
 * time. `handle` is the author's handle in lower case (how flags and accounts match); `author` the key one person
 * is counted once by (the handle, or the name where a platform gives none).
 */
const POSTS_OF_HOURS = `
  SELECT h.hour, hp.*, lower(coalesce(hp.author_handle, '')) AS handle,
    lower(coalesce(hp.author_handle, hp.author_name, '')) AS author
  FROM unnest($1::timestamptz[]) AS h(hour) CROSS JOIN LATERAL (
    SELECT p.id, p.published_at AS at, p.source_id, p.platform, p.search_vector, p.by_department_id, p.author_handle,
      p.author_name, p.author_followers
    FROM post p WHERE p.published_at >= h.hour AND p.published_at < h.hour + interval '1 hour' AND p.deleted_at IS NULL
    UNION ALL
    SELECT p.id, p.fetched_at, p.source_id, p.platform, p.search_vector, p.by_department_id, p.author_handle,
      p.author_name, p.author_followers
    FROM post p WHERE p.fetched_at >= h.hour AND p.fetched_at < h.hour + interval '1 hour'
      AND p.published_at IS NULL AND p.deleted_at IS NULL
  ) hp`;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A UTC year, and a day's place in it (0–365), as `mention_author_year` keys and marks them. */
const YEAR_OF = (at: string) => `extract(year FROM ${at} AT TIME ZONE 'UTC')::int`;
const DAY_OF_YEAR = (at: string) => `(extract(doy FROM ${at} AT TIME ZONE 'UTC')::int - 1)`;
const NO_DAYS = `repeat('0', 366)::bit(366)`;

/** The authors of the counted mentions in the hours $1, by department and year: whose year rows they feed. */
const AUTHORS_OF_HOURS = `
  SELECT m.department_id, ${YEAR_OF('m.hour')} AS year, m.platform, m.author
  FROM mention_post m WHERE m.hour = ANY($1::timestamptz[]) AND NOT m.excluded AND m.author <> ''`;

/**
 * For each UTC year that [from, to) covers whole days of, a 366-bit mask of those days (bit 0 is 1 January), to
 * test against each author's days in `mention_author_year`.
 */
export const wholeDayMasks = (from: Date, to: Date): { year: number; mask: string }[] => {
  const masks = new Map<number, string[]>();
  for (let day = Math.ceil(from.getTime() / DAY_MS) * DAY_MS; day + DAY_MS <= to.getTime(); day += DAY_MS) {
    const at = new Date(day);
    const year = at.getUTCFullYear();
    const bits = masks.get(year) ?? Array.from({ length: 366 }, () => '0');
    bits[Math.round((day - Date.UTC(year, 0, 1)) / DAY_MS)] = '1';
    masks.set(year, bits);
  }
  return [...masks].map(([year, bits]) => ({ year, mask: bits.join('') }));
};

/**
 * Post `p`'s author is one the department (an SQL expression for its id) flagged as spam or a bot: matched by
 * platform and handle in any case. Every count of public posts leaves them out and reports how many it left out.
 */
export const FLAGGED_AUTHOR = (p: string, department: string) =>
  `EXISTS (SELECT 1 FROM flagged_author f WHERE f.department_id = ${department}
     AND f.platform = ${p}.platform AND lower(f.handle) = lower(coalesce(${p}.author_handle, '')))`;

/**
 * Post `p` is not one of department `n`'s own posts (`n` a row of DEPARTMENT_NAMES): marked by the tagger, or written from one of its accounts on that platform, whichever site (stricter than the tagger, so a
 * post can be left out but never counted wrongly). MENTIONS_DEPARTMENT: and it names the department. Shared by
 * every reading of a department's public mentions.
 */
export const NOT_OWN_POST = (
  p: string,
  n: string,
) => `${p}.by_department_id IS DISTINCT FROM ${n}.department_id
        AND NOT (${p}.platform || ' ' || lower(coalesce(${p}.author_handle, '')) = ANY(${n}.accounts))
        AND NOT (${p}.platform || ' ' || lower(coalesce(${p}.author_name, '')) = ANY(${n}.accounts))`;

export const MENTIONS_DEPARTMENT = (p: string, n: string) => `${NOT_OWN_POST(p, n)}
        AND EXISTS (SELECT 1 FROM unnest(${n}.queries) AS query WHERE ${p}.search_vector @@ query)`;

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
   * Recounts whole hours for every department and peer organisation from the posts themselves: a post is counted
   * once per department it names, never in the department's own posts (marked by the tagger, or written from one of
   * its accounts on that platform, whichever site: stricter than the tagger, so a post can be left out but never
   * counted wrongly), never once deleted; a post by an author the department flagged is kept as `excluded`. The
   * posts behind each count (`mention_post`) and the year rows of their authors (`mention_author_year`) are
   * rewritten with the hours. Returns the number of department buckets written. Call it in a transaction, so the deletes and
   * the recount land together.
   */
  async recountHours(q: Queryable, hours: Date[]): Promise<number> {
    if (hours.length === 0) return 0;
    // The planner cannot estimate the phrase matches and overestimates the join a thousandfold, which turns on JIT
    // compilation: measured at 1.8 s of a 2.1 s recount of 5,000 posts. Off for this transaction only.
    await q.query(`SET LOCAL jit = off`);
    // Whoever was counted in these hours before, whose year rows may lose a day.
    await q.query(`CREATE TEMP TABLE touched_author ON COMMIT DROP AS ${AUTHORS_OF_HOURS}`, [hours]);
    for (const table of ['mention_hour', 'mention_post', 'peer_mention_hour']) {
      await q.query(`DELETE FROM ${table} WHERE hour = ANY($1::timestamptz[])`, [hours]);
    }
    // Each hour's posts read through an index (LATERAL, so the planner cannot swap it for a scan of every post):
    // by publication time, and the few posts without one by fetch time.
    await q.query(
      `WITH posts AS (${POSTS_OF_HOURS}),
       -- Built once: inlined, its ARRAY subqueries ran again for every post (5x slower measured).
       names AS MATERIALIZED (${DEPARTMENT_NAMES})
       INSERT INTO mention_post (department_id, post_id, hour, published_at, source_id, platform, author, followers, excluded)
       SELECT n.department_id, p.id, p.hour, p.at, p.source_id, p.platform, p.author, p.author_followers,
         ${FLAGGED_AUTHOR('p', 'n.department_id')}
       FROM posts p JOIN names n
         ON ${MENTIONS_DEPARTMENT('p', 'n')}`,
      [hours],
    );
    const rows: unknown[] = await q.query(
      `INSERT INTO mention_hour (department_id, hour, source_id, platform, mentions, excluded)
       SELECT department_id, hour, source_id, platform, count(*) FILTER (WHERE NOT excluded), count(*) FILTER (WHERE excluded)
       FROM mention_post WHERE hour = ANY($1::timestamptz[])
       GROUP BY department_id, hour, source_id, platform
       RETURNING 1`,
      [hours],
    );
    // A peer has nobody in Parley to flag authors for it, so an author any department flagged is left out.
    await q.query(
      `WITH posts AS (${POSTS_OF_HOURS}),
       names AS MATERIALIZED (${PEER_NAMES})
       INSERT INTO peer_mention_hour (peer_id, hour, mentions)
       SELECT n.peer_id, p.hour, count(*)
       FROM posts p JOIN names n
         ON p.by_department_id IS NULL
        AND EXISTS (SELECT 1 FROM unnest(n.queries) AS query WHERE p.search_vector @@ query)
        AND NOT EXISTS (SELECT 1 FROM flagged_author f WHERE f.platform = p.platform AND lower(f.handle) = p.handle)
       GROUP BY n.peer_id, p.hour`,
      [hours],
    );
    await this.recountAuthorYears(q, hours);
    return rows.length;
  }

  /**
   * Rebuilds the year rows of every author whose mentions the hours could have changed: those counted in them
   * before the recount (their mention may be gone: flagged, deleted, no longer naming the department) and after.
   * Each is rebuilt from all their counted mentions of that year, read through the author index.
   */
  private async recountAuthorYears(q: Queryable, hours: Date[]): Promise<void> {
    await q.query(`INSERT INTO touched_author ${AUTHORS_OF_HOURS}`, [hours]);
    await q.query(
      `DELETE FROM mention_author_year y USING (SELECT DISTINCT * FROM touched_author) t
       WHERE y.department_id = t.department_id AND y.year = t.year AND y.platform = t.platform AND y.author = t.author`,
    );
    await q.query(
      `INSERT INTO mention_author_year (department_id, year, platform, author, followers, days)
       SELECT t.department_id, t.year, t.platform, t.author, max(coalesce(m.followers, 0)),
         bit_or(set_bit(${NO_DAYS}, ${DAY_OF_YEAR('m.hour')}, 1))
       FROM (SELECT DISTINCT * FROM touched_author) t JOIN mention_post m
         ON m.department_id = t.department_id AND m.platform = t.platform AND m.author = t.author
        AND m.hour >= make_timestamptz(t.year, 1, 1, 0, 0, 0, 'UTC')
        AND m.hour < make_timestamptz(t.year + 1, 1, 1, 0, 0, 0, 'UTC')
       WHERE NOT m.excluded
       GROUP BY t.department_id, t.year, t.platform, t.author`,
    );
    await q.query(`DROP TABLE touched_author`);
  }

  /** A department's buckets in [from, to), by hour, source and platform (hours without mentions are absent). */
  bySource(q: Queryable, departmentId: string, from: Date, to: Date): Promise<MentionHourRow[]> {
    return q.query(
      `SELECT hour, source_id AS "sourceId", platform, mentions FROM mention_hour
       WHERE department_id = $1 AND hour >= $2 AND hour < $3 AND mentions > 0 ORDER BY hour, source_id, platform`,
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

  /** A department's mentions in [from, to) and the flagged authors' posts left out of them. */
  async totals(q: Queryable, departmentId: string, from: Date, to: Date): Promise<MentionTotals> {
    const rows: MentionTotals[] = await q.query(
      `SELECT coalesce(sum(mentions), 0)::int AS mentions, coalesce(sum(excluded), 0)::int AS excluded
       FROM mention_hour WHERE department_id = $1 AND hour >= $2 AND hour < $3`,
      [departmentId, from, to],
    );
    return rows[0];
  }

  /** Mentions in [from, to) of every department and every peer organisation: share of voice's comparison set. */
  comparisonSet(q: Queryable, from: Date, to: Date): Promise<ComparedEntity[]> {
    return q.query(
      `SELECT 'department' AS kind, d.id, d.name, coalesce(sum(m.mentions), 0)::int AS mentions
       FROM department d LEFT JOIN mention_hour m ON m.department_id = d.id AND m.hour >= $1 AND m.hour < $2
       GROUP BY d.id
       UNION ALL
       SELECT 'peer', o.id, o.name, coalesce(sum(m.mentions), 0)::int
       FROM peer_organisation o LEFT JOIN peer_mention_hour m ON m.peer_id = o.id AND m.hour >= $1 AND m.hour < $2
       GROUP BY o.id
       ORDER BY mentions DESC, name`,
      [from, to],
    );
  }

  /**
   * Σ followers of the distinct authors of a department's counted mentions in [from, to), each author once at the
   * most followers Parley saw for them in that calendar year. Whole UTC days are tested against each author's day
   * bitmap in `mention_author_year` (one row per author and year, however often they posted); the partial days at
   * either edge read `mention_post` for who posted, then the same rows for their followers.
   */
  async reach(q: Queryable, departmentId: string, from: Date, to: Date): Promise<Reach> {
    const firstDay = new Date(Math.ceil(from.getTime() / DAY_MS) * DAY_MS);
    const lastDay = new Date(Math.max(firstDay.getTime(), Math.floor(to.getTime() / DAY_MS) * DAY_MS));
    const masks = wholeDayMasks(from, to);
    const rows: Reach[] = await q.query(
      `WITH whole AS (
         SELECT y.platform, y.author, y.followers
         FROM unnest($6::int[], $7::bit(366)[]) AS k(year, mask)
         JOIN mention_author_year y ON y.department_id = $1 AND y.year = k.year
         WHERE (y.days & k.mask) <> ${NO_DAYS}
       ), edge AS (
         SELECT DISTINCT platform, author, ${YEAR_OF('hour')} AS year FROM mention_post
         WHERE department_id = $1 AND NOT excluded AND author <> ''
           AND ((published_at >= $2::timestamptz AND published_at < least($3::timestamptz, $5::timestamptz))
             OR (published_at >= greatest($4::timestamptz, $2::timestamptz) AND published_at < $5::timestamptz))
       ), seen AS (
         SELECT * FROM whole
         UNION ALL
         SELECT y.platform, y.author, y.followers FROM edge e JOIN mention_author_year y
           ON y.department_id = $1 AND y.year = e.year AND y.platform = e.platform AND y.author = e.author
       ), authors AS (SELECT max(followers) AS followers FROM seen GROUP BY platform, author)
       SELECT count(*)::int AS authors, coalesce(sum(followers), 0)::bigint::float8 AS followers,
         count(*) FILTER (WHERE followers = 0)::int AS "withoutFollowers"
       FROM authors`,
      [departmentId, from, firstDay, lastDay, to, masks.map((m) => m.year), masks.map((m) => m.mask)],
    );
    return rows[0];
  }

  /** Asks for a recount (all hours with posts, or only those one author posted in); the job walks it. */
  async requestRecount(
    q: Queryable,
    reason: string,
    author: { platform: string; handle: string } | null = null,
  ): Promise<void> {
    await q.query(`INSERT INTO mention_recount (reason, platform, handle) VALUES ($1, $2, $3)`, [
      reason,
      author?.platform ?? null,
      author?.handle ?? null,
    ]);
  }

  /**
   * Takes the next step of the oldest pending recount, in the caller's transaction (its row locked, so two runs
   * take turns): for an author, the next `hours` hours they posted in (through the author index); for everything,
   * the hours with posts among the next `hours` hours of publication time, from the oldest post up to when the
   * recount was asked for (later posts are the regular roll-up's). The cursor moves with the recount, so a retry
   * after a crash carries on where the last committed step ended. Returns the hours recounted (for the other
   * roll-ups to recount in the same transaction); `pending` is false when nothing was pending.
   */
  async recountNext(q: Queryable, hours: number): Promise<{ pending: boolean; hours: Date[] }> {
    const requests: {
      id: string;
      platform: string | null;
      handle: string | null;
      next: Date;
      until: Date;
    }[] = await q.query(
      `SELECT id, platform, handle, until,
           CASE WHEN next_hour = '-infinity' AND platform IS NULL
             THEN coalesce(${HOUR_OF('(SELECT min(published_at) FROM post)')}, until) ELSE next_hour END AS next
         FROM (SELECT *, ${HOUR_OF('requested_at')} + interval '1 hour' AS until FROM mention_recount) r
         WHERE done_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    const request = requests[0];
    if (!request) return { pending: false, hours: [] };
    let touched: Date[];
    let next: Date;
    let done: boolean;
    if (request.platform) {
      const rows: { hour: Date }[] = await q.query(
        `SELECT DISTINCT ${HOUR_OF('coalesce(published_at, fetched_at)')} AS hour FROM post
         WHERE platform = $1 AND lower(author_handle) = lower($2)
           AND coalesce(published_at, fetched_at) >= $3 ORDER BY hour LIMIT $4`,
        [request.platform, request.handle, request.next, hours],
      );
      touched = rows.map((r) => r.hour);
      done = touched.length < hours;
      next = touched.length ? new Date(touched[touched.length - 1].getTime() + HOUR_MS) : request.next;
    } else {
      next = new Date(Math.min(request.next.getTime() + hours * HOUR_MS, request.until.getTime()));
      touched = await this.hoursPublishedIn(q, request.next, next);
      done = next.getTime() >= request.until.getTime();
    }
    await this.recountHours(q, touched);
    await q.query(
      `UPDATE mention_recount SET next_hour = $2, done_at = CASE WHEN $3 THEN now() END WHERE id = $1`,
      [request.id, next, done],
    );
    return { pending: true, hours: touched };
  }

  /** The hours with posts published in [from, to) (by fetch time for the few without a publication time). */
  private async hoursPublishedIn(q: Queryable, from: Date, to: Date): Promise<Date[]> {
    const rows: { hour: Date }[] = await q.query(
      `SELECT ${HOUR_OF('published_at')} AS hour FROM post WHERE published_at >= $1 AND published_at < $2
       UNION
       SELECT ${HOUR_OF('fetched_at')} FROM post WHERE fetched_at >= $1 AND fetched_at < $2 AND published_at IS NULL
       ORDER BY hour`,
      [from, to],
    );
    return rows.map((r) => r.hour);
  }
}

export type MentionTotals = { mentions: number; excluded: number };
export type ComparedEntity = { kind: 'department' | 'peer'; id: string; name: string; mentions: number };
export type Reach = { authors: number; followers: number; withoutFollowers: number };
