import type { Queryable } from '../queryable';

/** The tables ingestion and tagging grow fast, whose query plans depend on fresh statistics. */
export const GROWING_TABLES = ['post', 'conversation', 'opportunity', 'engagement'] as const;
export type GrowingTable = (typeof GROWING_TABLES)[number];

// autovacuum_analyze_threshold and autovacuum_analyze_scale_factor at their defaults.
const ANALYZE_THRESHOLD = 50;
const ANALYZE_SCALE_FACTOR = 0.1;
/** Any fixed number: it names the lock that keeps two workers from analysing at once. */
const ANALYZE_LOCK = 7_303_101;

export class StatisticsRepository {
  /**
   * Tables changed by more rows since their last ANALYZE than autovacuum would tolerate, among those autovacuum
   * does not look after: all of them while it is off for the server, else those with `autovacuum_enabled` off.
   */
  async staleTables(q: Queryable): Promise<GrowingTable[]> {
    const rows: { table: GrowingTable }[] = await q.query(
      `SELECT s.relname AS table FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
       WHERE s.schemaname = current_schema() AND s.relname = ANY($1::text[])
         AND s.n_mod_since_analyze > $2 + $3 * greatest(c.reltuples, 0)
         AND NOT (current_setting('autovacuum')::boolean AND coalesce(
           (SELECT o.option_value::boolean FROM pg_options_to_table(c.reloptions) o
            WHERE o.option_name = 'autovacuum_enabled'), true))
       ORDER BY s.relname`,
      [GROWING_TABLES, ANALYZE_THRESHOLD, ANALYZE_SCALE_FACTOR],
    );
    return rows.map((r) => r.table);
  }

  /**
   * ANALYZE the tables inside a transaction holding an advisory lock; false when another process holds it (it is
   * analysing already).
   */
  async analyzeExclusively(q: Queryable, tables: GrowingTable[]): Promise<boolean> {
    const [{ locked }]: { locked: boolean }[] = await q.query(
      `SELECT pg_try_advisory_xact_lock($1) AS locked`,
      [ANALYZE_LOCK],
    );
    if (!locked) return false;
    // Names come from GROWING_TABLES only, never from input.
    for (const table of tables) await q.query(`ANALYZE ${table}`);
    return true;
  }
}
