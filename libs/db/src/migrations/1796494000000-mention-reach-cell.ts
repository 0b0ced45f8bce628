import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An hour's London day within its UTC year (the year turns in winter, when London keeps UTC), 0 for 1 January. */
const DAY_OF_YEAR = (zone: string) => `(extract(doy FROM m.hour AT TIME ZONE '${zone}')::int - 1)`;

/** Rebuilds every author year's day bitmap from the mentions, counting days in `zone`. */
const rebuildDays = (zone: string) => `
  UPDATE mention_author_year y SET days = d.days
  FROM (
    SELECT m.department_id, extract(year FROM m.hour AT TIME ZONE 'UTC')::int AS year, m.platform, m.author,
      bit_or(set_bit(repeat('0', 366)::bit(366), ${DAY_OF_YEAR(zone)}, 1)) AS days
    FROM mention_post m WHERE NOT m.excluded AND m.author <> ''
    GROUP BY 1, 2, 3, 4
  ) d
  WHERE y.department_id = d.department_id AND y.year = d.year AND y.platform = d.platform AND y.author = d.author`;

/**
 * Potential reach without reading one row per author (issue 11: p95 ≤ 100 ms at 10M posts).
 * - `mention_author_year.days` now marks London days (a dashboard asks for whole London days; in summer those
 *   begin at 23:00 UTC, so UTC days left every dashboard window with two partial days to read post by post).
 * - `mention_reach_cell`: an author's mentions in a year are days d1 < d2 < …; within a window of whole days
 *   [a, b] the author is counted exactly once, at the one di in [a, b] whose previous day d(i-1) is before a (or
 *   none). So per department, year, day and previous day (-1: the first that year) the cell keeps how many authors
 *   have that pair and the sum of their followers; reach over [a, b] sums the cells with previous < a ≤ day ≤ b, a
 *   few thousand at most whatever the number of authors.
 * - `mention_reach_bridge`: a window over the turn of a year sums both years' cells, so an author with whole days
 *   in both is counted twice. Per department and year, their last day that year and first day the next, with the
 *   smaller of their two follower counts: reach over [a, end of year] ∪ [start of next, b] takes away the bridges
 *   with last ≥ a and next ≤ b, which leaves each such author once at the larger count.
 * Both are rewritten with the author years by the roll-up.
 */
export class MentionReachCell1796494000000 implements MigrationInterface {
  name = 'MentionReachCell1796494000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(rebuildDays('Europe/London'));
    await q.query(`
      CREATE TABLE mention_reach_cell (
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        year integer NOT NULL,
        previous_day smallint NOT NULL CHECK (previous_day >= -1),
        day smallint NOT NULL CHECK (day > previous_day AND day < 366),
        authors integer NOT NULL CHECK (authors > 0),
        followers bigint NOT NULL,
        without_followers integer NOT NULL,
        -- Previous day first: a window from day a reads the range previous < a, then tests the day.
        PRIMARY KEY (department_id, year, previous_day, day)
      )`);
    // Day first: a short window late in the year reads its few days, not every cell with an earlier previous day.
    await q.query(
      `CREATE INDEX mention_reach_cell_day ON mention_reach_cell (department_id, year, day, previous_day)`,
    );
    await q.query(`
      INSERT INTO mention_reach_cell (department_id, year, previous_day, day, authors, followers, without_followers)
      SELECT department_id, year, previous_day, day, count(*), sum(followers), count(*) FILTER (WHERE followers = 0)
      FROM (
        SELECT y.department_id, y.year, y.followers, d.day,
          lag(d.day, 1, -1) OVER (PARTITION BY y.department_id, y.year, y.platform, y.author ORDER BY d.day) AS previous_day
        FROM mention_author_year y
        CROSS JOIN LATERAL (SELECT g AS day FROM generate_series(0, 365) g WHERE get_bit(y.days, g) = 1) d
      ) c
      GROUP BY department_id, year, previous_day, day`);
    await q.query(`
      CREATE TABLE mention_reach_bridge (
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        year integer NOT NULL,
        last_day smallint NOT NULL CHECK (last_day >= 0 AND last_day < 366),
        next_day smallint NOT NULL CHECK (next_day >= 0 AND next_day < 366),
        authors integer NOT NULL CHECK (authors > 0),
        followers bigint NOT NULL,
        without_followers integer NOT NULL,
        PRIMARY KEY (department_id, year, last_day, next_day)
      )`);
    await q.query(`
      INSERT INTO mention_reach_bridge (department_id, year, last_day, next_day, authors, followers, without_followers)
      SELECT department_id, year, last_day, next_day, count(*), sum(followers), count(*) FILTER (WHERE followers = 0)
      FROM (
        SELECT a.department_id, a.year, (366 - position('1' IN reverse(a.days::text)))::smallint AS last_day,
          (position('1' IN b.days::text) - 1)::smallint AS next_day, least(a.followers, b.followers) AS followers
        FROM mention_author_year a JOIN mention_author_year b
          ON b.department_id = a.department_id AND b.year = a.year + 1 AND b.platform = a.platform AND b.author = a.author
      ) c
      GROUP BY department_id, year, last_day, next_day`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mention_reach_bridge`);
    await q.query(`DROP TABLE mention_reach_cell`);
    await q.query(rebuildDays('UTC'));
  }
}
