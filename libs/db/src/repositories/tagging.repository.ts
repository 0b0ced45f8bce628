import type { Queryable } from '../queryable';

export type RuleForMatching = {
  id: string;
  key: string;
  version: number;
  query: string;
  departmentId: string;
  department: string;
};
export type AccountForMatching = {
  departmentId: string;
  platform: string;
  handle: string;
  site: string | null;
};
export type PostForTagging = {
  id: string;
  platform: string;
  title: string | null;
  text: string;
  url: string | null;
  authorName: string | null;
  authorHandle: string | null;
  publishedAt: Date | null;
};
export type OpportunityInput = {
  conversationId: string;
  departmentId: string;
  score: number;
  route: string;
  routeReason: string;
  rules: { key: string; version: number }[];
  signals: { kind: string; detail: string; weight: number }[];
  firstResponseAt: Date | null;
  firstResponseSeconds: number | null;
};

/** What tagging reads (rules, accounts, the thread) and writes (opportunities, department posts, engagements). */
export class TaggingRepository {
  enabledRules(q: Queryable): Promise<RuleForMatching[]> {
    return q.query(
      `SELECT r.id, r.key, r.version, r.query, r.department_id AS "departmentId", d.key AS department
       FROM listening_rule r JOIN department d ON d.id = r.department_id WHERE r.enabled ORDER BY d.key, r.key`,
    );
  }

  rulesFingerprint(q: Queryable): Promise<string> {
    return q
      .query(`SELECT coalesce(max(updated_at)::text, '') || ':' || count(*)::text AS f FROM listening_rule`)
      .then((rows: { f: string }[]) => rows[0].f);
  }

  accounts(q: Queryable): Promise<AccountForMatching[]> {
    return q.query(`SELECT department_id AS "departmentId", platform, handle, site FROM department_account`);
  }

  postsForTagging(q: Queryable, conversationId: string): Promise<PostForTagging[]> {
    return q.query(
      `SELECT id::text, platform, title, text, url, author_name AS "authorName", author_handle AS "authorHandle",
         published_at AS "publishedAt"
       FROM post WHERE conversation_id = $1 AND deleted_at IS NULL ORDER BY published_at NULLS FIRST, id`,
      [conversationId],
    );
  }

  async setPostDepartments(
    q: Queryable,
    assignments: { postId: string; departmentId: string | null }[],
  ): Promise<void> {
    if (assignments.length === 0) return;
    await q.query(
      `UPDATE post p SET by_department_id = a."departmentId"
       FROM jsonb_to_recordset($1::jsonb) AS a("postId" bigint, "departmentId" uuid)
       WHERE p.id = a."postId" AND p.by_department_id IS DISTINCT FROM a."departmentId"`,
      [JSON.stringify(assignments)],
    );
  }

  async recordDetectedEngagements(q: Queryable, conversationId: string): Promise<void> {
    await q.query(
      `INSERT INTO engagement (conversation_id, department_id, post_id, kind, url, occurred_at)
       SELECT conversation_id, by_department_id, id, 'detected', url, coalesce(published_at, fetched_at)
       FROM post WHERE conversation_id = $1 AND by_department_id IS NOT NULL
       ON CONFLICT (department_id, post_id) WHERE post_id IS NOT NULL DO NOTHING`,
      [conversationId],
    );
  }

  async upsertOpportunity(q: Queryable, o: OpportunityInput): Promise<void> {
    await q.query(
      `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, rules, signals,
         first_response_at, first_response_seconds)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (conversation_id, department_id) DO UPDATE SET score = EXCLUDED.score, route = EXCLUDED.route,
         route_reason = EXCLUDED.route_reason, rules = EXCLUDED.rules, signals = EXCLUDED.signals,
         first_response_at = EXCLUDED.first_response_at, first_response_seconds = EXCLUDED.first_response_seconds,
         tagged_at = now(), updated_at = now()`,
      [
        o.conversationId,
        o.departmentId,
        o.score,
        o.route,
        o.routeReason,
        JSON.stringify(o.rules),
        JSON.stringify(o.signals),
        o.firstResponseAt,
        o.firstResponseSeconds,
      ],
    );
  }
}
