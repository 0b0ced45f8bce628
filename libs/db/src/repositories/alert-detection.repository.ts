import type { Queryable } from '../queryable';
import {
  FLAGGED_AUTHOR,
  HOUR_OF,
  MENTIONS_WATERMARK,
  SENTIMENT_WATERMARK,
  THEMES_WATERMARK,
} from './mention-rollup.repository';

export const ALERTS_WATERMARK = 'alerts';
/** The department scope's id in `alert` (its unique index needs a value): the nil uuid. */
export const WHOLE_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

export type ScopeType = 'department' | 'rule' | 'theme' | 'partner';
/** One detector's subject: a department as a whole, or one of its rules, themes or delivery partners. */
export type ScopeKey = { departmentId: string; type: ScopeType; id: string };
export type ScopeHourRow = ScopeKey & { hour: Date; posts: number; campaign: number };
export type SentimentHourRow = {
  departmentId: string;
  hour: Date;
  negative: number;
  neutral: number;
  positive: number;
};
export type DetectorDepartment = { id: string; name: string; aliases: string[]; settings: unknown };
export type DetectorExpectedEventRow = {
  departmentId: string;
  name: string;
  kind: string;
  from: Date;
  to: Date;
};
export type ScopeLabel = ScopeKey & { label: string };
export type ScopePost = {
  id: string;
  conversationId: string;
  url: string | null;
  author: string | null;
  /** Platform and lower-case handle: how one author is recognised across posts ('' when the platform gives none). */
  authorKey: string;
  followers: number;
  sourceName: string;
  platform: string;
  text: string;
  publishedAt: Date;
  replies: number;
  shares: number;
};
export type OpenAlertInput = {
  departmentId: string;
  kind: 'spike' | 'partner' | 'sentiment';
  scope: ScopeKey;
  label: string;
  severity: number;
  at: Date;
  measure: unknown;
  explanation: unknown;
  series: unknown;
};

/** Sources the department muted, still muted at `$at`: their posts count in none of its series. */
const MUTED_SOURCE = (department: string, source: string, at: string) => `EXISTS (
  SELECT 1 FROM alert_mute u WHERE u.department_id = ${department} AND u.target_type = 'source'
    AND u.target_id = ${source} AND u.until > ${at})`;

/** A delivery partner's names as phrase queries (name, aliases, handles), like a department's in DEPARTMENT_NAMES. */
const PARTNER_NAMES = `
  SELECT dp.id AS partner_id, dp.department_id,
    ARRAY(
      SELECT query FROM unnest(ARRAY[dp.name] || dp.aliases || dp.handles) AS term,
        LATERAL phraseto_tsquery('english', term) AS query
      WHERE numnode(query) > 0
    ) AS queries
  FROM delivery_partner dp`;

/**
 * The department's posts in the hours $1 that a partner watch reads: its public mentions (the flagged left out) and
 * its on-topic posts, each once.
 */
const DEPARTMENT_POSTS_OF_HOURS = `
  SELECT m.department_id, m.post_id, m.hour FROM mention_post m WHERE m.hour = ANY($1::timestamptz[]) AND NOT m.excluded
  UNION
  SELECT pt.department_id, pt.post_id, pt.hour FROM department d
  JOIN post_theme pt ON pt.department_id = d.id AND pt.hour = ANY($1::timestamptz[])`;

/**
 * The ids of one scope's posts in [$3, $4) ($1 the department, $2 the rule, theme or partner): what the evidence of
 * an alert reads, the same posts its counts were made of.
 */
const SCOPE_POSTS: Record<ScopeType, string> = {
  department: `SELECT m.post_id FROM mention_post m
    WHERE m.department_id = $1 AND $2::uuid = '${WHOLE_DEPARTMENT}'
      AND m.published_at >= $3 AND m.published_at < $4 AND NOT m.excluded`,
  theme: `SELECT pt.post_id FROM post_theme pt
    WHERE pt.department_id = $1 AND pt.theme_id = $2 AND pt.hour >= $3 AND pt.hour < $4`,
  rule: `SELECT pt.post_id FROM post_theme pt JOIN post rp ON rp.id = pt.post_id
    JOIN opportunity o ON o.conversation_id = rp.conversation_id AND o.department_id = pt.department_id
      AND o.status <> 'retired'
    JOIN listening_rule r ON r.id = $2
    WHERE pt.department_id = $1 AND pt.hour >= $3 AND pt.hour < $4
      AND o.rules @> jsonb_build_array(jsonb_build_object('key', r.key))`,
  partner: `SELECT x.post_id FROM (
      SELECT m.post_id FROM mention_post m
      WHERE m.department_id = $1 AND m.published_at >= $3 AND m.published_at < $4 AND NOT m.excluded
      UNION
      SELECT pt.post_id FROM post_theme pt WHERE pt.department_id = $1 AND pt.hour >= $3 AND pt.hour < $4
    ) x JOIN post pp ON pp.id = x.post_id
    JOIN (${PARTNER_NAMES}) n ON n.partner_id = $2
    WHERE EXISTS (SELECT 1 FROM unnest(n.queries) AS query WHERE pp.search_vector @@ query)`,
};

/**
 * What the alert detectors read and write: the per-scope hourly counts beyond `mention_hour` (rules, themes,
 * partners, per source so a mute can leave one out), every scope's series, the context a detector judges by
 * (settings, expected events, mutes, names), the evidence behind an alert, and the open alert itself.
 */
export class AlertDetectionRepository {
  /**
   * Locks the detectors' watermark for this transaction (created 8 days back: the detectors read no further) and
   * says how far they may read: no further than every hourly roll-up they read has counted.
   */
  async lockWatermark(q: Queryable): Promise<{ countedTo: Date; upTo: Date; now: Date }> {
    await q.query(
      `INSERT INTO rollup_watermark (name, counted_to) VALUES ($1, now() - interval '8 days')
       ON CONFLICT (name) DO NOTHING`,
      [ALERTS_WATERMARK],
    );
    const rows: { countedTo: Date; upTo: Date; now: Date }[] = await q.query(
      `SELECT w.counted_to AS "countedTo", now() AS now,
         least(now(), coalesce((SELECT min(counted_to) FROM rollup_watermark WHERE name = ANY($2)), now())) AS "upTo"
       FROM rollup_watermark w WHERE w.name = $1 FOR UPDATE`,
      [ALERTS_WATERMARK, [MENTIONS_WATERMARK, THEMES_WATERMARK, SENTIMENT_WATERMARK]],
    );
    return rows[0];
  }

  async setWatermark(q: Queryable, countedTo: Date): Promise<void> {
    await q.query(`UPDATE rollup_watermark SET counted_to = $2, updated_at = now() WHERE name = $1`, [
      ALERTS_WATERMARK,
      countedTo,
    ]);
  }

  /**
   * The hours whose counts may have changed in [from, to): those posts fetched in it were published in (their
   * mentions were recounted) and those of the posts of conversations tagged in it (their rules and themes were).
   */
  async touchedHours(q: Queryable, from: Date, to: Date): Promise<Date[]> {
    const rows: { hour: Date }[] = await q.query(
      `SELECT ${HOUR_OF('coalesce(published_at, fetched_at)')} AS hour FROM post WHERE fetched_at >= $1 AND fetched_at < $2
       UNION
       SELECT pt.hour FROM opportunity o JOIN post p ON p.conversation_id = o.conversation_id
       JOIN post_theme pt ON pt.post_id = p.id AND pt.department_id = o.department_id
       WHERE o.tagged_at >= $1 AND o.tagged_at < $2
       ORDER BY hour`,
      [from, to],
    );
    return rows.map((r) => r.hour);
  }

  /**
   * Recounts whole hours of `alert_scope_hour` for every department, from its on-topic posts (rules, themes) and
   * its mentions and on-topic posts naming a partner (with how many use campaign language: `campaignQuery`, a
   * tsquery). Flagged authors' posts count nowhere. Call it in the watermark's transaction.
   */
  async recountHours(q: Queryable, hours: Date[], campaignQuery: string): Promise<void> {
    if (hours.length === 0) return;
    // As in the mentions roll-up: the planner misjudges text matches and would JIT-compile the joins.
    await q.query(`SET LOCAL jit = off`);
    await q.query(`DELETE FROM alert_scope_hour WHERE hour = ANY($1::timestamptz[])`, [hours]);
    await q.query(
      `INSERT INTO alert_scope_hour (department_id, scope_type, scope_id, hour, source_id, posts)
       SELECT pt.department_id, 'theme', pt.theme_id, pt.hour, p.source_id, count(*)
       FROM department d JOIN post_theme pt ON pt.department_id = d.id AND pt.hour = ANY($1::timestamptz[])
       JOIN post p ON p.id = pt.post_id
       WHERE pt.theme_id IS NOT NULL AND p.deleted_at IS NULL AND NOT ${FLAGGED_AUTHOR('p', 'pt.department_id')}
       GROUP BY pt.department_id, pt.theme_id, pt.hour, p.source_id`,
      [hours],
    );
    await q.query(
      `INSERT INTO alert_scope_hour (department_id, scope_type, scope_id, hour, source_id, posts)
       SELECT pt.department_id, 'rule', r.id, pt.hour, p.source_id, count(DISTINCT p.id)
       FROM department d JOIN post_theme pt ON pt.department_id = d.id AND pt.hour = ANY($1::timestamptz[])
       JOIN post p ON p.id = pt.post_id
       JOIN opportunity o ON o.conversation_id = p.conversation_id AND o.department_id = pt.department_id
         AND o.status <> 'retired'
       CROSS JOIN LATERAL jsonb_array_elements(o.rules) AS hit
       JOIN listening_rule r ON r.department_id = pt.department_id AND r.key = hit->>'key'
       WHERE p.deleted_at IS NULL AND NOT ${FLAGGED_AUTHOR('p', 'pt.department_id')}
       GROUP BY pt.department_id, r.id, pt.hour, p.source_id`,
      [hours],
    );
    await q.query(
      `WITH names AS MATERIALIZED (${PARTNER_NAMES}), posts AS (${DEPARTMENT_POSTS_OF_HOURS})
       INSERT INTO alert_scope_hour (department_id, scope_type, scope_id, hour, source_id, posts, campaign)
       SELECT x.department_id, 'partner', n.partner_id, x.hour, p.source_id, count(*),
         count(*) FILTER (WHERE p.search_vector @@ to_tsquery('english', $2))
       FROM posts x JOIN post p ON p.id = x.post_id
       JOIN names n ON n.department_id = x.department_id
         AND EXISTS (SELECT 1 FROM unnest(n.queries) AS query WHERE p.search_vector @@ query)
       WHERE p.deleted_at IS NULL AND NOT ${FLAGGED_AUTHOR('p', 'x.department_id')}
       GROUP BY x.department_id, n.partner_id, x.hour, p.source_id`,
      [hours, campaignQuery],
    );
  }

  /** Every scope with posts in the hours: the detectors a change in them could set off. */
  scopesIn(q: Queryable, hours: Date[]): Promise<ScopeKey[]> {
    if (hours.length === 0) return Promise.resolve([]);
    return q.query(
      `SELECT DISTINCT department_id AS "departmentId", 'department' AS type, '${WHOLE_DEPARTMENT}' AS id
       FROM mention_hour WHERE hour = ANY($1::timestamptz[]) AND mentions > 0
       UNION
       SELECT DISTINCT department_id, scope_type, scope_id::text FROM alert_scope_hour WHERE hour = ANY($1::timestamptz[])
       ORDER BY 1, 2, 3`,
      [hours],
    );
  }

  /** Every scope of every department that has ever counted anything: the whole set of detectors. */
  allScopes(q: Queryable): Promise<ScopeKey[]> {
    return q.query(
      `SELECT id AS "departmentId", 'department' AS type, '${WHOLE_DEPARTMENT}' AS id FROM department
       UNION ALL
       SELECT department_id, 'rule', id::text FROM listening_rule
       UNION ALL
       SELECT department_id, 'theme', id::text FROM theme
       UNION ALL
       SELECT department_id, 'partner', id::text FROM delivery_partner
       ORDER BY 1, 2, 3`,
    );
  }

  /**
   * The hourly counts of these scopes in [from, to) with the sources muted at `at` left out; hours without posts
   * are absent. Departments read `mention_hour`, the rest `alert_scope_hour`.
   */
  async series(q: Queryable, scopes: ScopeKey[], from: Date, to: Date, at: Date): Promise<ScopeHourRow[]> {
    if (scopes.length === 0) return [];
    const departments = [
      ...new Set(scopes.filter((s) => s.type === 'department').map((s) => s.departmentId)),
    ];
    const others = scopes.filter((s) => s.type !== 'department');
    const whole: ScopeHourRow[] = departments.length
      ? await q.query(
          `SELECT m.department_id AS "departmentId", 'department' AS type, '${WHOLE_DEPARTMENT}' AS id, m.hour,
             sum(m.mentions)::int AS posts, 0 AS campaign
           FROM mention_hour m WHERE m.department_id = ANY($1::uuid[]) AND m.hour >= $2 AND m.hour < $3
             AND m.mentions > 0 AND NOT ${MUTED_SOURCE('m.department_id', 'm.source_id', '$4')}
           GROUP BY m.department_id, m.hour`,
          [departments, from, to, at],
        )
      : [];
    const parts: ScopeHourRow[] = others.length
      ? await q.query(
          `SELECT s.department_id AS "departmentId", s.scope_type AS type, s.scope_id::text AS id, s.hour,
             sum(s.posts)::int AS posts, sum(s.campaign)::int AS campaign
           FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS k(department_id, scope_type, scope_id)
           JOIN alert_scope_hour s ON s.department_id = k.department_id AND s.scope_type = k.scope_type
             AND s.scope_id = k.scope_id AND s.hour >= $4 AND s.hour < $5
           WHERE NOT ${MUTED_SOURCE('s.department_id', 's.source_id', '$6')}
           GROUP BY s.department_id, s.scope_type, s.scope_id, s.hour`,
          [
            others.map((s) => s.departmentId),
            others.map((s) => s.type),
            others.map((s) => s.id),
            from,
            to,
            at,
          ],
        )
      : [];
    return [...whole, ...parts];
  }

  /** The departments' classified mentions per hour in [from, to), by class; hours without any are absent. */
  sentiment(q: Queryable, departmentIds: string[], from: Date, to: Date): Promise<SentimentHourRow[]> {
    return q.query(
      `SELECT department_id AS "departmentId", hour,
         coalesce(sum(posts) FILTER (WHERE label = 'negative'), 0)::int AS negative,
         coalesce(sum(posts) FILTER (WHERE label = 'neutral'), 0)::int AS neutral,
         coalesce(sum(posts) FILTER (WHERE label = 'positive'), 0)::int AS positive
       FROM sentiment_hour WHERE department_id = ANY($1::uuid[]) AND hour >= $2 AND hour < $3
       GROUP BY department_id, hour`,
      [departmentIds, from, to],
    );
  }

  departments(q: Queryable, ids: string[]): Promise<DetectorDepartment[]> {
    return q.query(
      `SELECT id, name, aliases, alert_settings AS settings FROM department WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The departments' expected events whose window overlaps [from, to). */
  expectedEvents(
    q: Queryable,
    departmentIds: string[],
    from: Date,
    to: Date,
  ): Promise<DetectorExpectedEventRow[]> {
    return q.query(
      `SELECT department_id AS "departmentId", name, kind, starts_at AS "from", ends_at AS "to" FROM expected_event
       WHERE department_id = ANY($1::uuid[]) AND ends_at > $2 AND starts_at < $3 ORDER BY starts_at, name`,
      [departmentIds, from, to],
    );
  }

  /** The rules muted at `at`, by id: their detectors raise nothing. */
  async mutedRules(q: Queryable, departmentIds: string[], at: Date): Promise<Set<string>> {
    const rows: { id: string }[] = await q.query(
      `SELECT target_id::text AS id FROM alert_mute
       WHERE department_id = ANY($1::uuid[]) AND target_type = 'rule' AND until > $2`,
      [departmentIds, at],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The name people know each scope by: the department's, or its rule's, theme's or partner's. A scope whose rule,
   * theme or partner is gone (its counts outlive it until their hours are recounted) has none and is left out.
   */
  labels(q: Queryable, scopes: ScopeKey[]): Promise<ScopeLabel[]> {
    return q.query(
      `SELECT k.department_id AS "departmentId", k.scope_type AS type, k.scope_id::text AS id,
         CASE k.scope_type WHEN 'department' THEN d.name WHEN 'rule' THEN r.name WHEN 'theme' THEN t.label
           ELSE p.name END AS label
       FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS k(department_id, scope_type, scope_id)
       JOIN department d ON d.id = k.department_id
       LEFT JOIN listening_rule r ON k.scope_type = 'rule' AND r.id = k.scope_id
       LEFT JOIN theme t ON k.scope_type = 'theme' AND t.id = k.scope_id
       LEFT JOIN delivery_partner p ON k.scope_type = 'partner' AND p.id = k.scope_id
       WHERE k.scope_type = 'department' OR coalesce(r.id, t.id, p.id) IS NOT NULL`,
      [scopes.map((s) => s.departmentId), scopes.map((s) => s.type), scopes.map((s) => s.id)],
    );
  }

  /**
   * A scope's posts in [from, to), newest first, at most `limit`, the muted sources' left out; `stride` > 1 keeps
   * one post id in `stride`, a sample spread over the period that needs no sort of all of them.
   */
  posts(
    q: Queryable,
    scope: ScopeKey,
    window: { from: Date; to: Date },
    at: Date,
    limit: number,
    stride = 1,
  ): Promise<ScopePost[]> {
    return q.query(
      `SELECT p.id::text, p.conversation_id::text AS "conversationId", coalesce(p.url, p.canonical_url) AS url,
         coalesce(p.author_name, p.author_handle) AS author,
         CASE WHEN p.author_handle IS NULL THEN '' ELSE p.platform || ' ' || lower(p.author_handle) END AS "authorKey",
         coalesce(p.author_followers, 0) AS followers, coalesce(s.name, s.key) AS "sourceName", p.platform,
         concat_ws(' ', p.title, p.text) AS text, coalesce(p.published_at, p.fetched_at) AS "publishedAt",
         coalesce(p.reply_count, 0) AS replies, coalesce(p.repost_count, 0) AS shares
       FROM post p JOIN source s ON s.id = p.source_id
       WHERE p.id IN (${SCOPE_POSTS[scope.type]}) AND p.id % $6 = 0 AND p.deleted_at IS NULL
         AND NOT ${FLAGGED_AUTHOR('p', '$1')} AND NOT ${MUTED_SOURCE('$1', 'p.source_id', '$7')}
       ORDER BY p.id DESC LIMIT $5`,
      [scope.departmentId, scope.id, window.from, window.to, limit, stride, at],
    );
  }

  /** The department's delivery partners named in its posts in [from, to), by name. */
  async partnersNamed(q: Queryable, departmentId: string, from: Date, to: Date): Promise<string[]> {
    const rows: { name: string }[] = await q.query(
      `SELECT dp.name FROM delivery_partner dp WHERE dp.department_id = $1
         AND EXISTS (SELECT 1 FROM alert_scope_hour s WHERE s.department_id = $1 AND s.scope_type = 'partner'
           AND s.scope_id = dp.id AND s.hour >= $2 AND s.hour < $3)
       ORDER BY dp.name`,
      [departmentId, from, to],
    );
    return rows.map((r) => r.name);
  }

  /** How many of these authors (platform and lower-case handle) posted anywhere Parley listens in [from, to). */
  async authorsSeen(q: Queryable, authorKeys: string[], from: Date, to: Date): Promise<number> {
    if (authorKeys.length === 0) return 0;
    const rows: { seen: number }[] = await q.query(
      `SELECT count(*)::int AS seen FROM unnest($1::text[]) AS a(key)
       WHERE EXISTS (SELECT 1 FROM post p
         WHERE p.platform = split_part(a.key, ' ', 1) AND lower(p.author_handle) = substr(a.key, strpos(a.key, ' ') + 1)
           AND coalesce(p.published_at, p.fetched_at) >= $2 AND coalesce(p.published_at, p.fetched_at) < $3)`,
      [authorKeys, from, to],
    );
    return rows[0].seen;
  }

  /**
   * Raises the scope's alert, or updates the open one (acknowledged and snoozed alike: its status, assignee, snooze
   * and delivery stay as people left them, only the numbers and evidence move). Returns its id and whether it is new.
   */
  async upsertOpen(q: Queryable, alert: OpenAlertInput): Promise<{ id: string; raised: boolean }> {
    const rows: { id: string; raised: boolean }[] = await q.query(
      `INSERT INTO alert (department_id, kind, scope_type, scope_id, scope_label, severity, started_at, last_seen_at,
         measure, explanation, series)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10)
       ON CONFLICT (department_id, kind, scope_type, scope_id) WHERE status <> 'closed'
       DO UPDATE SET scope_label = EXCLUDED.scope_label, severity = EXCLUDED.severity,
         last_seen_at = greatest(alert.last_seen_at, EXCLUDED.last_seen_at), measure = EXCLUDED.measure,
         explanation = EXCLUDED.explanation, series = EXCLUDED.series, updated_at = now()
       RETURNING id, (xmax = 0) AS raised`,
      [
        alert.departmentId,
        alert.kind,
        alert.scope.type,
        alert.scope.id,
        alert.label,
        alert.severity,
        alert.at,
        JSON.stringify(alert.measure),
        JSON.stringify(alert.explanation),
        JSON.stringify(alert.series),
      ],
    );
    return rows[0];
  }
}
