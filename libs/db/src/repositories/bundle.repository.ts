import type { Queryable } from '../queryable';

/** A department's opportunity on a conversation: the triage and where its handling stands. */
export type BundleOpportunityRow = {
  id: string;
  score: number;
  route: string;
  routeReason: string;
  rules: { key: string; version: number }[];
  signals: { kind: string; detail: string; weight: number }[];
  resources: { title: string; url: string; similarity: number }[];
  status: string;
  assigneeName: string | null;
  declineReason: string | null;
  taggedAt: Date;
  firstResponseAt: Date | null;
  retiredAt: Date | null;
  retiredReason: string | null;
};

export type BundlePostRow = {
  id: string;
  externalId: string;
  platform: string;
  url: string | null;
  authorName: string | null;
  authorHandle: string | null;
  authorProfileUrl: string | null;
  publishedAt: Date | null;
  text: string;
  inReplyTo: string | null;
  /** The department key when one of its accounts wrote the post. */
  byDepartment: string | null;
};

export type BundleRuleVersionRow = {
  key: string;
  version: number;
  name: string;
  queryBefore: string | null;
  query: string;
  enabled: boolean;
  reason: string | null;
  changedAt: Date;
  changedBy: string | null;
};

export type BundleEventRow = {
  id: string;
  at: Date;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorName: string | null;
  detail: Record<string, unknown>;
};

/** A row of a table this repository does not model (another module's), as its columns, with names for people. */
export type BundleRecord = Record<string, unknown>;

/**
 * The records other modules keep about a case, each as its table's own columns, read only where the table exists.
 * Drafts arrive with the drafts module (a draft per opportunity, its kept versions with their propriety findings and
 * overrides, each submission for clearance, each review).
 */
const CASE_RECORDS: readonly { kind: string; table: string; query: string }[] = [
  {
    kind: 'drafts',
    table: 'draft',
    query: `SELECT to_jsonb(t) AS row FROM draft t WHERE t.opportunity_id = $1 ORDER BY t.created_at`,
  },
  {
    kind: 'draft-versions',
    table: 'draft_version',
    query: `SELECT to_jsonb(t) AS row FROM draft_version t JOIN draft d ON d.id = t.draft_id
      WHERE d.opportunity_id = $1 ORDER BY t.version`,
  },
  {
    kind: 'clearance-submissions',
    table: 'draft_clearance',
    query: `SELECT to_jsonb(t) AS row FROM draft_clearance t JOIN draft d ON d.id = t.draft_id
      WHERE d.opportunity_id = $1 ORDER BY t.submitted_at, t.id`,
  },
  {
    kind: 'clearance-reviews',
    table: 'draft_review',
    query: `SELECT to_jsonb(t) AS row FROM draft_review t JOIN draft_clearance c ON c.id = t.clearance_id
      JOIN draft d ON d.id = c.draft_id WHERE d.opportunity_id = $1 ORDER BY t.at, t.id`,
  },
];

/** What an FOI case bundle reads: one conversation and one department's handling of it, whole. */
export class BundleRepository {
  opportunity(
    q: Queryable,
    conversationId: string,
    departmentId: string,
  ): Promise<BundleOpportunityRow | undefined> {
    return q
      .query(
        `SELECT o.id, o.score, o.route, o.route_reason AS "routeReason", o.rules, o.signals, o.resources, o.status,
           u.name AS "assigneeName", o.decline_reason AS "declineReason", o.tagged_at AS "taggedAt",
           o.first_response_at AS "firstResponseAt", o.retired_at AS "retiredAt", o.retired_reason AS "retiredReason"
         FROM opportunity o LEFT JOIN app_user u ON u.id = o.assignee_id
         WHERE o.conversation_id = $1 AND o.department_id = $2`,
        [conversationId, departmentId],
      )
      .then((rows: BundleOpportunityRow[]) => rows[0]);
  }

  /** The thread in reading order, with what identifies each author (for redaction to replace). */
  posts(q: Queryable, conversationId: string): Promise<BundlePostRow[]> {
    return q.query(
      `SELECT p.id::text, p.external_id AS "externalId", p.platform, p.url, p.author_name AS "authorName",
         p.author_handle AS "authorHandle", p.author_profile_url AS "authorProfileUrl", p.published_at AS "publishedAt",
         CASE WHEN p.deleted_at IS NULL THEN p.text ELSE '' END AS text, p.in_reply_to AS "inReplyTo",
         d.key AS "byDepartment"
       FROM post p LEFT JOIN department d ON d.id = p.by_department_id
       WHERE p.conversation_id = $1 ORDER BY p.published_at NULLS FIRST, p.id`,
      [conversationId],
    );
  }

  /** The versions of the department's rules named by `rules` ({key, version}), as they read when they tagged. */
  ruleVersions(
    q: Queryable,
    departmentId: string,
    rules: { key: string; version: number }[],
  ): Promise<BundleRuleVersionRow[]> {
    return q.query(
      `SELECT r.key, v.version, v.name, v.query_before AS "queryBefore", v.query_after AS query, v.enabled, v.reason,
         v.changed_at AS "changedAt", u.name AS "changedBy"
       FROM jsonb_to_recordset($2::jsonb) AS t(key text, version int)
       JOIN listening_rule r ON r.department_id = $1 AND r.key = t.key
       JOIN listening_rule_version v ON v.rule_id = r.id AND v.version = t.version
       LEFT JOIN app_user u ON u.id = v.changed_by
       ORDER BY r.key`,
      [departmentId, JSON.stringify(rules)],
    );
  }

  /** Which of these tables exist in this database. */
  async existingTables(q: Queryable, names: readonly string[]): Promise<Set<string>> {
    const rows: { name: string }[] = await q.query(
      `SELECT n AS name FROM unnest($1::text[]) AS n WHERE to_regclass(n) IS NOT NULL`,
      [names],
    );
    return new Set(rows.map((r) => r.name));
  }

  /** The opportunity's timeline: every status change, assignment, note, draft, review, referral and engagement. */
  timeline(q: Queryable, opportunityId: string): Promise<BundleEventRow[]> {
    return q.query(
      `SELECT e.id::text, e.at, e.kind, e.from_status AS "fromStatus", e.to_status AS "toStatus", u.name AS "actorName",
         e.detail
       FROM opportunity_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
       WHERE e.opportunity_id = $1 ORDER BY e.at, e.id`,
      [opportunityId],
    );
  }

  /** The department's engagements in the conversation, as their columns (the publishing module adds some). */
  async engagements(q: Queryable, conversationId: string, departmentId: string): Promise<BundleRecord[]> {
    const rows: { row: BundleRecord }[] = await q.query(
      `SELECT to_jsonb(e) AS row FROM engagement e
       WHERE e.conversation_id = $1 AND e.department_id = $2 ORDER BY e.occurred_at, e.id`,
      [conversationId, departmentId],
    );
    return rows.map((r) => r.row);
  }

  /**
   * Every record of the kinds in `CASE_RECORDS` whose table exists here, by kind: a deployment without the drafts
   * module (or before its migration) still gets its bundle, without those records.
   */
  async caseRecords(q: Queryable, opportunityId: string): Promise<Record<string, BundleRecord[]>> {
    const present = await this.existingTables(
      q,
      CASE_RECORDS.map((r) => r.table),
    );
    const kinds = CASE_RECORDS.filter((r) => present.has(r.table));
    const rows = await Promise.all(
      kinds.map((r) => q.query(r.query, [opportunityId]) as Promise<{ row: BundleRecord }[]>),
    );
    return Object.fromEntries(kinds.map((r, i) => [r.kind, rows[i].map((x) => x.row)]));
  }

  /** Names of the people among these ids (ids that are no one's are left out). */
  async userNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await q.query(
      `SELECT id::text, name FROM app_user WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((u) => [u.id, u.name]));
  }
}
