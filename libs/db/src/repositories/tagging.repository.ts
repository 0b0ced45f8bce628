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
  conversationId: string;
  platform: string;
  title: string | null;
  text: string;
  url: string | null;
  authorName: string | null;
  authorHandle: string | null;
  publishedAt: Date | null;
  authorFollowers: number | null;
  language: string | null;
  source: string;
  /** The post that started the conversation (on a blog: the article the comments are under). */
  isRoot: boolean;
};
export type OpportunityInput = {
  conversationId: string;
  departmentId: string;
  score: number;
  route: string;
  routeReason: string;
  rules: { key: string; version: number }[];
  signals: { kind: string; detail: string; weight: number }[];
  resources: { title: string; url: string; similarity: number }[];
  firstResponseAt: Date | null;
  firstResponseSeconds: number | null;
  firstPublicPostAt: Date | null;
};
/** An opportunity in the inbox, with the rules it rested on when last tagged. */
export type LiveOpportunity = {
  conversationId: string;
  departmentId: string;
  rules: { key: string; version: number }[];
};
/** An opportunity tagging has seen before: live ones may be retired, retired ones revived. */
export type KnownOpportunity = LiveOpportunity & { id: string; live: boolean; retired: boolean };
/** A live opportunity whose time-dependent signals were worked out long enough ago to have changed. */
export type StaleSignals = {
  id: string;
  conversationId: string;
  /** Exactly as stored (text keeps the microseconds), so a re-score never overwrites a newer tagging. */
  taggedAt: string;
  signals: { kind: string; detail: string; weight: number }[];
};
export type Rescore = {
  id: string;
  /** The `taggedAt` the re-score was worked out from. */
  taggedAt: string;
  score: number;
  signals: { kind: string; detail: string; weight: number }[];
};
export type Retirement = { conversationId: string; departmentId: string; reason: string };
export type ConversationVersion = { id: string; contentVersion: number; taggedVersion: number };

/** What tagging reads (rules, accounts, threads) and writes (opportunities, department posts, engagements), in batches. */
export class TaggingRepository {
  enabledRules(q: Queryable): Promise<RuleForMatching[]> {
    return q.query(
      `SELECT r.id, r.key, r.version, r.query, r.department_id AS "departmentId", d.key AS department
       FROM listening_rule r JOIN department d ON d.id = r.department_id WHERE r.enabled AND r.deleted_at IS NULL
       ORDER BY d.key, r.key`,
    );
  }

  /** Changes whenever a rule, department or account changes, so compiled rules are rebuilt only then. */
  workspaceFingerprint(q: Queryable): Promise<string> {
    return q
      .query(
        `SELECT concat_ws(':', (SELECT max(updated_at) FROM listening_rule), (SELECT count(*) FROM listening_rule),
           (SELECT max(updated_at) FROM department), (SELECT count(*) FROM department),
           (SELECT md5(string_agg(concat_ws(' ', id, handle, site), ',' ORDER BY id)) FROM department_account),
           (SELECT md5(string_agg(id::text, ',' ORDER BY id)) FROM department_resource)) AS f`,
      )
      .then((rows: { f: string }[]) => rows[0].f);
  }

  resources(q: Queryable): Promise<{ departmentId: string; title: string; url: string; text: string }[]> {
    return q.query(
      `SELECT department_id AS "departmentId", title, url, text FROM department_resource ORDER BY department_id, url`,
    );
  }

  accounts(q: Queryable): Promise<AccountForMatching[]> {
    return q.query(`SELECT department_id AS "departmentId", platform, handle, site FROM department_account`);
  }

  /**
   * Claims up to `limit` conversations waiting for tagging, locked until the transaction ends. Rows another tagger
   * holds are skipped, so replicas and concurrent jobs never tag the same version twice; a tagger that dies rolls
   * back and leaves its rows pending. NO KEY UPDATE lets posts still be added to a claimed conversation. Ordered
   * as the conversation_tag_pending index is, so the planner reads that index rather than the whole table (it
   * guesses a third of all rows are pending; most often a few hundred are, the newest, at the end of the heap).
   */
  claimPending(q: Queryable, limit: number): Promise<ConversationVersion[]> {
    return q.query(
      `SELECT id::text, content_version AS "contentVersion", tagged_version AS "taggedVersion"
       FROM conversation WHERE content_version > tagged_version ORDER BY source_id LIMIT $1
       FOR NO KEY UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  /** As claimPending, for these conversations only. */
  claimPendingOf(q: Queryable, ids: string[]): Promise<ConversationVersion[]> {
    return q.query(
      `SELECT id::text, content_version AS "contentVersion", tagged_version AS "taggedVersion"
       FROM conversation WHERE id = ANY($1::bigint[]) AND content_version > tagged_version
       FOR NO KEY UPDATE SKIP LOCKED`,
      [ids],
    );
  }

  postsOf(q: Queryable, conversationIds: string[]): Promise<PostForTagging[]> {
    return q.query(
      `SELECT p.id::text, p.conversation_id::text AS "conversationId", p.platform, p.title, p.text, p.url,
         p.author_name AS "authorName", p.author_handle AS "authorHandle", p.published_at AS "publishedAt",
         p.author_followers AS "authorFollowers", p.language, s.key AS source,
         (p.source_id = c.source_id AND p.external_id = c.root_external_id) AS "isRoot"
       FROM post p JOIN source s ON s.id = p.source_id JOIN conversation c ON c.id = p.conversation_id
       WHERE p.conversation_id = ANY($1::bigint[]) AND p.deleted_at IS NULL
       ORDER BY p.conversation_id, p.published_at NULLS FIRST, p.id`,
      [conversationIds],
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

  async recordDetectedEngagements(q: Queryable, conversationIds: string[]): Promise<void> {
    await q.query(
      `INSERT INTO engagement (conversation_id, department_id, post_id, kind, url, occurred_at)
       SELECT conversation_id, by_department_id, id, 'detected', url, coalesce(published_at, fetched_at)
       FROM post WHERE conversation_id = ANY($1::bigint[]) AND by_department_id IS NOT NULL
       ON CONFLICT (department_id, post_id) WHERE post_id IS NOT NULL DO NOTHING`,
      [conversationIds],
    );
  }

  /** Every opportunity of these conversations, live or retired: one read for both retiring and reviving. */
  opportunitiesOf(q: Queryable, conversationIds: string[]): Promise<KnownOpportunity[]> {
    return q.query(
      `SELECT id, conversation_id::text AS "conversationId", department_id AS "departmentId", rules,
         retired_at IS NULL AS live, status = 'retired' AS retired
       FROM opportunity WHERE conversation_id = ANY($1::bigint[])`,
      [conversationIds],
    );
  }

  /**
   * `tagged_at` is the time of this write, not of the batch's BEGIN, so stored→tagged latency is not flattered.
   * An opportunity tagged again is live again, whatever retired it before. `signalsAt` is the clock tagging read.
   */
  async upsertOpportunities(q: Queryable, opportunities: OpportunityInput[], signalsAt: Date): Promise<void> {
    if (opportunities.length === 0) return;
    await q.query(
      `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, rules, signals, resources,
         first_response_at, first_response_seconds, first_public_post_at, tagged_at, signals_at)
       SELECT o."conversationId", o."departmentId", o.score, o.route, o."routeReason", o.rules, o.signals, o.resources,
         o."firstResponseAt", o."firstResponseSeconds", o."firstPublicPostAt", clock_timestamp(), $2::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS o("conversationId" bigint, "departmentId" uuid, score int, route text,
         "routeReason" text, rules jsonb, signals jsonb, resources jsonb, "firstResponseAt" timestamptz, "firstResponseSeconds" int,
         "firstPublicPostAt" timestamptz)
       ON CONFLICT (conversation_id, department_id) DO UPDATE SET score = EXCLUDED.score, route = EXCLUDED.route,
         route_reason = EXCLUDED.route_reason, rules = EXCLUDED.rules, signals = EXCLUDED.signals, resources = EXCLUDED.resources,
         first_response_at = EXCLUDED.first_response_at, first_response_seconds = EXCLUDED.first_response_seconds,
         first_public_post_at = EXCLUDED.first_public_post_at, retired_at = NULL, retired_reason = NULL,
         tagged_at = EXCLUDED.tagged_at, signals_at = EXCLUDED.signals_at, updated_at = now()`,
      [JSON.stringify(opportunities), signalsAt],
    );
  }

  /**
   * Takes untouched opportunities (`statuses`: new or assigned, see the transition table) out of the inbox, keeping
   * them (and why, and when) for history and evaluation, each with a `retired` event on its timeline. Work someone
   * started stays, as does one another department referred here (a person put it in this inbox, not a rule).
   * Returns the ones retired.
   */
  async retireOpportunities(
    q: Queryable,
    retirements: Retirement[],
    statuses: readonly string[],
  ): Promise<Retirement[]> {
    if (retirements.length === 0) return [];
    return q.query(
      `WITH retired AS (
         UPDATE opportunity o SET retired_at = clock_timestamp(), retired_reason = r.reason, status = 'retired',
           version = o.version + 1, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS r("conversationId" bigint, "departmentId" uuid, reason text)
           JOIN opportunity before ON before.conversation_id = r."conversationId" AND before.department_id = r."departmentId"
         WHERE o.id = before.id AND o.retired_at IS NULL AND o.status = ANY($2::text[]) AND o.referred_from_id IS NULL
         RETURNING o.id, o.conversation_id, o.department_id, before.status AS from_status, r.reason
       ), events AS (
         INSERT INTO opportunity_event (opportunity_id, department_id, kind, from_status, to_status, detail)
         SELECT id, department_id, 'retired', from_status, 'retired', jsonb_build_object('reason', reason) FROM retired
       )
       SELECT conversation_id::text AS "conversationId", department_id AS "departmentId", reason FROM retired`,
      [JSON.stringify(retirements), statuses],
    );
  }

  /**
   * Retired opportunities (by id) that these conversations' tagging produces again come back to the inbox as new
   * and nobody's, each with a `revived` event; the upsert that follows brings their tags up to date.
   */
  async reviveRetired(q: Queryable, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await q.query(
      `WITH revived AS (
         UPDATE opportunity o SET status = 'new', assignee_id = NULL, version = o.version + 1, updated_at = now()
         WHERE o.id = ANY($1::uuid[]) AND o.status = 'retired'
         RETURNING o.id, o.department_id
       )
       INSERT INTO opportunity_event (opportunity_id, department_id, kind, from_status, to_status)
       SELECT id, department_id, 'revived', 'retired', 'new' FROM revived`,
      [ids],
    );
  }

  /**
   * Live opportunities whose signals were worked out before `before`, in threads that were still active within
   * `settleMs` of that time (after that, recency and velocity no longer change until someone posts). Threads quiet
   * since before `horizon` are left alone, so the query walks recent conversations only.
   */
  staleSignals(
    q: Queryable,
    window: { before: Date; settleMs: number; horizon: Date },
    limit: number,
  ): Promise<StaleSignals[]> {
    return q.query(
      `SELECT o.id::text, o.conversation_id::text AS "conversationId", o.tagged_at::text AS "taggedAt", o.signals
       FROM conversation c JOIN opportunity o ON o.conversation_id = c.id
       WHERE c.last_activity_at > $1 AND o.retired_at IS NULL AND o.signals_at < $2
         AND c.last_activity_at > o.signals_at - make_interval(secs => $3 / 1000.0)
       ORDER BY o.signals_at LIMIT $4`,
      [window.horizon, window.before, window.settleMs, limit],
    );
  }

  /** Skips an opportunity tagged again since it was read: that tagging's signals are newer than these. */
  async rescore(q: Queryable, rescores: Rescore[], signalsAt: Date): Promise<void> {
    if (rescores.length === 0) return;
    await q.query(
      `UPDATE opportunity o SET score = r.score, signals = r.signals, signals_at = $2
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "taggedAt" timestamptz, score int, signals jsonb)
       WHERE o.id = r.id AND o.tagged_at = r."taggedAt"`,
      [JSON.stringify(rescores), signalsAt],
    );
  }

  /** Marks the versions seen as tagged; a newer version stored meanwhile stays pending. */
  async markTagged(q: Queryable, versions: { id: string; version: number }[]): Promise<void> {
    await q.query(
      `UPDATE conversation c SET tagged_version = greatest(c.tagged_version, v.version)
       FROM jsonb_to_recordset($1::jsonb) AS v(id bigint, version int) WHERE c.id = v.id`,
      [JSON.stringify(versions)],
    );
  }
}
