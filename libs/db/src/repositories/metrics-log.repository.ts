import type { Queryable } from '../queryable';

/**
 * The metrics read from Parley's own log (opportunities, engagements, their events). These tables grow with the
 * department's work, not with the public's posts, so indexed reads of a window answer without a roll-up.
 */
export class MetricsLogRepository {
  /** Distinct conversations in which the department had a new opportunity during [from, to). */
  async opportunitiesFound(q: Queryable, departmentId: string, from: Date, to: Date): Promise<number> {
    const rows: { n: number }[] = await q.query(
      `SELECT count(DISTINCT conversation_id)::int AS n FROM opportunity
       WHERE department_id = $1 AND created_at >= $2 AND created_at < $3`,
      [departmentId, from, to],
    );
    return rows[0].n;
  }

  /** When each of the window's new opportunities was found, for a chart (opportunities are few; buckets are cut in code). */
  async opportunityTimes(q: Queryable, departmentId: string, from: Date, to: Date): Promise<Date[]> {
    const rows: { at: Date }[] = await q.query(
      `SELECT min(created_at) AS at FROM opportunity
       WHERE department_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY conversation_id`,
      [departmentId, from, to],
    );
    return rows.map((r) => r.at);
  }
}
