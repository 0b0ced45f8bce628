import type { Queryable } from '../queryable';

export type ReportCaseRow = {
  conversationId: string;
  title: string | null;
  platform: string;
  openedAt: Date;
  status: string;
  engagements: number;
  firstResponseMinutes: number | null;
  declineReason: string | null;
  outcomeNotes: string | null;
  overdue: boolean;
};

const CASE_COLUMNS = `o.conversation_id::text AS "conversationId", c.title, s.type AS platform, o.created_at AS "openedAt",
  o.status, (SELECT count(*)::int FROM engagement e WHERE e.department_id = o.department_id
    AND e.conversation_id = o.conversation_id) AS engagements,
  round(o.first_response_seconds / 60.0)::int AS "firstResponseMinutes", o.decline_reason AS "declineReason",
  (SELECT string_agg(e.outcome_notes, ' ' ORDER BY e.occurred_at) FROM engagement e
    WHERE e.department_id = o.department_id AND e.conversation_id = o.conversation_id
      AND e.outcome_notes IS NOT NULL) AS "outcomeNotes",
  (o.first_response_at IS NULL AND o.due_at IS NOT NULL AND o.due_at < $3) AS overdue`;

/**
 * What the impact report reads from Parley's own log beyond the metrics: a few conversations to tell as cases,
 * the sources behind the window's opportunities and the listening rules in force. Each reads a department's
 * opportunities of one window through `opportunity_created` and is bounded by its LIMIT.
 */
export class ReportRepository {
  /** Up to `each` conversations that went well (answered, with an engagement) and `each` that did not. */
  async cases(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
    each: number,
  ): Promise<ReportCaseRow[]> {
    return q.query(
      `(SELECT ${CASE_COLUMNS} FROM opportunity o JOIN conversation c ON c.id = o.conversation_id
          JOIN source s ON s.id = c.source_id
        WHERE o.department_id = $1 AND o.created_at >= $2 AND o.created_at < $3 AND o.status = 'responded'
          AND o.first_response_at IS NOT NULL
        ORDER BY o.first_response_seconds, o.created_at LIMIT $4)
       UNION ALL
       (SELECT ${CASE_COLUMNS} FROM opportunity o JOIN conversation c ON c.id = o.conversation_id
          JOIN source s ON s.id = c.source_id
        WHERE o.department_id = $1 AND o.created_at >= $2 AND o.created_at < $3
          AND (o.status = 'declined' OR (o.first_response_at IS NULL AND o.due_at < $3))
        ORDER BY o.created_at LIMIT $4)`,
      [departmentId, from, to, each],
    );
  }

  /** The sources whose conversations gave the department opportunities in [from, to), with how many. */
  async sources(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
  ): Promise<{ name: string; platform: string; opportunities: number }[]> {
    return q.query(
      `SELECT coalesce(s.name, s.key) AS name, s.type AS platform, count(*)::int AS opportunities
       FROM opportunity o JOIN conversation c ON c.id = o.conversation_id JOIN source s ON s.id = c.source_id
       WHERE o.department_id = $1 AND o.created_at >= $2 AND o.created_at < $3
       GROUP BY s.id ORDER BY opportunities DESC, name`,
      [departmentId, from, to],
    );
  }

  /** The department's listening rules as they stood at `at`: the latest version changed before it. */
  async rulesAt(
    q: Queryable,
    departmentId: string,
    at: Date,
  ): Promise<{ name: string; version: number; changedAt: Date | null }[]> {
    return q.query(
      `SELECT coalesce(v.name, r.name) AS name, coalesce(v.version, r.version) AS version, v.changed_at AS "changedAt"
       FROM listening_rule r
       LEFT JOIN LATERAL (SELECT name, version, changed_at FROM listening_rule_version
         WHERE rule_id = r.id AND changed_at < $2 ORDER BY version DESC LIMIT 1) v ON true
       WHERE r.department_id = $1 AND r.created_at < $2 ORDER BY name`,
      [departmentId, at],
    );
  }
}
