import { londonDayStart, nextLondonDay } from '@parley/domain';
import type { Queryable } from '../queryable';
import { withoutRetiredHours } from './retired-hours';

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
 * is counted once by (the handle, or the name where a platform gives none; the token retention gave them, once it has).
 */
const POSTS_OF_HOURS = `
  SELECT h.hour, hp.*, lower(coalesce(hp.author_handle, '')) AS handle,
    coalesce(hp.author_token, lower(coalesce(hp.author_handle, hp.author_name, ''))) AS author
  FROM unnest($1::timestamptz[]) AS h(hour) CROSS JOIN LATERAL (
    SELECT p.id, p.published_at AS at, p.source_id, p.platform, p.search_vector, p.by_department_id, p.author_handle,
      p.author_name, p.author_followers, p.author_token
    FROM post p WHERE p.published_at >= h.hour AND p.published_at < h.hour + interval '1 hour' AND p.deleted_at IS NULL
    UNION ALL
    SELECT p.id, p.fetched_at, p.source_id, p.platform, p.search_vector, p.by_department_id, p.author_handle,
      p.author_name, p.author_followers, p.author_token
    FROM post p WHERE p.fetched_at >= h.hour AND p.fetched_at < h.hour + interval '1 hour'
      AND p.published_at IS NULL AND p.deleted_at IS NULL
  ) hp`;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A UTC year, and a London day's place in it (0–365), as `mention_author_year` keys and marks them. */
const YEAR_OF = (at: string) => `extract(year FROM ${at} AT TIME ZONE 'UTC')::int`;
// London's day of an instant, within its UTC year: the year turns in winter, when London keeps UTC.
const DAY_OF_YEAR = (at: string) => `(extract(doy FROM ${at} AT TIME ZONE 'Europe/London')::int - 1)`;
const NO_DAYS = `repeat('0', 366)::bit(366)`;

/**
 * What the year rows of the touched authors add to `mention_reach_cell` (see its migration), times `sign`: one
 * contribution per day they mentioned the department, keyed by that day and the one before it that year (-1: none).
 */
const REACH_CELLS_OF_TOUCHED = (sign: 1 | -1) => `
  SELECT department_id, year, previous_day, day, ${sign} * count(*) AS authors, ${sign} * sum(followers) AS followers,
    ${sign} * count(*) FILTER (WHERE followers = 0) AS without_followers
  FROM (
    SELECT y.department_id, y.year, y.followers, d.day::smallint AS day,
      lag(d.day, 1, -1) OVER (PARTITION BY y.department_id, y.year, y.platform, y.author ORDER BY d.day)::smallint
        AS previous_day
    FROM touched_year t JOIN mention_author_year y
      ON y.department_id = t.department_id AND y.year = t.year AND y.platform = t.platform AND y.author = t.author
    CROSS JOIN LATERAL (SELECT g AS day FROM generate_series(0, 365) g WHERE get_bit(y.days, g) = 1) d
  ) c
  GROUP BY department_id, year, previous_day, day`;

/**
 * What the touched authors add to `mention_reach_bridge` (see its migration), times `sign`: for each author with a
 * row in two consecutive years, one of which was touched, their last day in the first year, their first day in the
 * next, and the smaller of the two follower counts (a window over both counts them in each year's cells).
 */
const REACH_BRIDGES_OF_TOUCHED = (sign: 1 | -1) => `
  SELECT department_id, year, last_day, next_day, ${sign} * count(*) AS authors, ${sign} * sum(followers) AS followers,
    ${sign} * count(*) FILTER (WHERE followers = 0) AS without_followers
  FROM (
    SELECT a.department_id, a.year, (366 - position('1' IN reverse(a.days::text)))::smallint AS last_day,
      (position('1' IN b.days::text) - 1)::smallint AS next_day, least(a.followers, b.followers) AS followers
    FROM (SELECT DISTINCT t.department_id, t.platform, t.author, v.year
          FROM touched_year t CROSS JOIN LATERAL (VALUES (t.year - 1), (t.year)) AS v(year)) t
    JOIN mention_author_year a
      ON a.department_id = t.department_id AND a.year = t.year AND a.platform = t.platform AND a.author = t.author
    JOIN mention_author_year b
      ON b.department_id = t.department_id AND b.year = t.year + 1 AND b.platform = t.platform AND b.author = t.author
  ) c
  GROUP BY department_id, year, last_day, next_day`;

/** The authors of the counted mentions in the hours $1, by department and year: whose year rows they feed. */
const AUTHORS_OF_HOURS = `
  SELECT m.department_id, ${YEAR_OF('m.hour')} AS year, m.platform, m.author
  FROM mention_post m WHERE m.hour = ANY($1::timestamptz[]) AND NOT m.excluded AND m.author <> ''`;

/**
 * The authors of a department's ($1) counted mentions in the partial days at the edges of [from, to): from $2 to the
 * first whole day $3, and from the end of the last whole day $4 to $5, with the UTC year of each.
 */
const EDGE_AUTHORS = `
  SELECT platform, author, ${YEAR_OF('hour')} AS year FROM mention_post
  WHERE department_id = $1 AND NOT excluded AND author <> ''
    AND published_at >= $2::timestamptz AND published_at < least($3::timestamptz, $5::timestamptz)
  UNION
  SELECT platform, author, ${YEAR_OF('hour')} FROM mention_post
  WHERE department_id = $1 AND NOT excluded AND author <> ''
    AND published_at >= greatest($4::timestamptz, $2::timestamptz) AND published_at < $5::timestamptz`;

/**
 * Adds a delta (old rows' contributions taken out, new ones put in) to a reach table keyed by department, year and
 * two days; a row whose last author left goes (none holds no one).
 */
const applyReachDelta = (q: Queryable, table: string, delta: string, days: [string, string]) => {
  const keys = ['department_id', 'year', ...days];
  return q.query(
    `MERGE INTO ${table} c
     USING (
       SELECT ${keys.join(', ')}, sum(authors) AS authors, sum(followers) AS followers,
         sum(without_followers) AS without_followers
       FROM ${delta} GROUP BY ${keys.join(', ')}
       -- Most of an author's days are the same before and after: those rows are left alone.
       HAVING sum(authors) <> 0 OR sum(followers) <> 0 OR sum(without_followers) <> 0
     ) d
     ON ${keys.map((k) => `c.${k} = d.${k}`).join(' AND ')}
     WHEN MATCHED AND c.authors + d.authors = 0 THEN DELETE
     WHEN MATCHED THEN UPDATE SET authors = c.authors + d.authors, followers = c.followers + d.followers,
       without_followers = c.without_followers + d.without_followers
     WHEN NOT MATCHED AND d.authors > 0 THEN
       INSERT (${keys.join(', ')}, authors, followers, without_followers)
       VALUES (${keys.map((k) => `d.${k}`).join(', ')}, d.authors, d.followers, d.without_followers)`,
  );
};

export type WholeDays = {
  /** Where the whole London days begin and end: [from, start) and [end, to) are the partial days at the edges. */
  start: Date;
  end: Date;
  /** Per UTC year, the first and last whole day (0 is 1 January) and a 366-bit mask of them. */
  years: { year: number; first: number; last: number; mask: string }[];
};

/**
 * The whole London days (a dashboard's unit) of [from, to), by their place in their year, to read
 * `mention_reach_cell` and test against each author's days in `mention_author_year`.
 */
export const wholeLondonDays = (from: Date, to: Date): WholeDays => {
  const midnight = londonDayStart(from);
  const start = midnight.getTime() === from.getTime() ? midnight : nextLondonDay(midnight);
  const years = new Map<number, { year: number; first: number; last: number; bits: string[] }>();
  let day = start;
  for (let next = nextLondonDay(day); next <= to; day = next, next = nextLondonDay(day)) {
    // London noon falls on the same calendar date in UTC.
    const noon = new Date(day.getTime() + 12 * HOUR_MS);
    const year = noon.getUTCFullYear();
    const place = Math.round(
      (Date.UTC(year, noon.getUTCMonth(), noon.getUTCDate()) - Date.UTC(year, 0, 1)) / DAY_MS,
    );
    const entry = years.get(year) ?? {
      year,
      first: place,
      last: place,
      bits: Array.from({ length: 366 }, () => '0'),
    };
    entry.last = place;
    entry.bits[place] = '1';
    years.set(year, entry);
  }
  return {
    start,
    end: day,
    years: [...years.values()].map(({ bits, ...rest }) => ({ ...rest, mask: bits.join('') })),
  };
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
   * rewritten with the hours. Hours holding a retired post are left as they stand. Returns the number of department buckets written. Call it in a transaction, so the deletes and
   * the recount land together.
   */
  async recountHours(q: Queryable, every: Date[]): Promise<number> {
    const hours = await withoutRetiredHours(q, every);
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
   * Each is rebuilt from all their counted mentions of that year, read through the author index. The reach cells
   * move with them: the old rows' days are taken out and the new rows' put in, as one delta per cell.
   */
  private async recountAuthorYears(q: Queryable, hours: Date[]): Promise<void> {
    await q.query(`INSERT INTO touched_author ${AUTHORS_OF_HOURS}`, [hours]);
    await this.rebuildTouchedAuthorYears(q);
  }

  /**
   * Counts authors by new keys (retention's tokens: `to`) where they were counted by `from`, in every department and
   * year: their mentions are renamed and their year rows rebuilt, so reach stays what it was (a rename moves the same
   * days and followers from one key to the other, and an author already known by the token is merged, once).
   * Call it in a transaction holding the mentions watermark, so no recount runs beside it.
   */
  async rekeyAuthors(q: Queryable, keys: { platform: string; from: string; to: string }[]): Promise<void> {
    if (keys.length === 0) return;
    const params = [keys.map((k) => k.platform), keys.map((k) => k.from), keys.map((k) => k.to)];
    const years = (author: 'from' | 'to') => `
      SELECT DISTINCT m.department_id, ${YEAR_OF('m.hour')} AS year, m.platform, m.author
      FROM unnest($1::text[], $2::text[], $3::text[]) AS k(platform, "from", "to")
      JOIN department d ON true
      JOIN mention_post m ON m.department_id = d.id AND m.platform = k.platform AND m.author = k."${author}"
      WHERE NOT m.excluded`;
    await q.query(`CREATE TEMP TABLE touched_author ON COMMIT DROP AS ${years('from')}`, params);
    await q.query(
      `UPDATE mention_post m SET author = k."to"
       FROM unnest($1::text[], $2::text[], $3::text[]) AS k(platform, "from", "to"), department d
       WHERE m.department_id = d.id AND m.platform = k.platform AND m.author = k."from"`,
      params,
    );
    await q.query(`INSERT INTO touched_author ${years('to')}`, params);
    await this.rebuildTouchedAuthorYears(q);
  }

  /** Rebuilds the year rows of the authors in the temporary table `touched_author`, moving the reach cells with them. */
  private async rebuildTouchedAuthorYears(q: Queryable): Promise<void> {
    await q.query(`CREATE TEMP TABLE touched_year ON COMMIT DROP AS SELECT DISTINCT * FROM touched_author`);
    await q.query(`CREATE TEMP TABLE reach_delta ON COMMIT DROP AS ${REACH_CELLS_OF_TOUCHED(-1)}`);
    await q.query(`CREATE TEMP TABLE bridge_delta ON COMMIT DROP AS ${REACH_BRIDGES_OF_TOUCHED(-1)}`);
    await q.query(
      `DELETE FROM mention_author_year y USING touched_year t
       WHERE y.department_id = t.department_id AND y.year = t.year AND y.platform = t.platform AND y.author = t.author`,
    );
    await q.query(
      `INSERT INTO mention_author_year (department_id, year, platform, author, followers, days)
       SELECT t.department_id, t.year, t.platform, t.author, max(coalesce(m.followers, 0)),
         bit_or(set_bit(${NO_DAYS}, ${DAY_OF_YEAR('m.hour')}, 1))
       FROM touched_year t JOIN mention_post m
         ON m.department_id = t.department_id AND m.platform = t.platform AND m.author = t.author
        AND m.hour >= make_timestamptz(t.year, 1, 1, 0, 0, 0, 'UTC')
        AND m.hour < make_timestamptz(t.year + 1, 1, 1, 0, 0, 0, 'UTC')
       WHERE NOT m.excluded
       GROUP BY t.department_id, t.year, t.platform, t.author`,
    );
    await q.query(`INSERT INTO reach_delta ${REACH_CELLS_OF_TOUCHED(1)}`);
    await q.query(`INSERT INTO bridge_delta ${REACH_BRIDGES_OF_TOUCHED(1)}`);
    await applyReachDelta(q, 'mention_reach_cell', 'reach_delta', ['previous_day', 'day']);
    await applyReachDelta(q, 'mention_reach_bridge', 'bridge_delta', ['last_day', 'next_day']);
    for (const table of ['bridge_delta', 'reach_delta', 'touched_year', 'touched_author'])
      await q.query(`DROP TABLE ${table}`);
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
   * most followers Parley saw for them in that calendar year. Within one year the whole London days are a sum of
   * `mention_reach_cell` (each author counted at their first mention day in the window: a few thousand cells
   * however many authors), and the partial days at either edge add, from `mention_post`, the authors the whole days
   * did not count. A window across years reads one row per author and year (an author in both years is counted once,
   * at the larger follower count).
   */
  async reach(q: Queryable, departmentId: string, from: Date, to: Date): Promise<Reach> {
    const spanned = Array.from(
      { length: new Date(to.getTime() - 1).getUTCFullYear() - from.getUTCFullYear() + 1 },
      (_, i) => from.getUTCFullYear() + i,
    );
    if (spanned.length > 2) return this.reachAcrossYears(q, departmentId, from, to);
    const days = wholeLondonDays(from, to);
    // One sum per year, its day range as constants, so the planner picks the index that reads fewest cells.
    const cells = days.years.map(
      (_, i) => `SELECT authors, followers, without_followers FROM mention_reach_cell
         WHERE department_id = $1 AND year = $${9 + 3 * i} AND previous_day < $${10 + 3 * i}
           AND day >= $${10 + 3 * i} AND day <= $${11 + 3 * i}`,
    );
    // Whole days in two years: the authors in both were counted in each, so one of their follower counts goes.
    const bridge =
      days.years.length === 2
        ? `SELECT -authors, -followers, -without_followers FROM mention_reach_bridge
         WHERE department_id = $1 AND year = $9 AND last_day >= $10 AND next_day <= $14`
        : null;
    const whole = [...cells, ...(bridge ? [bridge] : [])].join(' UNION ALL ') || 'SELECT 0, 0, 0 WHERE false';
    const rows: Reach[] = await q.query(
      `WITH whole AS (
         SELECT coalesce(sum(authors), 0)::int AS authors, coalesce(sum(followers), 0)::float8 AS followers,
           coalesce(sum(without_followers), 0)::int AS "withoutFollowers"
         FROM (${whole}) AS c(authors, followers, without_followers)
       ), edge AS (
         -- Per edge author, the followers the whole days counted them at (null: not counted) and the most seen
         -- in any year of theirs in the window. LATERAL … LIMIT keeps an index probe per author: as a join the
         -- planner, blind to how few rows the mask test keeps, hashed every author of the year (385 ms against 160
         -- measured at 1M mentions).
         SELECT max(y.followers) FILTER (WHERE y.counted) AS counted, max(y.followers) AS seen
         FROM (SELECT platform, author, array_agg(year) AS years FROM (${EDGE_AUTHORS}) x GROUP BY platform, author) e
         CROSS JOIN LATERAL (
           SELECT y.followers, coalesce((y.days & w.mask) <> ${NO_DAYS}, false) AS counted, y.year = ANY(e.years) AS edge
           FROM mention_author_year y LEFT JOIN unnest($6::int[], $7::bit(366)[]) AS w(year, mask) ON w.year = y.year
           WHERE y.department_id = $1 AND y.year = ANY($8::int[]) AND y.platform = e.platform AND y.author = e.author
           LIMIT 2
         ) y
         WHERE y.counted OR y.edge
         GROUP BY e.platform, e.author
       )
       SELECT w.authors + (SELECT count(*) FILTER (WHERE counted IS NULL) FROM edge)::int AS authors,
         w.followers + (SELECT coalesce(sum(seen - coalesce(counted, 0)), 0) FROM edge)::float8 AS followers,
         w."withoutFollowers" + (SELECT coalesce(sum((seen = 0)::int - coalesce((counted = 0)::int, 0)), 0) FROM edge)::int
           AS "withoutFollowers"
       FROM whole w`,
      [
        departmentId,
        from,
        days.start,
        days.end,
        to,
        days.years.map((y) => y.year),
        days.years.map((y) => y.mask),
        spanned,
        ...days.years.flatMap((y) => [y.year, y.first, y.last]),
      ],
    );
    return rows[0];
  }

  /** `reach` over a window across three years (only a window over 366 days): one row per author and year. */
  private async reachAcrossYears(q: Queryable, departmentId: string, from: Date, to: Date): Promise<Reach> {
    const days = wholeLondonDays(from, to);
    const rows: Reach[] = await q.query(
      `WITH whole AS (
         SELECT y.platform, y.author, y.followers
         FROM unnest($6::int[], $7::bit(366)[]) AS k(year, mask)
         JOIN mention_author_year y ON y.department_id = $1 AND y.year = k.year
         WHERE (y.days & k.mask) <> ${NO_DAYS}
       ), edge AS (${EDGE_AUTHORS}), seen AS (
         SELECT * FROM whole
         UNION ALL
         SELECT y.platform, y.author, y.followers FROM edge e JOIN mention_author_year y
           ON y.department_id = $1 AND y.year = e.year AND y.platform = e.platform AND y.author = e.author
       ), authors AS (SELECT max(followers) AS followers FROM seen GROUP BY platform, author)
       SELECT count(*)::int AS authors, coalesce(sum(followers), 0)::bigint::float8 AS followers,
         count(*) FILTER (WHERE followers = 0)::int AS "withoutFollowers"
       FROM authors`,
      [
        departmentId,
        from,
        days.start,
        days.end,
        to,
        days.years.map((m) => m.year),
        days.years.map((m) => m.mask),
      ],
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
