import type { Queryable } from '../queryable';

/** An opportunity of the window as responsiveness reads it, as of `asOf` (see `responseItems`). */
export type ResponseItemRow = {
  createdAt: Date;
  startedAt: Date;
  answeredAt: Date | null;
  /** The status it had at `asOf`, from its timeline (`new` when nothing has happened to it yet). */
  status: string;
  statusAt: Date | null;
  declineReason: string | null;
};

/** Engagements of one kind, route, mode and disclosure, counted. */
export type EngagementGroupRow = {
  type: string;
  route: string;
  mode: string | null;
  identified: boolean;
  engagements: number;
};

/** Department engagements that are public: recorded by hand, or published by Parley (not pending or failed). */
const PUBLIC_ENGAGEMENT = `(e.publish_state IS NULL OR e.publish_state = 'published')`;

/**
 * A detected department post is a reply, unless it began the thread; a recorded engagement says what it was. The
 * route is the one the engagement was recorded under, else its conversation's.
 */
const ENGAGEMENT_TYPE = `CASE WHEN e.kind <> 'detected' THEN e.kind WHEN p.in_reply_to IS NULL THEN 'original-post'
  ELSE 'reply' END AS type`;
const ENGAGEMENT_ROUTE = `coalesce(e.route, o.route, 'none') AS route`;

const ENGAGEMENT_JOINS = `
  LEFT JOIN post p ON p.id = e.post_id
  LEFT JOIN opportunity o ON o.conversation_id = e.conversation_id AND o.department_id = e.department_id`;

/** When the first-response clock starts: the first inbound public post, or the hand-over for a referral. */
const CLOCK_START = `CASE WHEN o.referred_from_id IS NULL THEN coalesce(o.first_public_post_at, o.created_at)
  ELSE o.created_at END`;

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

  /**
   * When each of the window's new opportunities was found, for a chart (opportunities are few; buckets are cut in
   * code). A conversation has at most one per department (a unique key), so no grouping is needed.
   */
  async opportunityTimes(q: Queryable, departmentId: string, from: Date, to: Date): Promise<Date[]> {
    const rows: { at: Date }[] = await q.query(
      `SELECT created_at AS at FROM opportunity WHERE department_id = $1 AND created_at >= $2 AND created_at < $3`,
      [departmentId, from, to],
    );
    return rows.map((r) => r.at);
  }

  /**
   * The opportunities found in [from, to) with what responsiveness needs, as of `asOf`: the first department
   * engagement at or after the clock start and before `asOf`, and the status its timeline had reached by then.
   */
  responseItems(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
    asOf: Date,
  ): Promise<ResponseItemRow[]> {
    return q.query(
      `SELECT o.created_at AS "createdAt", ${CLOCK_START} AS "startedAt", answer.at AS "answeredAt",
         coalesce(state.to_status, 'new') AS status, state.at AS "statusAt",
         -- Only a decline has a reason: the one event row read from the heap, not every opportunity's.
         CASE WHEN state.to_status = 'declined'
           THEN (SELECT detail->>'reason' FROM opportunity_event WHERE id = state.id) END AS "declineReason"
       FROM opportunity o
       LEFT JOIN LATERAL (
         SELECT min(e.occurred_at) AS at FROM engagement e
         WHERE e.conversation_id = o.conversation_id AND e.department_id = o.department_id AND ${PUBLIC_ENGAGEMENT}
           AND e.occurred_at >= ${CLOCK_START} AND e.occurred_at < $4
       ) answer ON true
       LEFT JOIN LATERAL (
         SELECT ev.id, ev.to_status, ev.at FROM opportunity_event ev
         WHERE ev.opportunity_id = o.id AND ev.to_status IS NOT NULL AND ev.at < $4
         ORDER BY ev.id DESC LIMIT 1
       ) state ON true
       WHERE o.department_id = $1 AND o.created_at >= $2 AND o.created_at < $3`,
      [departmentId, from, to, asOf],
    );
  }

  /** The department's public engagements in [from, to), counted by type, route, mode and whether from its own account. */
  engagementGroups(q: Queryable, departmentId: string, from: Date, to: Date): Promise<EngagementGroupRow[]> {
    return q.query(
      `SELECT ${ENGAGEMENT_TYPE}, ${ENGAGEMENT_ROUTE}, e.mode,
         (p.by_department_id = e.department_id OR e.account_id IS NOT NULL OR e.account_handle IS NOT NULL)
           IS TRUE AS identified,
         count(*)::int AS engagements
       FROM engagement e ${ENGAGEMENT_JOINS}
       WHERE e.department_id = $1 AND e.occurred_at >= $2 AND e.occurred_at < $3 AND ${PUBLIC_ENGAGEMENT}
       GROUP BY 1, 2, 3, 4`,
      [departmentId, from, to],
    );
  }

  /** Engagements by UTC hour and type, for charts (a year is at most 8,784 hours per type; buckets are cut in code). */
  engagementHours(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
  ): Promise<{ hour: Date; type: string; engagements: number }[]> {
    return q.query(
      `SELECT date_trunc('hour', e.occurred_at) AS hour, ${ENGAGEMENT_TYPE},
         count(*)::int AS engagements
       FROM engagement e LEFT JOIN post p ON p.id = e.post_id
       WHERE e.department_id = $1 AND e.occurred_at >= $2 AND e.occurred_at < $3 AND ${PUBLIC_ENGAGEMENT}
       GROUP BY 1, 2 ORDER BY 1`,
      [departmentId, from, to],
    );
  }

  /**
   * Minutes from a draft's first save to its first approval, for the drafts first approved in [from, to). A draft
   * approved again after an edit is the same reply cleared twice, so only its first approval counts.
   */
  async clearanceMinutes(q: Queryable, departmentId: string, from: Date, to: Date): Promise<number[]> {
    const rows: { minutes: number }[] = await q.query(
      `SELECT extract(epoch FROM dc.closed_at - d.created_at)::float8 / 60 AS minutes
       FROM draft_clearance dc JOIN draft d ON d.id = dc.draft_id
       WHERE dc.outcome = 'approved' AND dc.closed_at >= $2 AND dc.closed_at < $3 AND d.department_id = $1
         AND NOT EXISTS (SELECT 1 FROM draft_clearance earlier WHERE earlier.draft_id = dc.draft_id
           AND earlier.outcome = 'approved' AND earlier.closed_at < dc.closed_at)`,
      [departmentId, from, to],
    );
    return rows.map((r) => r.minutes);
  }

  /** Each decision not to engage in [from, to): its reason code and the minutes from the clock start to deciding. */
  declines(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
  ): Promise<{ reason: string; minutes: number }[]> {
    return q.query(
      `SELECT coalesce(ev.detail->>'reason', 'other') AS reason,
         greatest(0, extract(epoch FROM ev.at - ${CLOCK_START}))::float8 / 60 AS minutes
       FROM opportunity_event ev JOIN opportunity o ON o.id = ev.opportunity_id
       WHERE ev.department_id = $1 AND ev.kind = 'declined' AND ev.at >= $2 AND ev.at < $3`,
      [departmentId, from, to],
    );
  }

  /** How many propriety findings were set aside in [from, to), and the latest `limit` of them with their reasons. */
  async proprietyOverrides(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<{ count: number; latest: { at: Date; kind: string; reason: string }[] }> {
    const rows: { at: Date; kind: string; reason: string; total: number }[] = await q.query(
      `SELECT ev.at, ev.detail->>'kind' AS kind, ev.detail->>'reason' AS reason, count(*) OVER ()::int AS total
       FROM opportunity_event ev
       WHERE ev.department_id = $1 AND ev.kind = 'draft-override' AND ev.at >= $2 AND ev.at < $3
       ORDER BY ev.at DESC LIMIT $4`,
      [departmentId, from, to, limit],
    );
    return { count: rows[0]?.total ?? 0, latest: rows.map(({ total: _total, ...o }) => o) };
  }

  /**
   * Engagements in [from, to) that announced without the press office: their conversation was routed to the press
   * office, or the draft posted had an announcement finding (set aside, or cleared without it), and the
   * opportunity was never referred to the press office.
   */
  async announcementsWithoutPressOffice(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
  ): Promise<number> {
    const rows: { n: number }[] = await q.query(
      `SELECT count(*)::int AS n
       FROM engagement e ${ENGAGEMENT_JOINS}
       LEFT JOIN draft d ON d.id = e.draft_id
       LEFT JOIN draft_version dv ON dv.draft_id = d.id AND dv.version = d.version
       WHERE e.department_id = $1 AND e.occurred_at >= $2 AND e.occurred_at < $3 AND ${PUBLIC_ENGAGEMENT}
         AND (coalesce(e.route, o.route) = 'press-office' OR dv.findings @> '[{"kind": "announcement"}]')
         AND NOT EXISTS (SELECT 1 FROM opportunity_event ev WHERE ev.opportunity_id = o.id AND ev.kind = 'referred'
           AND ev.detail->>'to' = 'press-office')`,
      [departmentId, from, to],
    );
    return rows[0].n;
  }

  /**
   * The external accounts the department engaged with in [from, to), and how many in two or more conversations.
   * Engaged with is the author of the post a reply answered where Parley fetched it, else the author of the
   * conversation's first public post; department accounts are never counted as the public. An author retention
   * gave a token is known by it, on their retired posts and the rest alike, so they are still counted once.
   */
  async participants(
    q: Queryable,
    departmentId: string,
    from: Date,
    to: Date,
  ): Promise<{ accounts: number; returning: number }> {
    const rows: { accounts: number; returning: number }[] = await q.query(
      `WITH engaged AS (
         SELECT e.conversation_id, coalesce(parent.platform, first.platform) AS platform,
           coalesce(parent.author_token, lower(parent.author_handle), first.author_token, lower(first.author_handle))
             AS handle
         FROM engagement e
         LEFT JOIN post p ON p.id = e.post_id
         LEFT JOIN post parent ON parent.source_id = p.source_id AND parent.external_id = p.in_reply_to
           AND parent.by_department_id IS NULL AND parent.author_handle IS NOT NULL
         LEFT JOIN LATERAL (
           SELECT f.platform, f.author_handle, f.author_token FROM post f
           WHERE f.conversation_id = e.conversation_id AND f.by_department_id IS NULL AND f.author_handle IS NOT NULL
             AND f.published_at IS NOT NULL
           ORDER BY f.published_at LIMIT 1
         ) first ON parent.id IS NULL
         WHERE e.department_id = $1 AND e.occurred_at >= $2 AND e.occurred_at < $3 AND ${PUBLIC_ENGAGEMENT}
       ), per_account AS (
         SELECT count(DISTINCT conversation_id) AS conversations FROM engaged WHERE handle IS NOT NULL
         GROUP BY platform, handle
       )
       SELECT count(*)::int AS accounts, count(*) FILTER (WHERE conversations >= 2)::int AS returning FROM per_account`,
      [departmentId, from, to],
    );
    return rows[0];
  }

  /** The department's first-response promise. */
  async responsePolicy(
    q: Queryable,
    departmentId: string,
  ): Promise<{ slaMinutes: number | null; businessHours: boolean }> {
    const rows: { slaMinutes: number | null; businessHours: boolean }[] = await q.query(
      `SELECT response_sla_minutes AS "slaMinutes", response_sla_business_hours AS "businessHours"
       FROM department WHERE id = $1`,
      [departmentId],
    );
    return rows[0];
  }
}
